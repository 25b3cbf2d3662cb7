import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { assertFiltersInScope, recordDenial } from '@/server/access/guard';
import { issueWhere } from '@/server/access/scopes/issue';
import type { Caller } from '@/server/auth/caller';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors';
import { containsText, type Cursor, dayStart, keysetPage } from '@/server/list-params';
import { isoDayOf, isoDayOrNull } from '@/lib/calendar';
import { categoryIdOf, centralBodyIdOf, regionIdOf } from '@/server/reference-codes';
import type { IssueListParams, IssuePageParams } from '@/server/records/issues/schemas';

// Raised issues as the JSON API reads them. Every query starts from issueWhere(caller): an
// issue is visible exactly when its meeting is, and neither it nor its meeting is deleted.

const listSelect = {
  id: true, version: true, meetingId: true, meetingKind: true, raisedOn: true, status: true, resolvedOn: true,
  responsibleLevel: true, description: true,
  region: { select: { kato: true } },
  category: { select: { code: true } },
} as const satisfies Prisma.RaisedIssueSelect;

type ListRow = Prisma.RaisedIssueGetPayload<{ select: typeof listSelect }>;

const toListItem = (i: ListRow) => ({
  id: i.id,
  version: i.version,
  meetingId: i.meetingId,
  regionKato: i.region.kato,
  kind: i.meetingKind,
  raisedOn: isoDayOf(i.raisedOn),
  status: i.status,
  resolvedOn: isoDayOrNull(i.resolvedOn),
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

/** The narrowing a list asks for, beyond the caller's scope. */
type IssueFilter = Partial<Pick<IssueListParams, 'from' | 'to' | 'region' | 'kind' | 'level' | 'body' | 'status' | 'category' | 'responsible'>> & {
  q?: string;
};

/** The caller's scope and the list's filters, as conditions to AND together. */
async function issueFilters(caller: Caller, params: IssueFilter, refuse?: { route: string }): Promise<Prisma.RaisedIssueWhereInput[]> {
  const [regionId, centralBodyId, categoryId] = await Promise.all([
    params.region ? regionIdOf(params.region) : undefined,
    params.body ? centralBodyIdOf(params.body) : undefined,
    params.category ? categoryIdOf(params.category) : undefined,
  ]);
  // With `refuse`, a filter outside the caller's scope is a 403 (audited) instead of an empty list.
  if (refuse) await assertFiltersInScope(caller, { regionId, centralBodyId, kind: params.kind }, { entity: 'route', entityId: refuse.route });
  const filters: Prisma.RaisedIssueWhereInput[] = [issueWhere(caller)];
  if (params.from) filters.push({ raisedOn: { gte: dayStart(params.from) } });
  if (params.to) filters.push({ raisedOn: { lte: dayStart(params.to) } });
  if (regionId !== undefined) filters.push({ regionId });
  if (params.kind) filters.push({ meetingKind: params.kind });
  if (params.status) filters.push({ status: params.status });
  if (params.responsible) filters.push({ responsibleLevel: params.responsible });
  if (categoryId !== undefined) filters.push({ categoryId });
  if (params.level) filters.push({ meeting: { akimLevel: params.level } });
  if (centralBodyId !== undefined) filters.push({ meeting: { centralBodyId } });
  // A plain substring scan: cheap within a period and region, slow over all years at scale.
  if (params.q) filters.push({ description: containsText(params.q) });
  return filters;
}

export async function listIssues(caller: Caller, params: IssueListParams): Promise<{ items: IssueListItem[]; nextCursor: string | null }> {
  const filters = [...(await issueFilters(caller, params, { route: 'GET /api/v1/issues' })), afterCursor(params.cursor)];
  const rows = await db().raisedIssue.findMany({
    where: { AND: filters },
    orderBy: [{ raisedOn: params.sort === 'raisedOn' ? 'asc' : 'desc' }, { id: 'asc' }],
    take: params.limit + 1,
    select: listSelect,
  });
  const { page, nextCursor } = keysetPage(rows, params.limit, params.sort, (r) => r.raisedOn);
  return { items: page.map(toListItem), nextCursor };
}

// ---------- the /issues page: numbered pages with a total, names in every language ----------

export const ISSUES_PAGE_SIZE = 50;

const names = { nameRu: true, nameKk: true, nameEn: true } as const;

const pageSelect = {
  id: true, meetingId: true, meetingKind: true, raisedOn: true, status: true, resolvedOn: true, responsibleLevel: true, description: true,
  region: { select: { kato: true, ...names } },
  category: { select: { code: true, ...names } },
  meeting: { select: { akimLevel: true } },
} as const satisfies Prisma.RaisedIssueSelect;

export type IssuePageRow = Prisma.RaisedIssueGetPayload<{ select: typeof pageSelect }>;

/** One numbered page of the caller's issues with the total that match. */
export async function listIssuesPage(caller: Caller, params: IssuePageParams) {
  const where = { AND: await issueFilters(caller, { ...params, from: params.period?.from, to: params.period?.to }, { route: 'GET /issues' }) };
  const orderBy: Prisma.RaisedIssueOrderByWithRelationInput[] = [{ raisedOn: params.sort === 'raisedOn' ? 'asc' : 'desc' }, { id: 'asc' }];
  const [total, rows] = await Promise.all([
    db().raisedIssue.count({ where }),
    db().raisedIssue.findMany({ where, orderBy, skip: (params.page - 1) * ISSUES_PAGE_SIZE, take: ISSUES_PAGE_SIZE, select: pageSelect }),
  ]);
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / ISSUES_PAGE_SIZE)) };
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
      id: i.meeting.id, kind: i.meeting.kind, heldOn: isoDayOf(i.meeting.heldOn), level: i.meeting.akimLevel,
      body: i.meeting.centralBody?.code ?? null,
    },
    statusHistory: i.statusChanges.map(({ author, effectiveOn, ...c }) => ({
      ...c, effectiveOn: isoDayOf(effectiveOn), author: author?.username ?? null,
    })),
    // Integer tenge as strings: JSON numbers lose precision past 2^53.
    budgetEntries: i.budgetEntries.map(({ amountKzt, effectiveOn, ...b }) => ({
      ...b, amountKzt: amountKzt.toString(), effectiveOn: isoDayOf(effectiveOn),
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
  await recordDenial(caller, 'records.read', { entity: 'raised_issue', entityId: id });
  throw new AppError('FORBIDDEN', 'the issue is outside your scope');
}

/**
 * An issue for its page: the record, its reference names in every language, and its entries
 * on the central-level list with their dated dispositions. Scope is checked by getIssue first.
 */
export async function getIssuePage(caller: Caller, id: number) {
  const issue = await getIssue(caller, id);
  const [region, category, body, escalations] = await Promise.all([
    db().region.findUniqueOrThrow({ where: { kato: issue.regionKato }, select: names }),
    db().issueCategory.findUniqueOrThrow({ where: { code: issue.category }, select: names }),
    issue.meeting.body ? db().centralBody.findUnique({ where: { code: issue.meeting.body }, select: names }) : null,
    db().escalation.findMany({
      where: { issueId: id },
      orderBy: [{ year: 'asc' }, { half: 'asc' }, { id: 'asc' }],
      select: {
        id: true, year: true, half: true, disposition: true, republicanAmountKzt: true, selected: true, proposal: true,
        centralBody: { select: names },
        history: {
          orderBy: [{ effectiveOn: 'asc' }, { recordedAt: 'asc' }, { id: 'asc' }],
          select: { id: true, disposition: true, republicanAmountKzt: true, effectiveOn: true, comment: true, author: { select: { username: true } } },
        },
        // The latest dated step of the entry's inclusion and of its mark: since when each holds.
        inclusions: { orderBy: [{ effectiveOn: 'desc' }, { recordedAt: 'desc' }, { id: 'desc' }], take: 1, select: { included: true, effectiveOn: true } },
        selections: { orderBy: [{ effectiveOn: 'desc' }, { recordedAt: 'desc' }, { id: 'desc' }], take: 1, select: { selected: true, effectiveOn: true } },
      },
    }),
  ]);
  return {
    issue,
    names: { region, category, body },
    escalations: escalations.map(({ inclusions, selections, ...e }) => ({
      ...e,
      includedOn: inclusions[0]?.included ? isoDayOf(inclusions[0].effectiveOn) : null,
      selectedOn: selections[0]?.selected ? isoDayOf(selections[0].effectiveOn) : null,
      history: e.history.map(({ effectiveOn, author, ...h }) => ({ ...h, effectiveOn: isoDayOf(effectiveOn), author: author?.username ?? null })),
    })),
  };
}

export type IssueEscalation = Awaited<ReturnType<typeof getIssuePage>>['escalations'][number];
