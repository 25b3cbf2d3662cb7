import type { MeetingKind } from '@/generated/prisma/enums';
import { AppError } from '@/server/errors';
import type { Caller } from '@/server/auth/caller';
import { SCOPE_OF_ROLE } from './policy';

// The one place that turns a caller into their scope. The entities' builders in ./scopes/
// turn it into the `where` (and, for raw SQL, the fragment) limiting each kind of record; no
// code outside src/server/access branches on the scope itself (tests/unit/access-boundaries).
// A scope that cannot be derived throws: it never widens to everything (an `undefined`
// filter would make Prisma drop the condition).

export type RecordScope =
  | { kind: 'all' }
  | { kind: 'region'; regionId: number; unitId: number | null }
  | { kind: 'body'; centralBodyId: number };

export type ScopeCaller = Pick<Caller, 'role' | 'regionId' | 'unitId' | 'centralBodyId'>;

export function recordScope(caller: ScopeCaller): RecordScope {
  const needs = SCOPE_OF_ROLE[caller.role];
  if (!needs) return { kind: 'all' };
  if (needs === 'region') {
    if (!Number.isInteger(caller.regionId)) throw new AppError('FORBIDDEN', 'scope: an akimat editor without a region');
    return { kind: 'region', regionId: caller.regionId as number, unitId: caller.unitId ?? null };
  }
  if (!Number.isInteger(caller.centralBodyId)) throw new AppError('FORBIDDEN', 'scope: a ministry editor without a body');
  return { kind: 'body', centralBodyId: caller.centralBodyId as number };
}

/**
 * Records addressed to a central body (schedule entries, escalations, the body's side of budget
 * requests): a ministry's own body's, every body's for an admin, none for an akimat.
 * Null means none; `{}` means all.
 */
export function addressedBodyFilter(caller: ScopeCaller): { centralBodyId?: number } | null {
  const scope = recordScope(caller);
  if (scope.kind === 'region') return null;
  return scope.kind === 'body' ? { centralBodyId: scope.centralBodyId } : {};
}

/** Whether the caller acts for the body a record is addressed to (see addressedBodyFilter). */
function actsForBody(caller: ScopeCaller, centralBodyId: number | null): boolean {
  const filter = addressedBodyFilter(caller);
  return filter !== null && (filter.centralBodyId === undefined || filter.centralBodyId === centralBodyId);
}

/** Throws FORBIDDEN unless the caller acts for the body a record is addressed to. */
export function requireAddressedBody(caller: ScopeCaller, centralBodyId: number | null, what: string) {
  if (!actsForBody(caller, centralBodyId)) throw new AppError('FORBIDDEN', what);
}

/**
 * The list filters a caller named that lie outside their scope: another region, any or another
 * central body, or the other kind of meeting. An empty list means every filter is in scope.
 * The lists answer such a filter with 403 rather than an empty page (server/access/guard).
 */
export function filtersOutsideScope(
  caller: ScopeCaller,
  filters: { regionId?: number; centralBodyId?: number; kind?: MeetingKind },
): Array<'region' | 'body' | 'kind'> {
  const scope = recordScope(caller);
  const out: Array<'region' | 'body' | 'kind'> = [];
  if (scope.kind === 'region') {
    if (filters.regionId !== undefined && filters.regionId !== scope.regionId) out.push('region');
    // An akimat's records are its akims' meetings: central bodies and their meetings are not.
    if (filters.centralBodyId !== undefined) out.push('body');
    if (filters.kind === 'CENTRAL') out.push('kind');
  } else if (scope.kind === 'body') {
    if (filters.centralBodyId !== undefined && filters.centralBodyId !== scope.centralBodyId) out.push('body');
    if (filters.kind === 'AKIM') out.push('kind');
  }
  return out;
}
