import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { recordDenial } from '@/server/access/guard';
import { issueWhere, meetingWhere } from '@/server/access/scope';
import type { Caller } from '@/server/auth/caller';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors';
import { type Cursor, dayStart, keysetPage, toIsoDay } from '@/server/list-params';
import { centralBodyIdOf, regionIdOf } from '@/server/reference-codes';
import type { MeetingListParams } from './schemas';

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
  heldOn: toIsoDay(m.heldOn),
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

export async function listMeetings(
  caller: Caller,
  params: MeetingListParams,
): Promise<{ items: MeetingListItem[]; nextCursor: string | null }> {
  const [regionId, centralBodyId] = await Promise.all([
    params.region ? regionIdOf(params.region) : undefined,
    params.body ? centralBodyIdOf(params.body) : undefined,
  ]);
  const filters: Prisma.MeetingWhereInput[] = [meetingWhere(caller), afterCursor(params.cursor)];
  if (params.from) filters.push({ heldOn: { gte: dayStart(params.from) } });
  if (params.to) filters.push({ heldOn: { lte: dayStart(params.to) } });
  if (regionId !== undefined) filters.push({ regionId });
  if (centralBodyId !== undefined) filters.push({ centralBodyId });
  if (params.kind) filters.push({ kind: params.kind });
  if (params.level) filters.push({ akimLevel: params.level });

  const rows = await db().meeting.findMany({
    where: { AND: filters },
    orderBy: [{ heldOn: params.sort === 'heldOn' ? 'asc' : 'desc' }, { id: 'asc' }],
    take: params.limit + 1,
    select: listSelect,
  });
  const { page, nextCursor } = keysetPage(rows, params.limit, params.sort, (r) => r.heldOn);
  return { items: page.map(toListItem), nextCursor };
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
const isoOrNull = (d: Date | null) => (d ? toIsoDay(d) : null);

function toDetail(m: DetailRow) {
  const { region, centralBody, unit, official, issues, receptions, akimLevel, heldOn, announcedOn, ...rest } = m;
  return {
    ...rest,
    regionKato: region.kato,
    heldOn: toIsoDay(heldOn),
    level: akimLevel,
    body: centralBody?.code ?? null,
    unitCode: unit?.code ?? null,
    unitName: unit?.nameRu ?? null,
    announcedOn: isoOrNull(announcedOn),
    official,
    issues: issues.map(({ category, raisedOn, resolvedOn, ...i }) => ({
      ...i, category: category.code, raisedOn: toIsoDay(raisedOn), resolvedOn: isoOrNull(resolvedOn),
    })),
    receptions: receptions.map((r) => ({ ...r, heldOn: toIsoDay(r.heldOn) })),
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
