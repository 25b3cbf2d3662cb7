// GET /api/v1/issues – raised issues in the caller's scope, filtered, newest first, a page at a time.
import { handleWrite } from '@/features/entry/api';
import { createIssue } from '@/server/records/issues/write';
import { listIssues } from '@/features/issues/queries';
import { createIssueSchema, issueListParams } from '@/server/records/issues/schemas';
import { apiRoute } from '@/server/api';
import { searchParamsOf } from '@/server/list-params';

export const GET = apiRoute({ permission: 'records.read', route: 'GET /api/v1/issues' }, async ({ caller, request }) =>
  listIssues(caller, issueListParams.parse(searchParamsOf(request))),
);

// POST /api/v1/issues – an issue raised at an existing meeting.
export const POST = apiRoute({ permission: 'records.write', route: 'POST /api/v1/issues' }, async (ctx) =>
  handleWrite(ctx, createIssueSchema, { action: 'issue.create', entity: 'raised_issue' }, createIssue, (r) => ({ id: r.id, version: r.version }), 201),
);
