// GET /api/v1/stats/summary – meetings, issues, resolutions, rate, local and republican budget of a period, with the previous one.
import { statsRoute } from '@/features/stats/api';
import { getSummary } from '@/features/stats/queries/summary';

export const GET = statsRoute('summary', (filter) => getSummary(filter));
