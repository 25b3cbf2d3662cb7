// GET /api/v1/issues/{id} – one issue with its status history and budget entries, if in the caller's scope.
import { handleWrite } from '@/features/entry/api';
import { updateIssue } from '@/server/records/issues/write';
import { getIssue } from '@/features/issues/queries';
import { issueIdParams, updateIssueSchema } from '@/server/records/issues/schemas';
import { apiRoute } from '@/server/api';

export const GET = apiRoute<{ id: string }>({ permission: 'records.read', route: 'GET /api/v1/issues/{id}' }, async ({ caller, params }) =>
  getIssue(caller, issueIdParams.parse(params).id),
);

// PATCH /api/v1/issues/{id} – change an issue's category, description or responsible level.
export const PATCH = apiRoute<{ id: string }>({ permission: 'records.write', route: 'PATCH /api/v1/issues/{id}' }, async (ctx) => {
  const { id } = issueIdParams.parse(ctx.params);
  return handleWrite(ctx, updateIssueSchema, { action: 'issue.update', entity: 'raised_issue' },
    (tx, caller, input) => updateIssue(tx, caller, id, input), (r) => ({ id: r.id, version: r.version }));
});
