import 'server-only';
import { type StatsFilter, resolveStatsFilter, statsQuerySchema } from '@/server/stats/filters';
import { getLatestHalfWithData } from '@/server/stats/queries/latest';
import type { Period } from '@/lib/period';
import { isAppError } from '@/server/errors';

// The filters of the central-level pages (period and, where offered, the central body),
// read from the URL. A bad value is dropped and reported, never an error page: the rest
// of the view still shows.

export type SearchParams = Record<string, string | string[] | undefined>;

export type PageFilter = {
  filter: StatsFilter;
  period: Period;
  /** The body's code as given in the URL, when it names a body. */
  body: string | null;
  /** Parameters that were given but not understood, with their raw values. */
  rejected: Array<{ param: 'period' | 'body'; value: string }>;
};

export const firstValue = (v: string | string[] | undefined): string | undefined => {
  const s = Array.isArray(v) ? v.at(-1) : v;
  return s === undefined || s.trim() === '' ? undefined : s.trim();
};

export async function resolvePageFilter(sp: SearchParams, params: ReadonlyArray<'period' | 'body'>): Promise<PageFilter> {
  const raw = { period: firstValue(sp.period), body: params.includes('body') ? firstValue(sp.body) : undefined };
  const rejected: PageFilter['rejected'] = [];
  const parsed = statsQuerySchema.safeParse(raw);
  const query = { ...raw };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const param = issue.path[0];
      if ((param === 'period' || param === 'body') && query[param] !== undefined) {
        rejected.push({ param, value: query[param] as string });
        query[param] = undefined;
      }
    }
  }
  let filter: StatsFilter;
  try {
    filter = await resolveStatsFilter(query, getLatestHalfWithData);
  } catch (error) {
    // A well-formed body code that names no body.
    if (!isAppError(error) || error.code !== 'VALIDATION' || query.body === undefined) throw error;
    rejected.push({ param: 'body', value: query.body });
    query.body = undefined;
    filter = await resolveStatsFilter(query, getLatestHalfWithData);
  }
  return { filter, period: filter.period, body: query.body ?? null, rejected };
}
