// GET /api/v1/meetings – meetings in the caller's scope, filtered, newest first, a page at a time.
import { handleWrite } from '@/features/entry/api';
import { createMeeting } from '@/server/records/meetings/write';
import { listMeetings } from '@/features/meetings/queries';
import { createMeetingSchema, meetingListParams } from '@/server/records/meetings/schemas';
import { apiRoute } from '@/server/api';
import { searchParamsOf } from '@/server/list-params';

export const GET = apiRoute({ permission: 'records.read', route: 'GET /api/v1/meetings' }, async ({ caller, request }) =>
  listMeetings(caller, meetingListParams.parse(searchParamsOf(request))),
);

// POST /api/v1/meetings – record a meeting (akim's or central official's) with its issues.
export const POST = apiRoute({ permission: 'records.write', route: 'POST /api/v1/meetings' }, async (ctx) =>
  handleWrite(ctx, createMeetingSchema, { action: 'meeting.create', entity: 'meeting' }, createMeeting,
    (r) => ({ id: r.id, version: r.version, issueIds: r.issueIds }), 201),
);
