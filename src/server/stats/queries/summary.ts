import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { statsDb as db } from '@/server/db/client';
import { type StatsFilter, meetingConditions } from '@/server/stats/filters';
import { everyKind, meetingCube, planOf } from './cube';
import type { DayRange } from './month-plan';
import type { Compare } from '@/lib/period';
import { type Money, NO_MONEY, getBudget } from './budget';
import { EMPTY_COUNTS, getIssueCounts, rate } from './issue-counts';
import { type Change, changeOf, comparedFilter } from './compare';

// The headline figures of a period — meetings, issues, resolutions, money — and the same
// figures for the compared period (the one before, of equal length, or the same period a year
// earlier), with the change as a ratio and a difference.

export type MeetingCounts = { total: number; byKind: { AKIM: number; CENTRAL: number }; byLevel: { REGION: number; DISTRICT: number; RURAL: number } };

export type Figures = {
  period: { code: string; from: string; to: string };
  asOf: string;
  meetings: number;
  meetingsByKind: MeetingCounts['byKind'];
  meetingsByLevel: MeetingCounts['byLevel'];
  issuesRaised: number;
  issuesResolved: number;
  /** Of the period's raised issues, those RESOLVED on asOf: the rate's numerator. */
  issuesRaisedAndResolved: number;
  resolutionRate: number | null;
  issuesInExecution: number;
  issuesNotSupported: number;
  issuesEscalated: number;
  /** Local-budget need and allocation of the period's raised issues, entered by asOf. */
  budget: Money;
  /** The same from the republican budget. */
  republicanBudget: Money;
};

export type { Change };
export type Summary = Figures & { previous: Figures; change: Record<'meetings' | 'issuesRaised' | 'issuesResolved' | 'resolutionRate', Change> };

type MeetingRow = { key: string; kind: string; line: string; n: bigint | number | string };

/** Meetings held in the period up to asOf, per key (all, or region), kind and line (level, or B<body>). */
export async function getMeetingRows(f: StatsFilter, group: 'none' | 'region'): Promise<MeetingRow[]> {
  const plan = planOf(f);
  const raw = (range: DayRange) => {
    const category = f.categoryId === null ? Prisma.empty
      : Prisma.sql`AND EXISTS (SELECT 1 FROM raised_issue i WHERE i.meeting_id = m.id AND i.category_id = ${f.categoryId} AND i.deleted_at IS NULL)`;
    return Prisma.sql`
      SELECT ${group === 'region' ? Prisma.sql`m.region_id::text` : Prisma.sql`'all'`} AS key, m.kind::text AS kind,
        stat_line(m.akim_level, m.central_body_id) AS line, count(*) AS n
      FROM meeting m
      WHERE ${meetingConditions(f)} ${category} AND ${everyKind('m')} AND m.held_on BETWEEN ${range.from}::date AND ${range.to}::date
      GROUP BY 1, 2, 3`;
  };
  const split = plan.split;
  const queries = !split
    ? [raw(plan.raised)]
    : [...(split.months ? [meetingCube(f, group, split.months)] : []), ...(split.tail ? [raw(split.tail)] : [])];
  return (await Promise.all(queries.map((q) => db().$queryRaw<MeetingRow[]>(q)))).flat();
}

/** The meeting counts of one key's rows: by kind, by akim level, and the line's total. */
export function meetingCounts(rows: MeetingRow[], f: StatsFilter): MeetingCounts {
  const byKind = { AKIM: 0, CENTRAL: 0 };
  const byLevel = { REGION: 0, DISTRICT: 0, RURAL: 0 };
  for (const r of rows) {
    const n = Number(r.n);
    if (r.kind === 'AKIM' || r.kind === 'CENTRAL') byKind[r.kind] += n;
    if (r.line === 'REGION' || r.line === 'DISTRICT' || r.line === 'RURAL') byLevel[r.line] += n;
  }
  return { total: f.bodyId !== null ? byKind.CENTRAL : byKind.AKIM, byKind, byLevel };
}

export async function getMeetingCounts(f: StatsFilter): Promise<MeetingCounts> {
  return meetingCounts(await getMeetingRows(f, 'none'), f);
}

export async function getFigures(f: StatsFilter): Promise<Figures> {
  const [meetings, counts, money] = await Promise.all([getMeetingCounts(f), getIssueCounts(f, 'none'), getBudget(f, 'none')]);
  const c = counts.get('all') ?? EMPTY_COUNTS;
  const m = money.get('all') ?? NO_MONEY;
  return {
    period: { code: f.period.code, from: f.period.from, to: f.period.to },
    asOf: f.asOf,
    meetings: meetings.total,
    meetingsByKind: meetings.byKind,
    meetingsByLevel: meetings.byLevel,
    issuesRaised: c.raised,
    issuesResolved: c.resolvedDuring,
    issuesRaisedAndResolved: c.raisedAndResolved,
    resolutionRate: rate(c),
    issuesInExecution: c.inExecution,
    issuesNotSupported: c.notSupported,
    issuesEscalated: c.escalated,
    budget: m.local,
    republicanBudget: m.republican,
  };
}

/** The figures of the period and of the compared one (`previous` unless asked), with the change. */
export async function getSummary(f: StatsFilter, compare: Compare = 'previous'): Promise<Summary> {
  const [current, previous] = await Promise.all([getFigures(f), getFigures(comparedFilter(f, compare))]);
  return {
    ...current,
    previous,
    change: {
      meetings: changeOf(current.meetings, previous.meetings),
      issuesRaised: changeOf(current.issuesRaised, previous.issuesRaised),
      issuesResolved: changeOf(current.issuesResolved, previous.issuesResolved),
      resolutionRate: changeOf(current.resolutionRate, previous.resolutionRate),
    },
  };
}
