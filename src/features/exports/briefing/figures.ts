import 'server-only';
import { DECREE_REQUIREMENTS, type DecreeRequirement } from '@/server/records/meetings/rules';
import { nationalFilter } from '@/server/stats/filters';
import { getActionPlanStats } from '@/server/stats/queries/action-plans';
import { getCategoryBreakdown, getRegionRanking } from '@/server/stats/queries/breakdowns';
import { getCentralMeetingStats } from '@/server/stats/queries/central-meetings';
import { getEscalationStats } from '@/server/stats/queries/escalations';
import { getBudgetRequestStats } from '@/server/stats/queries/budget-requests';
import { getSummary } from '@/server/stats/queries/summary';
import type { Disposition } from '@/generated/prisma/enums';
import { type Period, parsePeriod, previousPeriod } from '@/lib/period';
import { AppError } from '@/server/errors';

// Every figure of the briefing, read from the statistics module and nothing else. Regions,
// bodies and categories are named by code here; the templates put names in. The object is
// stored as JSON with an issued briefing, so it stays plain data.

/** A requirement met by fewer than this share of a body's meetings counts as falling short (as on /central). */
export const SHORTFALL_BELOW = 0.5;

export type BriefingPeriod = { code: string; kind: 'year' | 'half'; year: number; half: 1 | 2 | null; from: string; to: string };

export type CentralFigures = {
  period: string;
  scheduled: number;
  held: number;
  byHalf: Array<{ half: string; scheduled: number; held: number }>;
  personalReceptions: number;
  citizensReceived: number;
  issuesVoiced: number;
  issuesResolved: number;
  issuesInExecution: number;
  requirements: Record<DecreeRequirement, number | null>;
  /** Bodies that held fewer meetings than scheduled, or met a requirement at fewer than half of them. */
  shortfalls: Array<{ code: string; scheduled: number; held: number; requirements: DecreeRequirement[] }>;
};

export type BriefingRequests = {
  requested: { count: number; amountKzt: number };
  approved: { count: number; approvedKzt: number };
  partiallyApproved: { count: number; amountKzt: number; approvedKzt: number };
  pending: { count: number; amountKzt: number };
  rejected: { count: number; amountKzt: number };
  withdrawn: { count: number };
  listEntries: number;
  listWithoutRequest: number;
};

export type BriefingFigures = {
  period: BriefingPeriod;
  asOf: string;
  akim: {
    meetings: number;
    issuesRaised: number;
    issuesResolved: number;
    /** Categories in the reference order, with the issues raised in each. */
    categories: Array<{ code: string; issuesRaised: number }>;
    budget: { needKzt: number; allocatedKzt: number; allocatedShare: number | null };
    republicanBudget: { needKzt: number; allocatedKzt: number; allocatedShare: number | null };
    centralList: { halves: string[]; total: number; selected: number; undecided: number; byDisposition: Record<Disposition, { count: number; amountKzt: number }> };
    /** Budget requests submitted in the period, as they stood on asOf, and the list's entries without one. */
    budgetRequests: BriefingRequests;
    /** The half-year before: its list and where it stands at this period's end (half-year briefings only). */
    previousList: { half: string; total: number; byDisposition: Record<Disposition, { count: number; amountKzt: number }> } | null;
    /** The year's totals (an H2 or a year briefing): its issues resolved by its end, and the rate. */
    yearTotals: { year: number; meetings: number; issuesRaised: number; issuesResolved: number; resolutionRate: number | null } | null;
    /** Top and bottom three regions by resolution rate over `period` (the year for an H2 briefing). */
    ranking: { period: string; top: Array<{ kato: string; rate: number }>; bottom: Array<{ kato: string; rate: number }> };
    /** Meetings against the previous period of equal length. */
    growth: { previous: string; meetings: number; previousMeetings: number; ratio: number | null };
    actionPlans: { halves: string[]; regions: number; notPublished: string[] };
  };
  central: {
    current: CentralFigures;
    /** The year's figures, for an H2 briefing. */
    year: CentralFigures | null;
    /** Meetings held in this half against the half before (a year: H2 against H1). */
    growth: { from: string; to: string; ratio: number | null } | null;
  };
};

/** A half-year or a year; quarters and ranges have no briefing. */
export function briefingPeriod(code: string): BriefingPeriod {
  const p = parsePeriod(code);
  if (!p || (p.kind !== 'year' && p.kind !== 'half')) {
    throw new AppError('VALIDATION', 'not a half-year or year', { period: 'must be a year (2022) or a half-year (2022-H2)' });
  }
  return toBriefingPeriod(p);
}

const toBriefingPeriod = (p: Period): BriefingPeriod => ({
  code: p.code, kind: p.kind as 'year' | 'half', year: p.year as number,
  half: p.kind === 'half' ? (p.index as 1 | 2) : null, from: p.from, to: p.to,
});

async function centralFigures(p: Period): Promise<CentralFigures> {
  const s = await getCentralMeetingStats(nationalFilter(p), 'ru');
  const shortfalls = s.byBody
    .map((b) => ({
      code: b.code, scheduled: b.scheduled, held: b.held,
      requirements: DECREE_REQUIREMENTS.filter((r) => b.held > 0 && (b.requirements[r] ?? 0) < SHORTFALL_BELOW),
    }))
    .filter((b) => b.held < b.scheduled || b.requirements.length > 0);
  return {
    period: p.code, scheduled: s.scheduled, held: s.held, byHalf: s.byHalf,
    personalReceptions: s.personalReceptions, citizensReceived: s.citizensReceived, issuesVoiced: s.issuesVoiced,
    issuesResolved: s.issuesResolved, issuesInExecution: s.issuesInExecution, requirements: s.requirements, shortfalls,
  };
}

export async function collectBriefingFigures(periodCode: string): Promise<BriefingFigures> {
  const period = briefingPeriod(periodCode);
  const p = parsePeriod(period.code) as Period;
  const f = nationalFilter(p);
  const year = parsePeriod(String(period.year)) as Period;
  const withYear = period.kind === 'half' && period.half === 2;
  const rankingPeriod = withYear ? year : p;
  const previousHalf = period.kind === 'half' ? previousPeriod(p) : null;

  const [summary, categories, centralList, previousList, yearSummary, ranking, plans, central, centralYear, centralBefore, requests] = await Promise.all([
    getSummary(f),
    getCategoryBreakdown(f, 'ru'),
    getEscalationStats(f),
    // The previous half's list, with its dispositions as they stand at this period's end.
    previousHalf ? getEscalationStats(nationalFilter(previousHalf, f.asOf)) : null,
    withYear ? getSummary(nationalFilter(year)) : null,
    getRegionRanking(nationalFilter(rankingPeriod), 'ru'),
    getActionPlanStats(f, 'ru'),
    centralFigures(p),
    withYear ? centralFigures(year) : null,
    previousHalf ? getCentralMeetingStats(nationalFilter(previousHalf), 'ru') : null,
    getBudgetRequestStats(f),
  ]);

  const totalsOf = (s: NonNullable<typeof yearSummary>) => ({
    year: period.year, meetings: s.meetings, issuesRaised: s.issuesRaised,
    issuesResolved: s.issuesRaisedAndResolved, resolutionRate: s.resolutionRate,
  });
  const rateOf = (kato: string) => ranking.regions.find((r) => r.kato === kato)?.resolutionRate ?? 0;
  const centralGrowth = (() => {
    if (centralBefore) {
      return { from: previousHalf!.code, to: p.code, ratio: centralBefore.held === 0 ? null : central.held / centralBefore.held };
    }
    const [h1, h2] = central.byHalf;
    return h1 && h2 ? { from: h1.half, to: h2.half, ratio: h1.held === 0 ? null : h2.held / h1.held } : null;
  })();

  return {
    period,
    asOf: f.asOf,
    akim: {
      meetings: summary.meetings,
      issuesRaised: summary.issuesRaised,
      issuesResolved: summary.issuesResolved,
      categories: categories.categories.map((c) => ({ code: c.code, issuesRaised: c.issuesRaised })),
      budget: summary.budget,
      republicanBudget: summary.republicanBudget,
      centralList: { halves: centralList.halves, total: centralList.total, selected: centralList.selected, undecided: centralList.undecided, byDisposition: centralList.byDisposition },
      budgetRequests: {
        requested: requests.requested,
        approved: { count: requests.approved.count, approvedKzt: requests.approved.approvedKzt },
        partiallyApproved: requests.partiallyApproved,
        pending: requests.pending,
        rejected: { count: requests.rejected.count, amountKzt: requests.rejected.amountKzt },
        withdrawn: { count: requests.withdrawn.count },
        listEntries: requests.list.entries,
        listWithoutRequest: requests.list.entries - requests.list.withRequest,
      },
      previousList: previousList && previousHalf ? { half: previousHalf.code, total: previousList.total, byDisposition: previousList.byDisposition } : null,
      yearTotals: yearSummary ? totalsOf(yearSummary) : period.kind === 'year' ? totalsOf(summary) : null,
      ranking: {
        period: rankingPeriod.code,
        top: ranking.top.map((kato) => ({ kato, rate: rateOf(kato) })),
        bottom: ranking.bottom.map((kato) => ({ kato, rate: rateOf(kato) })),
      },
      growth: { previous: summary.previous.period.code, meetings: summary.meetings, previousMeetings: summary.previous.meetings, ratio: summary.change.meetings.ratio },
      actionPlans: { halves: plans.halves, regions: plans.published.length + plans.notPublished.length, notPublished: plans.notPublished.map((r) => r.kato) },
    },
    central: { current: central, year: centralYear, growth: centralGrowth },
  };
}
