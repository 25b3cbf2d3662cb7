import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { recordDenial } from '@/server/access/guard';
import { issueWhere } from '@/server/access/scope';
import type { Caller } from '@/server/auth/caller';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors';
import { type Cursor, dayStart, keysetPage, toIsoDay } from '@/server/list-params';
import { categoryIdOf, centralBodyIdOf, regionIdOf } from '@/server/reference-codes';
import type { IssueListParams } from './schemas';

// Raised issues as the JSON API reads them. Every query starts from issueWhere(caller): an
// issue is visible exactly when its meeting is, and neither it nor its meeting is deleted.

const listSelect = {
  id: true, version: true, meetingId: true, meetingKind: true, raisedOn: true, status: true, resolvedOn: true,
  responsibleLevel: true, description: true,
  region: { select: { kato: true } },
  category: { select: { code: true } },
} as const satisfies Prisma.RaisedIssueSelect;

type ListRow = Prisma.RaisedIssueGetPayload<{ select: typeof listSelect }>;
const isoOrNull = (d: Date | null) => (d ? toIsoDay(d) : null);

const toListItem = (i: ListRow) => ({
  id: i.id,
  version: i.version,
  meetingId: i.meetingId,
  regionKato: i.region.kato,
  kind: i.meetingKind,
  raisedOn: toIsoDay(i.raisedOn),
  status: i.status,
  resolvedOn: isoOrNull(i.resolvedOn),
  responsibleLevel: i.responsibleLevel,
  category: i.category.code,
  description: i.description,
});

export type IssueListItem = ReturnType<typeof toListItem>;

/** Rows after the cursor in the list's order: date in the sort's direction, then id ascending. */
function afterCursor(cursor: Cursor | undefined): Prisma.RaisedIssueWhereInput {
  if (!cursor) return {};
  const on = dayStart(cursor.on);
  const beyond = cursor.sort.startsWith('-') ? { lt: on } : { gt: on };
  return { OR: [{ raisedOn: beyond }, { raisedOn: on, id: { gt: cursor.id } }] };
}

export async function listIssues(caller: Caller, params: IssueListParams): Promise<{ items: IssueListItem[]; nextCursor: string | null }> {
  const [regionId, centralBodyId, categoryId] = await Promise.all([
    params.region ? regionIdOf(params.region) : undefined,
    params.body ? centralBodyIdOf(params.body) : undefined,
    params.category ? categoryIdOf(params.category) : undefined,
  ]);
  const filters: Prisma.RaisedIssueWhereInput[] = [issueWhere(caller), afterCursor(params.cursor)];
  if (params.from) filters.push({ raisedOn: { gte: dayStart(params.from) } });
  if (params.to) filters.push({ raisedOn: { lte: dayStart(params.to) } });
  if (regionId !== undefined) filters.push({ regionId });
  if (params.kind) filters.push({ meetingKind: params.kind });
  if (params.status) filters.push({ status: params.status });
  if (params.responsible) filters.push({ responsibleLevel: params.responsible });
  if (categoryId !== undefined) filters.push({ categoryId });
  if (params.level) filters.push({ meeting: { akimLevel: params.level } });
  if (centralBodyId !== undefined) filters.push({ meeting: { centralBodyId } });

  const rows = await db().raisedIssue.findMany({
    where: { AND: filters },
    orderBy: [{ raisedOn: params.sort === 'raisedOn' ? 'asc' : 'desc' }, { id: 'asc' }],
    take: params.limit + 1,
    select: listSelect,
  });
  const { page, nextCursor } = keysetPage(rows, params.limit, params.sort, (r) => r.raisedOn);
  return { items: page.map(toListItem), nextCursor };
}

const detailSelect = {
  ...listSelect,
  createdAt: true, updatedAt: true,
  meeting: { select: { id: true, kind: true, heldOn: true, akimLevel: true, centralBody: { select: { code: true } } } },
  statusChanges: {
    orderBy: [{ effectiveOn: 'asc' }, { recordedAt: 'asc' }, { id: 'asc' }],
    select: { id: true, fromStatus: true, toStatus: true, effectiveOn: true, comment: true, recordedAt: true, author: { select: { username: true } } },
  },
  budgetEntries: {
    orderBy: [{ effectiveOn: 'asc' }, { id: 'asc' }],
    select: { id: true, source: true, kind: true, amountKzt: true, effectiveOn: true, note: true },
  },
} as const satisfies Prisma.RaisedIssueSelect;

type DetailRow = Prisma.RaisedIssueGetPayload<{ select: typeof detailSelect }>;

function toDetail(i: DetailRow) {
  return {
    ...toListItem(i),
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    meeting: {
      id: i.meeting.id, kind: i.meeting.kind, heldOn: toIsoDay(i.meeting.heldOn), level: i.meeting.akimLevel,
      body: i.meeting.centralBody?.code ?? null,
    },
    statusHistory: i.statusChanges.map(({ author, effectiveOn, ...c }) => ({
      ...c, effectiveOn: toIsoDay(effectiveOn), author: author?.username ?? null,
    })),
    // Integer tenge as strings: JSON numbers lose precision past 2^53.
    budgetEntries: i.budgetEntries.map(({ amountKzt, effectiveOn, ...b }) => ({
      ...b, amountKzt: amountKzt.toString(), effectiveOn: toIsoDay(effectiveOn),
    })),
  };
}

export type IssueDetail = ReturnType<typeof toDetail>;

/**
 * One issue with its status history and budget entries. An issue outside the caller's scope
 * is a 403 with an audited denial; one that does not exist (or was deleted) is a 404.
 */
export async function getIssue(caller: Caller, id: number): Promise<IssueDetail> {
  const issue = await db().raisedIssue.findFirst({ where: { AND: [issueWhere(caller), { id }] }, select: detailSelect });
  if (issue) return toDetail(issue);
  // Only whether it exists at all, to tell a denial from a missing record; nothing of it is returned.
  const exists = await db().raisedIssue.count({ where: { id, deletedAt: null, meeting: { deletedAt: null } } });
  if (!exists) throw new AppError('NOT_FOUND', 'no such issue');
  await recordDenial(caller, 'records.read', { entity: 'issue', entityId: id });
  throw new AppError('FORBIDDEN', 'the issue is outside your scope');
}
