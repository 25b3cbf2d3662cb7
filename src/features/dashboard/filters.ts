import 'server-only';
import { type StatsFilter, compareOf, resolveStatsFilter, statsQuerySchema } from '@/server/stats/filters';
import { getLatestHalfWithData } from '@/server/stats/queries/latest';
import type { Compare, Period } from '@/lib/period';
import { isAppError } from '@/server/errors';

// The filters of every analytical page, read from the URL by the stats API's own schema, so a
// view can be shared and the page and the API agree on what each parameter means. A bad value
// is dropped and reported, never a crash: the rest of the page still shows.

export const FILTER_PARAMS = ['period', 'region', 'category', 'level', 'compare'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];
export type SearchParams = Record<string, string | string[] | undefined>;
export type FilterValues = Partial<Record<FilterParam, string>>;

export type DashboardFilters = {
  filter: StatsFilter;
  period: Period;
  /** What the headline figures are compared with (`compare`, on the pages that offer it): the period before unless asked. */
  compare: Compare;
  /** No usable period was asked for: the latest half-year with data is shown. */
  isDefaultPeriod: boolean;
  /** The accepted values, as they go back into URLs. */
  values: FilterValues;
  /** Values that were given but cannot be used, and why. */
  rejected: Array<{ param: FilterParam; value: string; reason: 'format' | 'unknown' | 'forbidden' }>;
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

export async function parseDashboardFilters(
  searchParams: SearchParams,
  options: { allowed?: readonly FilterParam[]; forbidden?: readonly FilterParam[] } = {},
): Promise<DashboardFilters> {
  const allowed = options.allowed ?? FILTER_PARAMS;
  const rejected: DashboardFilters['rejected'] = [];
  const values: FilterValues = {};
  for (const param of allowed) {
    const value = first(searchParams[param]);
    if (value === undefined) continue;
    if (options.forbidden?.includes(param)) rejected.push({ param, value, reason: 'forbidden' });
    else values[param] = value;
  }

  const parsed = statsQuerySchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const param = issue.path[0] as FilterParam;
      if (values[param] !== undefined) {
        rejected.push({ param, value: values[param], reason: 'format' });
        delete values[param];
      }
    }
  }

  // A well-formed code that names nothing (region 999999999) is dropped the same way.
  for (;;) {
    try {
      const query = statsQuerySchema.parse(values);
      // The default comparison stays out of the URLs the page builds.
      if (values.compare === 'previous') delete values.compare;
      const filter = await resolveStatsFilter(query, getLatestHalfWithData);
      return { filter, period: filter.period, compare: compareOf(query), isDefaultPeriod: values.period === undefined, values, rejected };
    } catch (error) {
      const fields = isAppError(error) && error.code === 'VALIDATION' ? Object.keys(error.fields ?? {}) : [];
      const param = fields.find((f): f is FilterParam => values[f as FilterParam] !== undefined);
      if (!param) throw error;
      rejected.push({ param, value: values[param] as string, reason: 'unknown' });
      delete values[param];
    }
  }
}

/** A URL of `path` with these filter values (and any extra parameters), empty ones left out. */
export function filterHref(path: string, values: Record<string, string | undefined>): string {
  const q = new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => Boolean(e[1])));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** The period codes a picker offers for the years with data, newest first: year, halves, quarters. */
export function periodChoices(years: readonly number[]): Array<{ year: number; codes: string[] }> {
  return [...years]
    .sort((a, b) => b - a)
    .map((year) => ({ year, codes: [`${year}`, `${year}-H1`, `${year}-H2`, `${year}-Q1`, `${year}-Q2`, `${year}-Q3`, `${year}-Q4`] }));
}
