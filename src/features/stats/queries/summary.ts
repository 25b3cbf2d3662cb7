import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { statsDb as db } from '@/server/db/client';
import { type StatsFilter, issueConditions, meetingConditions } from '../filters';
import { previousPeriod } from '@/lib/period';
import { EMPTY_COUNTS, getIssueCounts, rate } from './issue-counts';

// The headline figures of a period — meetings, issues, resolutions, money — and the same
// figures for the previous period of equal length, with the change as a ratio and a difference.

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
  budget: { needKzt: number; allocatedKzt: number; allocatedShare: number | null };
};

export type Change = { ratio: number | null; difference: number };
export type Summary = Figures & { previous: Figures; change: Record<'meetings' | 'issuesRaised' | 'issuesResolved' | 'resolutionRate', Change> };

export async function getMeetingCounts(f: StatsFilter): Promise<MeetingCounts> {
  const category = f.categoryId === null ? Prisma.empty
    : Prisma.sql`AND EXISTS (SELECT 1 FROM raised_issue i WHERE i.meeting_id = m.id AND i.category_id = ${f.categoryId} AND i.deleted_at IS NULL)`;
  const [row] = await db().$queryRaw<Array<Record<string, bigint>>>`
    SELECT count(*) FILTER (WHERE m.kind = 'AKIM') AS akim, count(*) FILTER (WHERE m.kind = 'CENTRAL') AS central,
      count(*) FILTER (WHERE m.akim_level = 'REGION') AS region, count(*) FILTER (WHERE m.akim_level = 'DISTRICT') AS district,
      count(*) FILTER (WHERE m.akim_level = 'RURAL') AS rural
    FROM meeting m
    WHERE ${meetingConditions(f)} ${category}
      AND m.held_on BETWEEN ${f.period.from}::date AND LEAST(${f.period.to}::date, ${f.asOf}::date)`;
  const n = (k: string) => Number(row?.[k] ?? 0);
  const byKind = { AKIM: n('akim'), CENTRAL: n('central') };
  return { total: f.bodyId !== null ? byKind.CENTRAL : byKind.AKIM, byKind, byLevel: { REGION: n('region'), DISTRICT: n('district'), RURAL: n('rural') } };
}

/** Local-budget need and allocation over the period's raised issues, as entered by asOf. */
export async function getLocalBudget(f: StatsFilter): Promise<Figures['budget']> {
  const [row] = await db().$queryRaw<Array<{ need: bigint | null; allocated: bigint | null }>>`
    SELECT sum(b.amount_kzt) FILTER (WHERE b.kind = 'NEED') AS need, sum(b.amount_kzt) FILTER (WHERE b.kind = 'ALLOCATED') AS allocated
    FROM budget_allocation b JOIN raised_issue i ON i.id = b.issue_id JOIN meeting m ON m.id = i.meeting_id
    WHERE ${issueConditions(f)} AND b.source = 'LOCAL' AND b.effective_on <= ${f.asOf}::date
      AND i.raised_on BETWEEN ${f.period.from}::date AND LEAST(${f.period.to}::date, ${f.asOf}::date)`;
  const needKzt = Number(row?.need ?? 0);
  const allocatedKzt = Number(row?.allocated ?? 0);
  return { needKzt, allocatedKzt, allocatedShare: needKzt === 0 ? null : allocatedKzt / needKzt };
}

export async function getFigures(f: StatsFilter): Promise<Figures> {
  const [meetings, counts, budget] = await Promise.all([getMeetingCounts(f), getIssueCounts(f, 'none'), getLocalBudget(f)]);
  const c = counts.get('all') ?? EMPTY_COUNTS;
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
    budget,
  };
}

const change = (now: number | null, before: number | null): Change => ({
  ratio: now === null || before === null || before === 0 ? null : now / before,
  difference: (now ?? 0) - (before ?? 0),
});

/** The previous period is read as of its own end, so a backdated asOf moves only the current one. */
export function previousFilter(f: StatsFilter): StatsFilter {
  const period = previousPeriod(f.period);
  const asOf = f.asOf < period.to ? f.asOf : period.to;
  return { ...f, period, asOf, judgedOn: asOf };
}

export async function getSummary(f: StatsFilter): Promise<Summary> {
  const [current, previous] = await Promise.all([getFigures(f), getFigures(previousFilter(f))]);
  return {
    ...current,
    previous,
    change: {
      meetings: change(current.meetings, previous.meetings),
      issuesRaised: change(current.issuesRaised, previous.issuesRaised),
      issuesResolved: change(current.issuesResolved, previous.issuesResolved),
      resolutionRate: change(current.resolutionRate, previous.resolutionRate),
    },
  };
}
