import type { Prisma } from '@/generated/prisma/client';
import { recordScope, type ScopeCaller } from '../scope';

/**
 * The officials whose meetings a caller may record, by kind: an akimat editor its own akims
 * (a unit editor's: its unit's and the units under it), a ministry editor its body's officials,
 * an admin anyone. Null when the caller records no meetings of that kind.
 */
export function recordableOfficialsWhere(caller: ScopeCaller, kind: 'AKIM' | 'CENTRAL'): Prisma.OfficialWhereInput | null {
  const scope = recordScope(caller);
  if (kind === 'AKIM') {
    if (scope.kind === 'body') return null;
    if (scope.kind === 'all') return {};
    return { regionId: scope.regionId, ...(scope.unitId !== null ? { OR: [{ unitId: scope.unitId }, { unit: { parentId: scope.unitId } }] } : {}) };
  }
  if (scope.kind === 'region') return null;
  return scope.kind === 'body' ? { centralBodyId: scope.centralBodyId } : {};
}
