import 'server-only';
import { statsDb as db } from '@/server/db/client';
import { pickName } from '@/i18n/pick-name';
import type { StatsFilter } from '../filters';
import { type Money, NO_MONEY, getBudget } from './budget';
import { EMPTY_COUNTS, getIssueCounts, rate } from './issue-counts';
import { getMeetingRows } from './summary';

// Region ranking and the breakdowns by category and by akim level.

/** A region is ranked only with at least this many issues in the period: a rate of 3 issues says little. */
export const MIN_ISSUES_TO_RANK = 50;

export type RegionRow = {
  kato: string; name: string; meetings: number; issuesRaised: number; issuesResolved: number;
  resolutionRate: number | null; budget: Money; republicanBudget: Money; rank: number | null;
};

export async function getRegionRanking(f: StatsFilter, lang: string) {
  const [regions, counts, meetings, money] = await Promise.all([
    db().region.findMany({ orderBy: { kato: 'asc' } }),
    getIssueCounts(f, 'region'),
    getMeetingRows(f, 'region'),
    getBudget(f, 'region'),
  ]);
  const kind = f.bodyId !== null ? 'CENTRAL' : 'AKIM';
  const meetingsOf = new Map<number, number>();
  for (const r of meetings) if (r.kind === kind) meetingsOf.set(Number(r.key), (meetingsOf.get(Number(r.key)) ?? 0) + Number(r.n));
  const rows: RegionRow[] = regions
    .filter((r) => f.regionId === null || r.id === f.regionId)
    .map((r) => {
      const c = counts.get(String(r.id)) ?? EMPTY_COUNTS;
      const m = money.get(String(r.id)) ?? NO_MONEY;
      return {
        kato: r.kato, name: pickName(lang, r), meetings: meetingsOf.get(r.id) ?? 0,
        issuesRaised: c.raised, issuesResolved: c.resolvedDuring, resolutionRate: rate(c),
        budget: m.local, republicanBudget: m.republican, rank: null,
      };
    });
  const ranked = rows
    .filter((r) => r.issuesRaised >= MIN_ISSUES_TO_RANK && r.resolutionRate !== null)
    .sort((a, b) => (b.resolutionRate as number) - (a.resolutionRate as number) || a.kato.localeCompare(b.kato));
  ranked.forEach((r, i) => (r.rank = i + 1));
  const unranked = rows.filter((r) => r.rank === null);
  return {
    minIssuesToRank: MIN_ISSUES_TO_RANK,
    regions: [...ranked, ...unranked],
    top: ranked.slice(0, 3).map((r) => r.kato),
    bottom: ranked.length >= 6 ? ranked.slice(-3).reverse().map((r) => r.kato) : [],
  };
}

export async function getCategoryBreakdown(f: StatsFilter, lang: string) {
  const [categories, counts] = await Promise.all([
    db().issueCategory.findMany({ orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] }),
    getIssueCounts({ ...f, categoryId: null }, 'category'),
  ]);
  return {
    categories: categories
      .filter((c) => f.categoryId === null || c.id === f.categoryId)
      .map((c) => {
        const n = counts.get(String(c.id)) ?? EMPTY_COUNTS;
        return { code: c.code, name: pickName(lang, c), issuesRaised: n.raised, issuesResolved: n.resolvedDuring, resolutionRate: rate(n) };
      }),
  };
}

export async function getLevelBreakdown(f: StatsFilter) {
  const counts = await getIssueCounts({ ...f, level: null }, 'level');
  return {
    levels: (['REGION', 'DISTRICT', 'RURAL'] as const)
      .filter((l) => f.level === null || l === f.level)
      .map((level) => {
        const n = counts.get(level) ?? EMPTY_COUNTS;
        return { level, issuesRaised: n.raised, issuesResolved: n.resolvedDuring, resolutionRate: rate(n) };
      }),
  };
}
