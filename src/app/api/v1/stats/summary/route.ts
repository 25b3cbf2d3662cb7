// GET /api/v1/stats/summary – meetings, issues, resolutions, rate, local and republican budget of a period, with the compared one (compare=previous|yearAgo).
import { statsRoute } from '@/server/stats/api';
import { getSummary } from '@/server/stats/queries/summary';

export const GET = statsRoute('summary', (filter, _lang, _caller, compare) => getSummary(filter, compare));
