// GET /api/v1/stats/categories – issues raised, resolved and the rate per issue category.
import { statsRoute } from '@/features/stats/api';
import { getCategoryBreakdown } from '@/features/stats/queries/breakdowns';

export const GET = statsRoute('categories', (filter, lang) => getCategoryBreakdown(filter, lang));
