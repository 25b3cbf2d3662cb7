import { Prisma } from '@/generated/prisma/client';
import { recordScope, type ScopeCaller } from '../scope';

// Meetings (and through them issues): everything for an admin or analyst, an akimat's own
// akims' meetings (a unit editor's: its unit's and the units under it), a ministry's own body's.
// One definition, meetingLimit, rendered as a Prisma `where`, as SQL and as a check of one record.

/** The conditions limiting a caller's meetings; each renderer below reads only these. */
type MeetingLimit = { kind?: 'AKIM'; regionId?: number; unitOrChildOf?: number; centralBodyId?: number };

function meetingLimit(caller: ScopeCaller): MeetingLimit {
  const scope = recordScope(caller);
  switch (scope.kind) {
    case 'all':
      return {};
    case 'region':
      // An akimat's records are its akims' meetings; central officials' trips belong to their body.
      return { kind: 'AKIM', regionId: scope.regionId, ...(scope.unitId === null ? {} : { unitOrChildOf: scope.unitId }) };
    case 'body':
      return { centralBodyId: scope.centralBodyId };
  }
}

export function meetingWhere(caller: ScopeCaller): Prisma.MeetingWhereInput {
  const l = meetingLimit(caller);
  return {
    deletedAt: null,
    ...(l.kind === undefined ? {} : { kind: l.kind }),
    ...(l.regionId === undefined ? {} : { regionId: l.regionId }),
    ...(l.unitOrChildOf === undefined ? {} : { OR: [{ unitId: l.unitOrChildOf }, { unit: { parentId: l.unitOrChildOf } }] }),
    ...(l.centralBodyId === undefined ? {} : { centralBodyId: l.centralBodyId }),
  };
}

/** meetingWhere as a SQL condition on a meeting aliased `m` (deletion left to the query), for set-based lists. */
export function meetingScopeSql(caller: ScopeCaller): Prisma.Sql {
  const l = meetingLimit(caller);
  const parts: Prisma.Sql[] = [];
  if (l.kind !== undefined) parts.push(Prisma.sql`m.kind = ${l.kind}::"MeetingKind"`);
  if (l.regionId !== undefined) parts.push(Prisma.sql`m.region_id = ${l.regionId}`);
  if (l.unitOrChildOf !== undefined) {
    parts.push(Prisma.sql`(m.unit_id = ${l.unitOrChildOf} OR m.unit_id IN (SELECT id FROM admin_unit WHERE parent_id = ${l.unitOrChildOf}))`);
  }
  if (l.centralBodyId !== undefined) parts.push(Prisma.sql`m.central_body_id = ${l.centralBodyId}`);
  return parts.length === 0 ? Prisma.sql`TRUE` : Prisma.join(parts, ' AND ', '(', ')');
}

/** A meeting as stored (or as an import row would store it), enough to judge its scope. */
type MeetingPlacement = {
  kind: 'AKIM' | 'CENTRAL'; regionId: number; unitId?: number | null; unitParentId?: number | null; centralBodyId?: number | null;
};

/** Which part of a meeting's placement lies outside the caller's scope, or null when it is in scope. */
export function meetingOutOfScope(caller: ScopeCaller, m: MeetingPlacement): 'body' | 'region' | 'unit' | null {
  const l = meetingLimit(caller);
  if (l.centralBodyId !== undefined && m.centralBodyId !== l.centralBodyId) return m.kind === 'CENTRAL' ? 'body' : 'region';
  if (l.kind !== undefined && m.kind !== l.kind) return 'body';
  if (l.regionId !== undefined && m.regionId !== l.regionId) return 'region';
  if (l.unitOrChildOf !== undefined && m.unitId !== l.unitOrChildOf && m.unitParentId !== l.unitOrChildOf) return 'unit';
  return null;
}

/** Whether one meeting lies in the caller's scope; for checks before a write. */
export const meetingInScope = (caller: ScopeCaller, m: MeetingPlacement): boolean => meetingOutOfScope(caller, m) === null;

/** The meeting kinds a caller records: akimats their akims', ministries their officials'; admins both. */
export function meetingKindsFor(caller: ScopeCaller): Array<'AKIM' | 'CENTRAL'> {
  const scope = recordScope(caller);
  return scope.kind === 'region' ? ['AKIM'] : scope.kind === 'body' ? ['CENTRAL'] : ['AKIM', 'CENTRAL'];
}
