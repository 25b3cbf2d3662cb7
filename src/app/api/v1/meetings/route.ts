// GET /api/v1/meetings – meetings in the caller's scope, filtered, newest first, a page at a time.
import { listMeetings } from '@/features/meetings/queries';
import { meetingListParams } from '@/features/meetings/schemas';
import { apiRoute } from '@/server/api';
import { searchParamsOf } from '@/server/list-params';

export const GET = apiRoute({ permission: 'records.read', route: 'GET /api/v1/meetings' }, async ({ caller, request }) =>
  listMeetings(caller, meetingListParams.parse(searchParamsOf(request))),
);
