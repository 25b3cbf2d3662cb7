'use server';

import { authorizedAction } from '@/server/action';
import { decideEscalationSchema, proposeEscalationSchema } from './entry-schemas';
import { decideEscalation, proposeEscalation } from './write';

export const proposeEscalationAction = authorizedAction(
  { name: 'escalations.propose', permission: 'escalations.propose', schema: proposeEscalationSchema, audit: { action: 'escalation.propose', entity: 'escalation' } },
  async (input, { caller, tx }) => {
    const r = await proposeEscalation(tx, caller, input);
    return { entityId: r.id, after: r.after, data: { id: r.id, version: r.version } };
  },
);

export const decideEscalationAction = authorizedAction(
  { name: 'escalations.decide', permission: 'escalations.decide', schema: decideEscalationSchema, audit: { action: 'escalation.decide', entity: 'escalation' } },
  async (input, { caller, tx }) => {
    const r = await decideEscalation(tx, caller, input);
    return { entityId: r.id, before: r.before, after: r.after, data: { id: r.id, version: r.version } };
  },
);
