import 'server-only';
import { authorize } from '@/server/access/guard';
import { apiRoute } from '@/server/api';
import type { Caller } from '@/server/auth/caller';
import { searchParamsOf } from '@/server/list-params';
import type { Compare } from '@/lib/period';
import { type StatsFilter, compareOf, resolveStatsFilter, statsQuerySchema } from './filters';
import { getLatestHalfWithData } from './queries/latest';

// One shape for every /api/v1/stats route: parse the shared parameters, require regional
// rights when a region or unit is asked for, answer in the request's language; `compare` goes
// beside the filter to the routes that compare periods.

export function statsRoute<T>(
  name: string,
  compute: (filter: StatsFilter, lang: string, caller: Caller, compare: Compare) => Promise<T>,
  permission: 'stats.national' | 'stats.regions' = 'stats.national',
) {
  return apiRoute({ permission, route: `GET /api/v1/stats/${name}` }, async ({ caller, request }) => {
    const query = statsQuerySchema.parse(searchParamsOf(request));
    if (query.region || query.unit) await authorize(caller, 'stats.regions', { entity: 'route', entityId: `stats/${name}` });
    const filter = await resolveStatsFilter(query, getLatestHalfWithData);
    const lang = query.lang ?? languageOf(request.headers.get('accept-language'));
    return compute(filter, lang, caller, compareOf(query));
  });
}

/** The first of ru, kk, en named in Accept-Language; Russian when none is. */
export function languageOf(header: string | null): string {
  for (const part of (header ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase().slice(0, 2);
    if (tag === 'ru' || tag === 'kk' || tag === 'en') return tag;
  }
  return 'ru';
}
