// POST /api/v1/budget-requests/{id}/withdraw – the akimat withdraws a submitted request, with its reason.
import { withdrawBudgetRequestSchema } from '@/server/records/budget/schemas';
import { withdrawBudgetRequest } from '@/features/budget/write';
import { handleWrite } from '@/features/entry/api';
import { apiRoute } from '@/server/api';
import { recordIdParams } from '@/server/list-params';

export const POST = apiRoute<{ id: string }>({ permission: 'region.plans.write', route: 'POST /api/v1/budget-requests/{id}/withdraw' }, async (ctx) => {
  const { id } = recordIdParams.parse(ctx.params);
  return handleWrite(ctx, withdrawBudgetRequestSchema, { action: 'budget_request.withdraw', entity: 'budget_request' },
    (tx, caller, input) => withdrawBudgetRequest(tx, caller, id, input), (r) => ({ id: r.id, version: r.version, status: r.after!.status }));
});
