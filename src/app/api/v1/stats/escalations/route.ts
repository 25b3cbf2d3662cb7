// GET /api/v1/stats/escalations – the central-level list of the period's half-years, by disposition.
import { statsRoute } from '@/features/stats/api';
import { getEscalationStats } from '@/features/stats/queries/escalations';

export const GET = statsRoute('escalations', (filter) => getEscalationStats(filter));
