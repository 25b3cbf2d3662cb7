'use server';

import { authorizedAction } from '@/server/action';
import { createScheduleEntrySchema, deleteScheduleEntrySchema, updateScheduleEntrySchema } from './schemas';
import { createScheduleEntry, deleteScheduleEntry, updateScheduleEntry } from './write';

export const createScheduleEntryAction = authorizedAction(
  { name: 'schedule.create', permission: 'schedule.write', schema: createScheduleEntrySchema, audit: { action: 'schedule_entry.create', entity: 'schedule_entry' } },
  async (input, { caller, tx }) => {
    const r = await createScheduleEntry(tx, caller, input);
    return { entityId: r.id, after: r.after, data: { id: r.id, version: r.version } };
  },
);

export const updateScheduleEntryAction = authorizedAction(
  { name: 'schedule.update', permission: 'schedule.write', schema: updateScheduleEntrySchema, audit: { action: 'schedule_entry.update', entity: 'schedule_entry' } },
  async (input, { caller, tx }) => {
    const r = await updateScheduleEntry(tx, caller, input);
    return { entityId: r.id, before: r.before, after: r.after, data: { id: r.id, version: r.version } };
  },
);

export const deleteScheduleEntryAction = authorizedAction(
  { name: 'schedule.delete', permission: 'schedule.write', schema: deleteScheduleEntrySchema, audit: { action: 'schedule_entry.delete', entity: 'schedule_entry' } },
  async (input, { caller, tx }) => {
    const r = await deleteScheduleEntry(tx, caller, input);
    return { entityId: r.id, before: r.before, data: { id: r.id } };
  },
);
