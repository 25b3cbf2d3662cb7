import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { recordScope } from './scope';
import type { Caller } from '@/server/auth/caller';

/**
 * recordScope(caller) as a SQL condition on a meeting aliased `m`, for the set-based lists
 * of this area. It mirrors meetingWhere: everything, an akimat's own akim meetings, or a
 * ministry's own body.
 */
export function meetingScopeSql(caller: Caller): Prisma.Sql {
  const scope = recordScope(caller);
  switch (scope.kind) {
    case 'all':
      return Prisma.sql`TRUE`;
    case 'region':
      return scope.unitId === null
        ? Prisma.sql`(m.kind = 'AKIM' AND m.region_id = ${scope.regionId})`
        : Prisma.sql`(m.kind = 'AKIM' AND m.region_id = ${scope.regionId}
            AND (m.unit_id = ${scope.unitId} OR m.unit_id IN (SELECT id FROM admin_unit WHERE parent_id = ${scope.unitId})))`;
    case 'body':
      return Prisma.sql`m.central_body_id = ${scope.centralBodyId}`;
  }
}
