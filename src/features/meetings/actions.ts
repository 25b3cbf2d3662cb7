'use server';

import { z } from 'zod';
import { refId } from '@/server/records/fields';
import { authorizedAction } from '@/server/action';
import { createMeetingSchema, meetingRefSchema, updateMeetingSchema } from '@/server/records/meetings/schemas';
import { createMeeting, deleteMeeting, restoreMeeting, updateMeeting } from '@/server/records/meetings/write';

// The meeting forms' server actions: the same schemas and writers as the write API.

export const createMeetingAction = authorizedAction(
  { name: 'meetings.create', permission: 'records.write', schema: createMeetingSchema, audit: { action: 'meeting.create', entity: 'meeting' } },
  async (input, { caller, tx }) => {
    const r = await createMeeting(tx, caller, input);
    return { entityId: r.id, after: r.after, data: { id: r.id, version: r.version, issueIds: r.issueIds } };
  },
);

export const updateMeetingAction = authorizedAction(
  { name: 'meetings.update', permission: 'records.write', schema: updateMeetingSchema.safeExtend({ id: refId() }), audit: { action: 'meeting.update', entity: 'meeting' } },
  async ({ id, ...input }, { caller, tx }) => {
    const r = await updateMeeting(tx, caller, id, input);
    return { entityId: id, before: r.before, after: r.after, data: { id, version: r.version } };
  },
);

export const deleteMeetingAction = authorizedAction(
  { name: 'meetings.delete', permission: 'records.write', schema: meetingRefSchema, audit: { action: 'meeting.delete', entity: 'meeting' } },
  async ({ id, version }, { caller, tx }) => {
    const r = await deleteMeeting(tx, caller, id, version);
    return { entityId: id, before: r.before, after: r.after, data: { id } };
  },
);

export const restoreMeetingAction = authorizedAction(
  { name: 'meetings.restore', permission: 'records.restore', schema: z.object({ id: refId() }), audit: { action: 'meeting.restore', entity: 'meeting' } },
  async ({ id }, { caller, tx }) => {
    const r = await restoreMeeting(tx, caller, id);
    return { entityId: id, before: r.before, after: r.after, data: { id } };
  },
);
