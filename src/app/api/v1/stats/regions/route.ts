// GET /api/v1/stats/regions – every region's figures and its rank by resolution rate, best first.
import { statsRoute } from '@/features/stats/api';
import { getRegionRanking } from '@/features/stats/queries/breakdowns';

export const GET = statsRoute('regions', (filter, lang) => getRegionRanking(filter, lang), 'stats.regions');
