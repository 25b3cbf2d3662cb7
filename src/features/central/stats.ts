import 'server-only';
import { cache } from 'react';
import { type StatsFilter, nationalFilter } from '@/server/stats/filters';
import { getCentralMeetingStats } from '@/server/stats/queries/central-meetings';
import { halvesOf } from '@/server/stats/queries/halves';
import { type Period, parsePeriod, previousPeriod } from '@/lib/period';

// The central officials' figures the page's sections share, read once per request.

export type CentralStats = Awaited<ReturnType<typeof getCentralMeetingStats>>;

const byKey = cache(async (key: string, lang: string): Promise<CentralStats> => {
  const f = JSON.parse(key) as StatsFilter;
  return getCentralMeetingStats(f, lang);
});

/** Cached by value: sections build their filters apart, and should still share one read. */
export const centralStats = (f: StatsFilter, lang: string) => byKey(JSON.stringify(f), lang);

/** The same filter over the period before, of equal length. */
export function previousFilter(f: StatsFilter): StatsFilter {
  return { ...nationalFilter(previousPeriod(f.period)), regionId: f.regionId, bodyId: f.bodyId };
}

/** The part of the period within each half-year it touches: the schedule is kept by half-years. */
export function halfParts(p: Period): Array<{ code: string; year: number; half: 1 | 2; period: Period }> {
  return halvesOf(p).map((h) => {
    const whole = h.from >= p.from && h.to <= p.to;
    const from = h.from > p.from ? h.from : p.from;
    const to = h.to < p.to ? h.to : p.to;
    const period: Period = whole ? (parsePeriod(h.code) as Period) : { kind: 'range', code: `${from}..${to}`, from, to };
    return { code: h.code, year: h.year, half: h.half, period };
  });
}

/** Each half-year's figures, body by body. */
export async function centralStatsByHalf(f: StatsFilter, lang: string) {
  const parts = halfParts(f.period);
  if (parts.length === 1) return [{ ...parts[0]!, stats: await centralStats(f, lang) }];
  return Promise.all(parts.map(async (part) => ({ ...part, stats: await centralStats({ ...f, period: part.period }, lang) })));
}
