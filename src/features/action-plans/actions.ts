'use server';

import { authorizedAction } from '@/server/action';
import { saveActionPlanSchema } from '@/server/records/action-plans/schemas';
import { saveActionPlan } from './write';

export const saveActionPlanAction = authorizedAction(
  { name: 'actionPlans.save', permission: 'region.plans.write', schema: saveActionPlanSchema, audit: { action: 'action_plan.save', entity: 'action_plan' } },
  async (input, { caller, tx }) => {
    const r = await saveActionPlan(tx, caller, input);
    return { entityId: r.id, before: r.before, after: r.after, data: { id: r.id, version: r.version } };
  },
);
