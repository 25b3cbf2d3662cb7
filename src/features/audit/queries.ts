import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { db } from '@/server/db/client';
import { astanaDayStart, nextIsoDay } from '@/lib/calendar';
import type { AuditFilter } from './schemas';

// The audit trail for the admin page: newest first, filtered by the URL. Dates are
// calendar days in Astana time, matched against the UTC time of each entry.

export const AUDIT_PAGE_SIZE = 50;


export function auditWhere(filter: AuditFilter): Prisma.AuditLogWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (filter.from) at.gte = astanaDayStart(filter.from);
  if (filter.to) at.lt = astanaDayStart(nextIsoDay(filter.to));
  return {
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.entity ? { entity: filter.entity } : {}),
    ...(filter.username ? { user: { username: filter.username.toLowerCase() } } : {}),
    ...(filter.from || filter.to ? { at } : {}),
  };
}

export async function listAuditEntries(filter: AuditFilter, pageSize = AUDIT_PAGE_SIZE) {
  const where = auditWhere(filter);
  const [total, rows] = await Promise.all([
    db().auditLog.count({ where }),
    db().auditLog.findMany({
      where,
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      skip: (filter.page - 1) * pageSize,
      take: pageSize,
      include: { user: { select: { username: true, fullName: true } } },
    }),
  ]);
  return {
    // bigint ids become strings so the rows can be rendered and serialized.
    rows: rows.map((r) => ({ ...r, id: r.id.toString() })),
    total,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}
export type AuditRow = Awaited<ReturnType<typeof listAuditEntries>>['rows'][number];

/** The actions and entities recorded so far, for the filter lists. */
export async function getAuditFilterOptions() {
  const [actions, entities] = await Promise.all([
    db().auditLog.findMany({ distinct: ['action'], select: { action: true }, orderBy: { action: 'asc' } }),
    db().auditLog.findMany({ distinct: ['entity'], select: { entity: true }, orderBy: { entity: 'asc' } }),
  ]);
  return { actions: actions.map((a) => a.action), entities: entities.map((e) => e.entity) };
}
