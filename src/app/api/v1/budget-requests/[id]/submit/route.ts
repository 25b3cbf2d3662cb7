// POST /api/v1/budget-requests/{id}/submit – the akimat submits its draft to the body, on a date.
import { submitBudgetRequestSchema } from '@/server/records/budget/schemas';
import { submitBudgetRequest } from '@/features/budget/write';
import { handleWrite } from '@/features/entry/api';
import { apiRoute } from '@/server/api';
import { recordIdParams } from '@/server/list-params';

export const POST = apiRoute<{ id: string }>({ permission: 'region.plans.write', route: 'POST /api/v1/budget-requests/{id}/submit' }, async (ctx) => {
  const { id } = recordIdParams.parse(ctx.params);
  return handleWrite(ctx, submitBudgetRequestSchema, { action: 'budget_request.submit', entity: 'budget_request' },
    (tx, caller, input) => submitBudgetRequest(tx, caller, id, input), (r) => ({ id: r.id, version: r.version, status: r.after!.status }));
});
