// GET /api/v1/stats/central-meetings – schedule against held meetings, decree requirements and personal receptions.
import { statsRoute } from '@/features/stats/api';
import { getCentralMeetingStats } from '@/features/stats/queries/central-meetings';

export const GET = statsRoute('central-meetings', (filter, lang) => getCentralMeetingStats(filter, lang));
