'use server';

import { authorizedAction } from '@/server/action';
import { closeHalfYear, reopenHalfYear } from '@/server/records/closing';
import { closePeriodSchema, reopenPeriodSchema } from './schemas';

// The admin page's buttons. The closing functions write their own audit rows, because the
// exports' briefing action calls closeHalfYear inside its own transaction too.

export const closePeriod = authorizedAction(
  { name: 'periods.close', permission: 'period.close', schema: closePeriodSchema, audit: null },
  async (input, { caller, tx }) => {
    const r = await closeHalfYear(tx, input, caller, 'hand');
    return { entityId: `${input.year}-H${input.half}`, data: { changed: r.changed } };
  },
);

export const reopenPeriod = authorizedAction(
  { name: 'periods.reopen', permission: 'period.reopen', schema: reopenPeriodSchema, audit: null },
  async (input, { caller, tx }) => {
    await reopenHalfYear(tx, input, caller);
    return { entityId: `${input.year}-H${input.half}` };
  },
);
