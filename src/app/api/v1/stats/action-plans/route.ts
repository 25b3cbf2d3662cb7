// GET /api/v1/stats/action-plans – which akimats published their action plans, and which did not.
import { statsRoute } from '@/features/stats/api';
import { getActionPlanStats } from '@/features/stats/queries/action-plans';

export const GET = statsRoute('action-plans', (filter, lang) => getActionPlanStats(filter, lang));
