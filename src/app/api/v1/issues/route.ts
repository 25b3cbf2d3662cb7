// GET /api/v1/issues – raised issues in the caller's scope, filtered, newest first, a page at a time.
import { listIssues } from '@/features/issues/queries';
import { issueListParams } from '@/features/issues/schemas';
import { apiRoute } from '@/server/api';
import { searchParamsOf } from '@/server/list-params';

export const GET = apiRoute({ permission: 'records.read', route: 'GET /api/v1/issues' }, async ({ caller, request }) =>
  listIssues(caller, issueListParams.parse(searchParamsOf(request))),
);
