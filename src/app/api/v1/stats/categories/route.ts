// GET /api/v1/stats/categories – issues raised, resolved and the rate per issue category, with the compared period.
import { statsRoute } from '@/server/stats/api';
import { getCategoryBreakdownCompared } from '@/server/stats/queries/breakdowns';

export const GET = statsRoute('categories', (filter, lang, _caller, compare) => getCategoryBreakdownCompared(filter, lang, compare));
