// POST /api/v1/issues/{id}/status – a status change with its effective date and comment.
import { handleWrite } from '@/features/entry/api';
import { issueIdParams, statusChangeSchema } from '@/server/records/issues/schemas';
import { changeStatus } from '@/server/records/issues/write';
import { apiRoute } from '@/server/api';

export const POST = apiRoute<{ id: string }>({ permission: 'records.write', route: 'POST /api/v1/issues/{id}/status' }, async (ctx) => {
  const { id } = issueIdParams.parse(ctx.params);
  return handleWrite(ctx, statusChangeSchema, { action: 'issue.status', entity: 'raised_issue' },
    (tx, caller, input) => changeStatus(tx, caller, id, input), (r) => ({ id: r.id, version: r.version }), 201);
});
