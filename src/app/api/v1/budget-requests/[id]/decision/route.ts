// POST /api/v1/budget-requests/{id}/decision – the addressed body approves, approves in part or rejects.
import { decideBudgetRequestSchema } from '@/server/records/budget/schemas';
import { decideBudgetRequest } from '@/features/budget/write';
import { handleWrite } from '@/features/entry/api';
import { apiRoute } from '@/server/api';
import { recordIdParams } from '@/server/list-params';

export const POST = apiRoute<{ id: string }>({ permission: 'budget.decide', route: 'POST /api/v1/budget-requests/{id}/decision' }, async (ctx) => {
  const { id } = recordIdParams.parse(ctx.params);
  return handleWrite(ctx, decideBudgetRequestSchema, { action: 'budget_request.decide', entity: 'budget_request' },
    (tx, caller, input) => decideBudgetRequest(tx, caller, id, input),
    (r) => ({ id: r.id, version: r.version, status: r.after!.status, approvedAmountKzt: r.after!.approvedAmountKzt?.toString() ?? null }));
});
