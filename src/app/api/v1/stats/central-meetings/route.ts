// GET /api/v1/stats/central-meetings – schedule against held meetings, decree requirements and personal receptions, with the compared period.
import { statsRoute } from '@/server/stats/api';
import { getCentralMeetingStatsCompared } from '@/server/stats/queries/central-meetings';

export const GET = statsRoute('central-meetings', (filter, lang, _caller, compare) => getCentralMeetingStatsCompared(filter, lang, compare));
