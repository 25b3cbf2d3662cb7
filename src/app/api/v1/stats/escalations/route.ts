// GET /api/v1/stats/escalations – the central-level list of the period's half-years, by disposition.
import { statsRoute } from '@/server/stats/api';
import { getEscalationStats } from '@/server/stats/queries/escalations';

export const GET = statsRoute('escalations', (filter) => getEscalationStats(filter));
