import 'server-only';
import { cache } from 'react';
import type { StatsFilter } from '@/server/stats/filters';
import { getRegionRanking } from '@/server/stats/queries/breakdowns';

// The ranking is read by the bars, the map and the region page's rank in one request: once.
const byKey = cache((key: string, lang: string) => getRegionRanking(JSON.parse(key) as StatsFilter, lang));

/** Every region's figures under the filter, the region filter itself set aside. */
export const loadRanking = (f: StatsFilter, lang: string) => byKey(JSON.stringify({ ...f, regionId: null, unitId: null }), lang);

/** The national rate under the same filters: the issue-weighted mean of the regions' rates. */
export function averageRate(regions: Array<{ issuesRaised: number; resolutionRate: number | null }>): number | null {
  const raised = regions.reduce((s, r) => s + r.issuesRaised, 0);
  if (raised === 0) return null;
  return regions.reduce((s, r) => s + (r.resolutionRate ?? 0) * r.issuesRaised, 0) / raised;
}
