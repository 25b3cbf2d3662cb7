import 'server-only';
import { statsDb as db } from '@/server/db/client';
import { pickName } from '@/i18n/pick-name';
import type { Compare } from '@/lib/period';
import type { StatsFilter } from '@/server/stats/filters';
import { type Money, NO_MONEY, getBudget } from './budget';
import { comparedFilter, comparedRead, rowComparison, rowCounts } from './compare';
import { EMPTY_COUNTS, type IssueCounts, getIssueCounts } from './issue-counts';
import { getMeetingRows } from './summary';

// Region ranking and the breakdowns by category and by akim level. Each row carries both counts
// of "resolved" — during the period (whenever raised), and of the period's raised issues (the
// rate's numerator) — so its rate can be checked from the row. The API's variants (…Compared)
// add each row's figures for the compared period and the change.

/** A region is ranked only with at least this many issues in the period: a rate of 3 issues says little. */
export const MIN_ISSUES_TO_RANK = 50;

export type RegionRow = {
  kato: string; name: string; meetings: number; issuesRaised: number; issuesResolved: number; issuesRaisedAndResolved: number;
  resolutionRate: number | null; budget: Money; republicanBudget: Money; rank: number | null;
};

/** What a row adds, from its key and counts: nothing, or its compared period and the change. */
type Extra<K, X> = (key: K, now: IssueCounts) => X;
const NO_EXTRA: Promise<Extra<unknown, object>> = Promise.resolve(() => ({}));

/** Each row's compared period and change, once the compared counts (read alongside) are in. */
const comparison = <K>(before: Promise<Map<string, IssueCounts>>, keyOf: (key: K) => string): Promise<Extra<K, ReturnType<typeof rowComparison>>> =>
  before.then((b) => (key, now) => rowComparison(now, b.get(keyOf(key)) ?? EMPTY_COUNTS));

/** Every region's row (or the filter's region), each with `extra` built from its id and counts, ranked. */
async function rankRegions<X extends object>(f: StatsFilter, lang: string, extras: Promise<Extra<number, X>>) {
  const [regions, counts, meetings, money, extra] = await Promise.all([
    db().region.findMany({ orderBy: { kato: 'asc' } }),
    getIssueCounts(f, 'region'),
    getMeetingRows(f, 'region'),
    getBudget(f, 'region'),
    extras,
  ]);
  const kind = f.bodyId !== null ? 'CENTRAL' : 'AKIM';
  const meetingsOf = new Map<number, number>();
  for (const r of meetings) if (r.kind === kind) meetingsOf.set(Number(r.key), (meetingsOf.get(Number(r.key)) ?? 0) + Number(r.n));
  const rows: Array<RegionRow & X> = regions
    .filter((r) => f.regionId === null || r.id === f.regionId)
    .map((r) => {
      const c = counts.get(String(r.id)) ?? EMPTY_COUNTS;
      const m = money.get(String(r.id)) ?? NO_MONEY;
      return {
        kato: r.kato, name: pickName(lang, r), meetings: meetingsOf.get(r.id) ?? 0, ...rowCounts(c),
        budget: m.local, republicanBudget: m.republican, rank: null, ...extra(r.id, c),
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

export const getRegionRanking = (f: StatsFilter, lang: string) => rankRegions(f, lang, NO_EXTRA);

/** The ranking with each region's compared period and change (the ranking is this period's). */
export async function getRegionRankingCompared(f: StatsFilter, lang: string, compare: Compare) {
  const pf = comparedFilter(f, compare);
  const ranking = await rankRegions(f, lang, comparison(getIssueCounts(pf, 'region'), String));
  return { ...ranking, previous: comparedRead(pf) };
}

async function categoryRows<X extends object>(f: StatsFilter, lang: string, extras: Promise<Extra<number, X>>) {
  const [categories, counts, extra] = await Promise.all([
    db().issueCategory.findMany({ orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] }),
    getIssueCounts({ ...f, categoryId: null }, 'category'),
    extras,
  ]);
  return categories
    .filter((c) => f.categoryId === null || c.id === f.categoryId)
    .map((c) => {
      const n = counts.get(String(c.id)) ?? EMPTY_COUNTS;
      return { code: c.code, name: pickName(lang, c), ...rowCounts(n), ...extra(c.id, n) };
    });
}

export async function getCategoryBreakdown(f: StatsFilter, lang: string) {
  return { categories: await categoryRows(f, lang, NO_EXTRA) };
}

export async function getCategoryBreakdownCompared(f: StatsFilter, lang: string, compare: Compare) {
  const pf = comparedFilter(f, compare);
  const categories = await categoryRows(f, lang, comparison(getIssueCounts({ ...pf, categoryId: null }, 'category'), String));
  return { categories, previous: comparedRead(pf) };
}

const LEVEL_ROWS = ['REGION', 'DISTRICT', 'RURAL'] as const;

async function levelRows<X extends object>(f: StatsFilter, extras: Promise<Extra<string, X>>) {
  const [counts, extra] = await Promise.all([getIssueCounts({ ...f, level: null }, 'level'), extras]);
  return LEVEL_ROWS
    .filter((l) => f.level === null || l === f.level)
    .map((level) => {
      const n = counts.get(level) ?? EMPTY_COUNTS;
      return { level, ...rowCounts(n), ...extra(level, n) };
    });
}

export async function getLevelBreakdown(f: StatsFilter) {
  return { levels: await levelRows(f, NO_EXTRA) };
}

export async function getLevelBreakdownCompared(f: StatsFilter, compare: Compare) {
  const pf = comparedFilter(f, compare);
  const levels = await levelRows(f, comparison(getIssueCounts({ ...pf, level: null }, 'level'), String));
  return { levels, previous: comparedRead(pf) };
}
