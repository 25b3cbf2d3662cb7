import type { Prisma } from '@/generated/prisma/client';
import type { MeetingKind } from '@/generated/prisma/enums';
import { AppError } from '@/server/errors';
import type { Caller } from '@/server/auth/caller';
import { SCOPE_OF_ROLE } from './policy';

// The one place that turns a caller into the `where` limiting records to what they may see.
// A scope that cannot be derived throws: it never widens to everything (an `undefined`
// filter would make Prisma drop the condition).

export type RecordScope =
  | { kind: 'all' }
  | { kind: 'region'; regionId: number; unitId: number | null }
  | { kind: 'body'; centralBodyId: number };

export function recordScope(caller: Pick<Caller, 'role' | 'regionId' | 'unitId' | 'centralBodyId'>): RecordScope {
  const needs = SCOPE_OF_ROLE[caller.role];
  if (!needs) return { kind: 'all' };
  if (needs === 'region') {
    if (!Number.isInteger(caller.regionId)) throw new AppError('FORBIDDEN', 'scope: an akimat editor without a region');
    return { kind: 'region', regionId: caller.regionId as number, unitId: caller.unitId ?? null };
  }
  if (!Number.isInteger(caller.centralBodyId)) throw new AppError('FORBIDDEN', 'scope: a ministry editor without a body');
  return { kind: 'body', centralBodyId: caller.centralBodyId as number };
}

export function meetingWhere(caller: Parameters<typeof recordScope>[0]): Prisma.MeetingWhereInput {
  const scope = recordScope(caller);
  const live: Prisma.MeetingWhereInput = { deletedAt: null };
  switch (scope.kind) {
    case 'all':
      return live;
    case 'region':
      // An akimat's records are its akims' meetings; central officials' trips belong to their body.
      return scope.unitId === null
        ? { ...live, kind: 'AKIM', regionId: scope.regionId }
        : { ...live, kind: 'AKIM', regionId: scope.regionId, OR: [{ unitId: scope.unitId }, { unit: { parentId: scope.unitId } }] };
    case 'body':
      return { ...live, centralBodyId: scope.centralBodyId };
  }
}

export function issueWhere(caller: Parameters<typeof recordScope>[0]): Prisma.RaisedIssueWhereInput {
  return { deletedAt: null, meeting: meetingWhere(caller) };
}

/** Whether one record lies in the caller's scope; for checks before a write. */
export function inScope(
  caller: Parameters<typeof recordScope>[0],
  record: { kind?: 'AKIM' | 'CENTRAL'; regionId: number; unitId?: number | null; unitParentId?: number | null; centralBodyId?: number | null },
): boolean {
  const scope = recordScope(caller);
  if (scope.kind === 'all') return true;
  if (scope.kind === 'body') return record.centralBodyId === scope.centralBodyId;
  if (record.kind === 'CENTRAL' || record.regionId !== scope.regionId) return false;
  return scope.unitId === null || record.unitId === scope.unitId || record.unitParentId === scope.unitId;
}

/**
 * Action plans and budget requests belong to a whole region (they have no unit): a unit
 * editor reads its region's but may not write them. Throws FORBIDDEN for a unit editor and
 * a ministry; gives the region an akimat editor writes for, or null for an admin (any region).
 */
export function regionPlansWriter(caller: Parameters<typeof recordScope>[0]): { regionId: number } | null {
  const scope = recordScope(caller);
  if (scope.kind === 'body') throw new AppError('FORBIDDEN', 'a ministry keeps no action plans or budget requests');
  if (scope.kind === 'all') return null;
  if (scope.unitId !== null) throw new AppError('FORBIDDEN', 'a unit editor reads the region’s plans and requests but does not write them');
  return { regionId: scope.regionId };
}

/** Whether the caller may write action plans and budget requests (see regionPlansWriter). */
export function mayWriteRegionPlans(caller: Parameters<typeof recordScope>[0]): boolean {
  const scope = recordScope(caller);
  return scope.kind === 'all' || (scope.kind === 'region' && scope.unitId === null);
}

/**
 * The list filters a caller named that lie outside their scope: another region, any or another
 * central body, or the other kind of meeting. An empty list means every filter is in scope.
 * The lists answer such a filter with 403 rather than an empty page (server/access/guard).
 */
export function filtersOutsideScope(
  caller: Parameters<typeof recordScope>[0],
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
