// GET /api/v1/stats/action-plans – which akimats published their action plans, and which did not.
import { statsRoute } from '@/server/stats/api';
import { getActionPlanStats } from '@/server/stats/queries/action-plans';

export const GET = statsRoute('action-plans', (filter, lang) => getActionPlanStats(filter, lang));
