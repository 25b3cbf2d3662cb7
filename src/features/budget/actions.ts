'use server';

import { authorizedAction } from '@/server/action';
import { createBudgetRequestSchema, updateBudgetRequestSchema } from './schemas';
import { createBudgetRequest, updateBudgetRequest } from './write';

export const createBudgetRequestAction = authorizedAction(
  { name: 'budget.createRequest', permission: 'region.plans.write', schema: createBudgetRequestSchema, audit: { action: 'budget_request.create', entity: 'budget_request' } },
  async (input, { caller, tx }) => {
    const r = await createBudgetRequest(tx, caller, input);
    return { entityId: r.id, after: r.after, data: { id: r.id, version: r.version } };
  },
);

export const updateBudgetRequestAction = authorizedAction(
  { name: 'budget.updateRequest', permission: 'region.plans.write', schema: updateBudgetRequestSchema, audit: { action: 'budget_request.update', entity: 'budget_request' } },
  async (input, { caller, tx }) => {
    const r = await updateBudgetRequest(tx, caller, input);
    return { entityId: r.id, before: r.before, after: r.after, data: { id: r.id, version: r.version } };
  },
);
