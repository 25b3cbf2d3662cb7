import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { assertFiltersInScope, recordDenial } from '@/server/access/guard';
import { issueWhere } from '@/server/access/scopes/issue';
import { meetingWhere } from '@/server/access/scopes/meeting';
import type { Caller } from '@/server/auth/caller';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors';
import { containsText, type Cursor, dayStart, keysetPage } from '@/server/list-params';
import { isoDayOf, isoDayOrNull } from '@/lib/calendar';
import { centralBodyIdOf, regionIdOf } from '@/server/reference-codes';
import { DEFAULT_ANNOUNCEMENT_MIN_DAYS } from '@/server/records/meetings/rules';
import type { MeetingListParams, MeetingPageParams } from '@/server/records/meetings/schemas';

// Meetings as the JSON API reads them. Every query starts from meetingWhere(caller), so
// a caller sees exactly the meetings of their scope; filters only narrow it further.

const listSelect = {
  id: true, version: true, kind: true, heldOn: true, akimLevel: true, venue: true,
  region: { select: { kato: true } },
  centralBody: { select: { code: true } },
  unit: { select: { code: true, nameRu: true } },
  _count: { select: { issues: { where: { deletedAt: null } } } },
} as const satisfies Prisma.MeetingSelect;

type ListRow = Prisma.MeetingGetPayload<{ select: typeof listSelect }>;

export type MeetingListItem = {
  id: number;
  version: number;
  regionKato: string;
  kind: ListRow['kind'];
  heldOn: string;
  level: ListRow['akimLevel'];
  body: string | null;
  venue: ListRow['venue'];
  unitCode: string | null;
  /** The district's or rural district's name in Russian, the records' language; null for a region's akim or a central official. */
  unitName: string | null;
  issuesCount: number;
};

const toListItem = (m: ListRow): MeetingListItem => ({
  id: m.id,
  version: m.version,
  regionKato: m.region.kato,
  kind: m.kind,
  heldOn: isoDayOf(m.heldOn),
  level: m.akimLevel,
  body: m.centralBody?.code ?? null,
  venue: m.venue,
  unitCode: m.unit?.code ?? null,
  unitName: m.unit?.nameRu ?? null,
  issuesCount: m._count.issues,
});

/** Rows after the cursor in the list's order: date in the sort's direction, then id ascending. */
function afterCursor(cursor: Cursor | undefined): Prisma.MeetingWhereInput {
  if (!cursor) return {};
  const on = dayStart(cursor.on);
  const beyond = cursor.sort.startsWith('-') ? { lt: on } : { gt: on };
  return { OR: [{ heldOn: beyond }, { heldOn: on, id: { gt: cursor.id } }] };
}

/** The narrowing a list asks for, beyond the caller's scope. */
type MeetingFilter = Partial<Pick<MeetingListParams, 'from' | 'to' | 'region' | 'kind' | 'level' | 'body'>> & { q?: string };

/**
 * The caller's scope and the list's filters, as conditions to AND together. With `refuse`, a
 * filter outside the caller's scope is a 403 (audited against that route) instead of an empty list.
 */
async function meetingFilters(caller: Caller, params: MeetingFilter, refuse?: { route: string }): Promise<Prisma.MeetingWhereInput[]> {
  const [regionId, centralBodyId] = await Promise.all([
    params.region ? regionIdOf(params.region) : undefined,
    params.body ? centralBodyIdOf(params.body) : undefined,
  ]);
  if (refuse) await assertFiltersInScope(caller, { regionId, centralBodyId, kind: params.kind }, { entity: 'route', entityId: refuse.route });
  const filters: Prisma.MeetingWhereInput[] = [meetingWhere(caller)];
  if (params.from) filters.push({ heldOn: { gte: dayStart(params.from) } });
  if (params.to) filters.push({ heldOn: { lte: dayStart(params.to) } });
  if (regionId !== undefined) filters.push({ regionId });
  if (centralBodyId !== undefined) filters.push({ centralBodyId });
  if (params.kind) filters.push({ kind: params.kind });
  if (params.level) filters.push({ akimLevel: params.level });
  if (params.q) {
    // Who held it, where, or the akimat's own number: what people remember a meeting by.
    const contains = containsText(params.q);
    filters.push({
      OR: [
        { official: { fullName: contains } },
        { unit: { OR: [{ nameRu: contains }, { nameKk: contains }, { nameEn: contains }] } },
        { externalRef: contains },
      ],
    });
  }
  return filters;
}

export async function listMeetings(
  caller: Caller,
  params: MeetingListParams,
): Promise<{ items: MeetingListItem[]; nextCursor: string | null }> {
  const filters = [...(await meetingFilters(caller, params, { route: 'GET /api/v1/meetings' })), afterCursor(params.cursor)];
  const rows = await db().meeting.findMany({
    where: { AND: filters },
    orderBy: [{ heldOn: params.sort === 'heldOn' ? 'asc' : 'desc' }, { id: 'asc' }],
    take: params.limit + 1,
    select: listSelect,
  });
  const { page, nextCursor } = keysetPage(rows, params.limit, params.sort, (r) => r.heldOn);
  return { items: page.map(toListItem), nextCursor };
}

// ---------- the /meetings page: numbered pages with a total, names in every language ----------

export const MEETINGS_PAGE_SIZE = 50;

const names = { nameRu: true, nameKk: true, nameEn: true } as const;

const pageSelect = {
  id: true, kind: true, heldOn: true, akimLevel: true, venue: true,
  region: { select: { kato: true, ...names } },
  centralBody: { select: { code: true, ...names } },
  unit: { select: names },
  official: { select: { fullName: true, position: true } },
  _count: { select: { issues: { where: { deletedAt: null } } } },
} as const satisfies Prisma.MeetingSelect;

export type MeetingPageRow = Prisma.MeetingGetPayload<{ select: typeof pageSelect }>;

/**
 * One numbered page of the caller's meetings with the total that match. Sorting by issue
 * count orders by all recorded issues (Prisma cannot filter a relation count in ORDER BY);
 * the count shown leaves out deleted ones, which differ only after a deletion.
 */
export async function listMeetingsPage(caller: Caller, params: MeetingPageParams) {
  const where = { AND: await meetingFilters(caller, { ...params, from: params.period?.from, to: params.period?.to }, { route: 'GET /meetings' }) };
  const direction = params.sort.startsWith('-') ? 'desc' : 'asc';
  const orderBy: Prisma.MeetingOrderByWithRelationInput[] = params.sort.endsWith('issues')
    ? [{ issues: { _count: direction } }, { heldOn: 'desc' }, { id: 'asc' }]
    : [{ heldOn: direction }, { id: 'asc' }];
  const [total, rows] = await Promise.all([
    db().meeting.count({ where }),
    db().meeting.findMany({ where, orderBy, skip: (params.page - 1) * MEETINGS_PAGE_SIZE, take: MEETINGS_PAGE_SIZE, select: pageSelect }),
  ]);
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / MEETINGS_PAGE_SIZE)) };
}

function detailSelect(caller: Caller) {
  return {
    id: true, version: true, kind: true, heldOn: true, akimLevel: true, venue: true, venueNote: true,
    openMicrophone: true, briefingHeld: true, ngoMeetingHeld: true, problemSiteVisited: true,
    announcedOn: true, announcementChannels: true, questionsCollected: true, actionPlanPrepared: true,
    attendance: true, outcomes: true, externalRef: true, createdAt: true, updatedAt: true,
    region: { select: { kato: true } },
    centralBody: { select: { code: true } },
    unit: { select: { code: true, nameRu: true } },
    official: { select: { id: true, fullName: true, position: true } },
    issues: {
      where: issueWhere(caller),
      orderBy: { id: 'asc' },
      select: {
        id: true, version: true, description: true, responsibleLevel: true, status: true, raisedOn: true, resolvedOn: true,
        category: { select: { code: true } },
      },
    },
    receptions: {
      orderBy: [{ heldOn: 'asc' }, { id: 'asc' }],
      select: { id: true, heldOn: true, citizensReceived: true, issuesVoiced: true, issuesResolved: true, issuesInExecution: true },
    },
  } as const satisfies Prisma.MeetingSelect;
}

type DetailRow = Prisma.MeetingGetPayload<{ select: ReturnType<typeof detailSelect> }>;

function toDetail(m: DetailRow) {
  const { region, centralBody, unit, official, issues, receptions, akimLevel, heldOn, announcedOn, ...rest } = m;
  return {
    ...rest,
    regionKato: region.kato,
    heldOn: isoDayOf(heldOn),
    level: akimLevel,
    body: centralBody?.code ?? null,
    unitCode: unit?.code ?? null,
    unitName: unit?.nameRu ?? null,
    announcedOn: isoDayOrNull(announcedOn),
    official,
    issues: issues.map(({ category, raisedOn, resolvedOn, ...i }) => ({
      ...i, category: category.code, raisedOn: isoDayOf(raisedOn), resolvedOn: isoDayOrNull(resolvedOn),
    })),
    receptions: receptions.map((r) => ({ ...r, heldOn: isoDayOf(r.heldOn) })),
  };
}

export type MeetingDetail = ReturnType<typeof toDetail>;

/**
 * One meeting with its issues and receptions. A meeting outside the caller's scope is a 403
 * with an audited denial; one that does not exist (or was deleted) is a 404.
 */
export async function getMeeting(caller: Caller, id: number): Promise<MeetingDetail> {
  const meeting = await db().meeting.findFirst({ where: { AND: [meetingWhere(caller), { id }] }, select: detailSelect(caller) });
  if (meeting) return toDetail(meeting);
  // Only whether it exists at all, to tell a denial from a missing record; nothing of it is returned.
  const exists = await db().meeting.count({ where: { id, deletedAt: null } });
  if (!exists) throw new AppError('NOT_FOUND', 'no such meeting');
  await recordDenial(caller, 'records.read', { entity: 'meeting', entityId: id });
  throw new AppError('FORBIDDEN', 'the meeting is outside your scope');
}

/** A meeting for its page: the record, its reference names in every language, and the announcement rule. */
export async function getMeetingPage(caller: Caller, id: number) {
  const meeting = await getMeeting(caller, id);
  const [region, body, unit, categories, setting] = await Promise.all([
    db().region.findUniqueOrThrow({ where: { kato: meeting.regionKato }, select: names }),
    meeting.body ? db().centralBody.findUnique({ where: { code: meeting.body }, select: names }) : null,
    meeting.unitCode ? db().adminUnit.findUnique({ where: { code: meeting.unitCode }, select: names }) : null,
    db().issueCategory.findMany({ select: { code: true, ...names } }),
    db().setting.findUnique({ where: { key: 'announcementMinDays' } }),
  ]);
  const minDays = Number(setting?.value);
  return {
    meeting,
    names: { region, body, unit, categories: new Map(categories.map((c) => [c.code, c])) },
    announcementMinDays: Number.isInteger(minDays) && minDays >= 0 ? minDays : DEFAULT_ANNOUNCEMENT_MIN_DAYS,
  };
}
