// GET /api/v1/stats/levels – issues raised, resolved and the rate per akim level.
import { statsRoute } from '@/features/stats/api';
import { getLevelBreakdown } from '@/features/stats/queries/breakdowns';

export const GET = statsRoute('levels', (filter) => getLevelBreakdown(filter));
