'use server';

import { z } from 'zod';
import { refId } from '@/server/records/fields';
import { authorizedAction } from '@/server/action';
import { createIssueSchema, issueRefSchema, moneyEntrySchema, statusChangeSchema, updateIssueSchema } from '@/server/records/issues/schemas';
import { addMoneyEntry, changeStatus, createIssue, deleteIssue, restoreIssue, updateIssue } from '@/server/records/issues/write';

// The issue forms' server actions: the same schemas and writers as the write API.

const withId = { id: refId() };

export const createIssueAction = authorizedAction(
  { name: 'issues.create', permission: 'records.write', schema: createIssueSchema, audit: { action: 'issue.create', entity: 'raised_issue' } },
  async (input, { caller, tx }) => {
    const r = await createIssue(tx, caller, input);
    return { entityId: r.id, after: r.after, data: { id: r.id, version: r.version } };
  },
);

export const updateIssueAction = authorizedAction(
  { name: 'issues.update', permission: 'records.write', schema: updateIssueSchema.safeExtend(withId), audit: { action: 'issue.update', entity: 'raised_issue' } },
  async ({ id, ...input }, { caller, tx }) => {
    const r = await updateIssue(tx, caller, id, input);
    return { entityId: id, before: r.before, after: r.after, data: { id, version: r.version } };
  },
);

export const changeIssueStatusAction = authorizedAction(
  { name: 'issues.changeStatus', permission: 'records.write', schema: statusChangeSchema.safeExtend(withId), audit: { action: 'issue.status', entity: 'raised_issue' } },
  async ({ id, ...input }, { caller, tx }) => {
    const r = await changeStatus(tx, caller, id, input);
    return { entityId: id, before: r.before, after: r.after, data: { id, version: r.version } };
  },
);

export const addMoneyEntryAction = authorizedAction(
  { name: 'issues.addMoney', permission: 'records.write', schema: moneyEntrySchema.safeExtend(withId), audit: { action: 'issue.money', entity: 'raised_issue' } },
  async ({ id, ...input }, { caller, tx }) => {
    const r = await addMoneyEntry(tx, caller, id, input);
    return { entityId: id, after: r.after, data: { id, version: r.version } };
  },
);

export const deleteIssueAction = authorizedAction(
  { name: 'issues.delete', permission: 'records.write', schema: issueRefSchema, audit: { action: 'issue.delete', entity: 'raised_issue' } },
  async ({ id, version }, { caller, tx }) => {
    const r = await deleteIssue(tx, caller, id, version);
    return { entityId: id, before: r.before, after: r.after, data: { id } };
  },
);

export const restoreIssueAction = authorizedAction(
  { name: 'issues.restore', permission: 'records.restore', schema: z.object(withId), audit: { action: 'issue.restore', entity: 'raised_issue' } },
  async ({ id }, { caller, tx }) => {
    const r = await restoreIssue(tx, caller, id);
    return { entityId: id, before: r.before, after: r.after, data: { id } };
  },
);
