// POST /api/v1/budget-requests – an akimat's new budget request, as a draft.
import { createBudgetRequestSchema } from '@/server/records/budget/schemas';
import { createBudgetRequest } from '@/features/budget/write';
import { handleWrite } from '@/features/entry/api';
import { apiRoute } from '@/server/api';

export const POST = apiRoute({ permission: 'region.plans.write', route: 'POST /api/v1/budget-requests' }, async (ctx) =>
  handleWrite(ctx, createBudgetRequestSchema, { action: 'budget_request.create', entity: 'budget_request' }, createBudgetRequest, (r) => ({ id: r.id, version: r.version }), 201),
);
