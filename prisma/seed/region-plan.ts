import { splitByWeights, splitWithinBounds } from './allocate';
import type { RegionRow } from './reference';
import type { Rng } from './rng';
import { AKIM_2022, FIXED_REGION_RATES, OTHER_REGION_RATES, REGION_WEIGHTS } from './targets';

// Per-region counts for 2022 that add up to the briefing's national totals and give
// the briefing's top three and bottom three regions.

export type RegionPlan = {
  regionId: number; kato: string;
  meetings: { h1: number; h2: number };
  issues: { h1: number; h2: number };
  resolved: { h1InH1: number; h1InH2: number; h2InH2: number };
};

const jitter = (rng: Rng, w: number) => w * (0.9 + rng.float() * 0.2);

export function planRegions2022(rng: Rng, regions: readonly RegionRow[]): RegionPlan[] {
  const t = AKIM_2022;
  const weights = regions.map((r) => REGION_WEIGHTS[r.kato] ?? 5);
  const meetingsH1 = splitByWeights(t.meetings.h1, weights.map((w) => jitter(rng, w)));
  const meetingsH2 = splitByWeights(t.meetings.h2, weights.map((w) => jitter(rng, w)));
  const issues = splitByWeights(t.issues.h1 + t.issues.h2, weights.map((w) => jitter(rng, w)));
  const issuesH1 = splitByWeights(t.issues.h1, issues.map((n) => jitter(rng, n)));

  // Resolved per region: fixed rates for the six named regions, the rest scaled to the national total.
  const totalResolved = t.resolved.h1InH1 + t.resolved.h1InH2 + t.resolved.h2InH2;
  const resolved = regions.map((r, i) => {
    const rate = FIXED_REGION_RATES[r.kato];
    return rate === undefined ? 0 : Math.round(((issues[i] as number) * rate) / 100);
  });
  const fixedSum = resolved.reduce((s, k) => s + k, 0);
  const others = regions.map((r, i) => (FIXED_REGION_RATES[r.kato] === undefined ? i : -1)).filter((i) => i >= 0);
  const desired = others.map((i, j) => ((issues[i] as number) * (OTHER_REGION_RATES[j] as number)) / 100);
  splitByWeights(totalResolved - fixedSum, desired).forEach((k, j) => (resolved[others[j] as number] = k));

  const h2Issues = issues.map((n, i) => n - (issuesH1[i] as number));
  // H2-raised resolved in H2: what H1 cannot hold must come from H2, and no more than H2 raised.
  const h2InH2 = splitWithinBounds(
    t.resolved.h2InH2,
    resolved.map((k, i) => Math.max(0, k - (issuesH1[i] as number))),
    resolved.map((k, i) => Math.min(k, h2Issues[i] as number)),
  );
  const fromH1 = resolved.map((k, i) => k - (h2InH2[i] as number));
  const h1InH1 = splitWithinBounds(t.resolved.h1InH1, fromH1.map(() => 0), fromH1);

  return regions.map((r, i) => ({
    regionId: r.id, kato: r.kato,
    meetings: { h1: meetingsH1[i] as number, h2: meetingsH2[i] as number },
    issues: { h1: issuesH1[i] as number, h2: h2Issues[i] as number },
    resolved: { h1InH1: h1InH1[i] as number, h1InH2: (fromH1[i] as number) - (h1InH1[i] as number), h2InH2: h2InH2[i] as number },
  }));
}

/** The rate the briefing prints: one decimal, as a percentage. */
export const printedRate = (resolved: number, raised: number) => Math.round((resolved / raised) * 1000) / 10;
