// GET /api/v1/stats/levels – issues raised, resolved and the rate per akim level, with the compared period.
import { statsRoute } from '@/server/stats/api';
import { getLevelBreakdownCompared } from '@/server/stats/queries/breakdowns';

export const GET = statsRoute('levels', (filter, _lang, _caller, compare) => getLevelBreakdownCompared(filter, compare));
