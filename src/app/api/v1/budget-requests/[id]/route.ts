// PATCH /api/v1/budget-requests/{id} – change a draft's body, amount, issues or note.
import { updateBudgetRequestSchema } from '@/server/records/budget/schemas';
import { updateBudgetRequest } from '@/features/budget/write';
import { handleWrite } from '@/features/entry/api';
import { apiRoute } from '@/server/api';
import { recordIdParams } from '@/server/list-params';

export const PATCH = apiRoute<{ id: string }>({ permission: 'region.plans.write', route: 'PATCH /api/v1/budget-requests/{id}' }, async (ctx) => {
  const { id } = recordIdParams.parse(ctx.params);
  return handleWrite(ctx, updateBudgetRequestSchema, { action: 'budget_request.update', entity: 'budget_request' },
    (tx, caller, input) => updateBudgetRequest(tx, caller, id, input), (r) => ({ id: r.id, version: r.version }));
});
