// GET /api/v1/meetings/{id} – one meeting with its issues and receptions, if in the caller's scope.
import { getMeeting } from '@/features/meetings/queries';
import { meetingIdParams } from '@/features/meetings/schemas';
import { apiRoute } from '@/server/api';

export const GET = apiRoute<{ id: string }>({ permission: 'records.read', route: 'GET /api/v1/meetings/{id}' }, async ({ caller, params }) =>
  getMeeting(caller, meetingIdParams.parse(params).id),
);
