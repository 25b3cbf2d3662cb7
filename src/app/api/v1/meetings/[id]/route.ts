// GET /api/v1/meetings/{id} – one meeting with its issues and receptions, if in the caller's scope.
import { handleWrite } from '@/features/entry/api';
import { updateMeeting } from '@/server/records/meetings/write';
import { getMeeting } from '@/features/meetings/queries';
import { meetingIdParams, updateMeetingSchema } from '@/server/records/meetings/schemas';
import { apiRoute } from '@/server/api';

export const GET = apiRoute<{ id: string }>({ permission: 'records.read', route: 'GET /api/v1/meetings/{id}' }, async ({ caller, params }) =>
  getMeeting(caller, meetingIdParams.parse(params).id),
);

// PATCH /api/v1/meetings/{id} – change a meeting's own fields; the body carries the version read.
export const PATCH = apiRoute<{ id: string }>({ permission: 'records.write', route: 'PATCH /api/v1/meetings/{id}' }, async (ctx) => {
  const { id } = meetingIdParams.parse(ctx.params);
  return handleWrite(ctx, updateMeetingSchema, { action: 'meeting.update', entity: 'meeting' },
    (tx, caller, input) => updateMeeting(tx, caller, id, input), (r) => ({ id: r.id, version: r.version }));
});
