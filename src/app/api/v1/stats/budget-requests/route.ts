// GET /api/v1/stats/budget-requests – budget requests of the period by status as of asOf, the list's coverage, days to a decision.
import { statsRoute } from '@/server/stats/api';
import { getBudgetRequestFigures } from '@/server/stats/queries/budget-requests';

export const GET = statsRoute('budget-requests', (filter, lang) => getBudgetRequestFigures(filter, lang));
