import { type Compare, comparedPeriod } from '@/lib/period';
import type { StatsFilter } from '@/server/stats/filters';
import { type IssueCounts, rate } from './issue-counts';

// What a period's figures are compared with (`compare=previous|yearAgo`), and the change
// between the two: shared by the summary, the breakdowns and the central officials' figures.

export type Change = { ratio: number | null; difference: number };

/** This period's figure against the compared one: their ratio (null without a base) and difference. */
export const changeOf = (now: number | null, before: number | null): Change => ({
  ratio: now === null || before === null || before === 0 ? null : now / before,
  difference: (now ?? 0) - (before ?? 0),
});

/**
 * The same filter over the compared period — the period just before, or the same period a year
 * earlier — read as of its own end, or asOf when earlier: a backdated asOf moves both periods,
 * a later one only the current.
 */
export function comparedFilter(f: StatsFilter, compare: Compare): StatsFilter {
  const period = comparedPeriod(f.period, compare);
  const asOf = f.asOf < period.to ? f.asOf : period.to;
  return { ...f, period, asOf, judgedOn: asOf };
}

/** The compared period's read, as the breakdowns name it beside their rows. */
export const comparedRead = (f: StatsFilter) => ({ period: { code: f.period.code, from: f.period.from, to: f.period.to }, asOf: f.asOf });

/** A breakdown row's counts: resolved during the period beside resolved of the period's raised issues. */
export const rowCounts = (c: IssueCounts) => ({
  issuesRaised: c.raised,
  issuesResolved: c.resolvedDuring,
  issuesRaisedAndResolved: c.raisedAndResolved,
  resolutionRate: rate(c),
});

/** A breakdown row's compared period and the change to it. */
export function rowComparison(now: IssueCounts, before: IssueCounts) {
  return {
    previous: { issuesRaised: before.raised, issuesResolved: before.resolvedDuring, resolutionRate: rate(before) },
    change: {
      issuesRaised: changeOf(now.raised, before.raised),
      issuesResolved: changeOf(now.resolvedDuring, before.resolvedDuring),
      resolutionRate: changeOf(rate(now), rate(before)),
    },
  };
}
