import { splitByWeights, splitWithinBounds } from './allocate';
import { addDays, minDate } from './dates';
import type { Dataset, IssueRow } from './dataset';
import type { Rng } from './rng';

// Local-budget need and allocation over a half's issues, hitting the exact totals.

const COST: Record<string, number> = {
  SOCIAL_INFRASTRUCTURE: 5, ROADS: 3, HOUSING_UTILITIES: 3, HOUSING: 2, LANDSCAPING_ECOLOGY: 1,
};

export function addLocalBudget(
  rng: Rng, ds: Dataset, issues: readonly IssueRow[], categoryCode: Map<number, string>,
  totals: { needKzt: bigint; allocatedKzt: bigint }, periodEnd: string,
): void {
  const needy = issues.filter((i) => COST[categoryCode.get(i.category_id) ?? ''] !== undefined && rng.chance(0.22));
  // Amounts in thousands of tenge; weights skewed so a few big projects dominate, as in real budgets.
  const weights = needy.map((i) => (COST[categoryCode.get(i.category_id) as string] as number) * Math.exp(rng.float() * 4));
  const need = splitByWeights(Number(totals.needKzt / 1000n), weights);
  const funded = needy.map((i) => (i.status === 'RESOLVED' ? rng.chance(0.95) : rng.chance(0.6)));
  const caps = need.map((n, k) => (funded[k] ? Math.floor(n * (0.5 + rng.float() * 0.5)) : 0));
  const allocated = splitWithinBounds(Number(totals.allocatedKzt / 1000n), caps.map(() => 0), caps);
  needy.forEach((issue, k) => {
    const needOn = minDate(periodEnd, addDays(issue.raised_on, rng.int(1, 20)));
    ds.budget_allocation.push({
      id: ds.budget_allocation.length + 1, issue_id: issue.id, source: 'LOCAL', kind: 'NEED',
      amount_kzt: BigInt(need[k] as number) * 1000n, effective_on: needOn, note: null,
    });
    if ((allocated[k] as number) > 0) {
      ds.budget_allocation.push({
        id: ds.budget_allocation.length + 1, issue_id: issue.id, source: 'LOCAL', kind: 'ALLOCATED',
        amount_kzt: BigInt(allocated[k] as number) * 1000n,
        effective_on: minDate(periodEnd, addDays(needOn, rng.int(10, 90))), note: null,
      });
    }
  });
}
