import 'server-only';
import { pickName } from '@/i18n/pick-name';
import { statsDb as db } from '@/server/db/client';
import type { StatsFilter } from '@/server/stats/filters';
import { halvesOf } from './halves';

// Which akimats published their action plans on their website. Plans belong to a half-year;
// over a longer period a region counts as unpublished when any of its halves' plans is.

export async function getActionPlanStats(f: StatsFilter, lang: string) {
  const halves = halvesOf(f.period);
  const regions = await db().region.findMany({ orderBy: { kato: 'asc' }, where: f.regionId === null ? {} : { id: f.regionId } });
  if (halves.length === 0) return { halves: [], published: [], notPublished: [] };
  const plans = await db().$queryRaw<Array<{ region_id: number; year: number; half: number; url: string | null; published: boolean }>>`
    SELECT region_id, year, half, url, (published_on IS NOT NULL AND published_on <= ${f.asOf}::date AND url IS NOT NULL) AS published
    FROM action_plan
    WHERE make_date(year, CASE WHEN half = 1 THEN 1 ELSE 7 END, 1) BETWEEN ${halves[0]!.from}::date AND ${halves.at(-1)!.from}::date`;
  const published: Array<{ kato: string; name: string; url: string | null }> = [];
  const notPublished: Array<{ kato: string; name: string }> = [];
  for (const r of regions) {
    const own = plans.filter((p) => p.region_id === r.id);
    const all = halves.every((h) => own.some((p) => p.year === h.year && p.half === h.half && p.published));
    // The link shown is the latest half's plan.
    const latest = own.filter((p) => p.published).sort((a, b) => b.year - a.year || b.half - a.half)[0];
    if (all) published.push({ kato: r.kato, name: pickName(lang, r), url: latest?.url ?? null });
    else notPublished.push({ kato: r.kato, name: pickName(lang, r) });
  }
  return { halves: halves.map((h) => h.code), published, notPublished };
}
