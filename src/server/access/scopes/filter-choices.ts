import type { Prisma } from '@/generated/prisma/client';
import { recordScope, type ScopeCaller } from '../scope';

// The regions and central bodies a caller may filter the records lists on: a scoped caller only
// their own (any other would list nothing, and the lists refuse it). Null when none.

export function regionChoiceWhere(caller: ScopeCaller): Prisma.RegionWhereInput | null {
  const scope = recordScope(caller);
  if (scope.kind === 'body') return null;
  return scope.kind === 'region' ? { id: scope.regionId } : {};
}

export function bodyChoiceWhere(caller: ScopeCaller): Prisma.CentralBodyWhereInput | null {
  const scope = recordScope(caller);
  if (scope.kind === 'region') return null;
  return scope.kind === 'body' ? { id: scope.centralBodyId } : {};
}
