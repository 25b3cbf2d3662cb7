'use server';

import { refId } from '@/server/records/fields';
import { authorizedAction } from '@/server/action';
import { createBudgetRequestSchema, decideBudgetRequestSchema, submitBudgetRequestSchema, updateBudgetRequestSchema, withdrawBudgetRequestSchema } from '@/server/records/budget/schemas';
import { createBudgetRequest, decideBudgetRequest, submitBudgetRequest, updateBudgetRequest, withdrawBudgetRequest } from './write';

const withId = { id: refId() };

export const createBudgetRequestAction = authorizedAction(
  { name: 'budget.createRequest', permission: 'region.plans.write', schema: createBudgetRequestSchema, audit: { action: 'budget_request.create', entity: 'budget_request' } },
  async (input, { caller, tx }) => {
    const r = await createBudgetRequest(tx, caller, input);
    return { entityId: r.id, after: r.after, data: { id: r.id, version: r.version } };
  },
);

export const updateBudgetRequestAction = authorizedAction(
  { name: 'budget.updateRequest', permission: 'region.plans.write', schema: updateBudgetRequestSchema.safeExtend(withId), audit: { action: 'budget_request.update', entity: 'budget_request' } },
  async ({ id, ...input }, { caller, tx }) => {
    const r = await updateBudgetRequest(tx, caller, id, input);
    return { entityId: r.id, before: r.before, after: r.after, data: { id: r.id, version: r.version } };
  },
);

export const submitBudgetRequestAction = authorizedAction(
  { name: 'budget.submitRequest', permission: 'region.plans.write', schema: submitBudgetRequestSchema.safeExtend(withId), audit: { action: 'budget_request.submit', entity: 'budget_request' } },
  async ({ id, ...input }, { caller, tx }) => {
    const r = await submitBudgetRequest(tx, caller, id, input);
    return { entityId: r.id, before: r.before, after: r.after, data: { id: r.id, version: r.version } };
  },
);

export const withdrawBudgetRequestAction = authorizedAction(
  { name: 'budget.withdrawRequest', permission: 'region.plans.write', schema: withdrawBudgetRequestSchema.safeExtend(withId), audit: { action: 'budget_request.withdraw', entity: 'budget_request' } },
  async ({ id, ...input }, { caller, tx }) => {
    const r = await withdrawBudgetRequest(tx, caller, id, input);
    return { entityId: r.id, before: r.before, after: r.after, data: { id: r.id, version: r.version } };
  },
);

export const decideBudgetRequestAction = authorizedAction(
  { name: 'budget.decideRequest', permission: 'budget.decide', schema: decideBudgetRequestSchema.safeExtend(withId), audit: { action: 'budget_request.decide', entity: 'budget_request' } },
  async ({ id, ...input }, { caller, tx }) => {
    const r = await decideBudgetRequest(tx, caller, id, input);
    return { entityId: r.id, before: r.before, after: r.after, data: { id: r.id, version: r.version } };
  },
);
