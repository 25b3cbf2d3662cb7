// GET /api/v1/stats/regions – every region's figures and its rank by resolution rate, best first, with the compared period.
import { statsRoute } from '@/server/stats/api';
import { getRegionRankingCompared } from '@/server/stats/queries/breakdowns';

export const GET = statsRoute('regions', (filter, lang, _caller, compare) => getRegionRankingCompared(filter, lang, compare), 'stats.regions');
