'use server';

import { submissionOwner } from '@/server/access/scopes/submission';
import { authorizedAction } from '@/server/action';
import { AppError } from '@/server/errors';
import { deadlineKey, parseHalf, setDeadlineSchema, submitHalfYearSchema } from './schemas';

// An editor says their region's, unit's or body's data for a half-year is complete; an admin
// sets the deadline. Both audited by the wrapper.

export const submitHalfYear = authorizedAction(
  { name: 'submissions.submit', permission: 'records.write', schema: submitHalfYearSchema, audit: { action: 'submission.submit', entity: 'half_year_submission' } },
  async ({ period }, { caller, tx }) => {
    const { year, half } = parseHalf(period)!;
    const scope = submissionOwner(caller);
    if (!scope) throw new AppError('VALIDATION', 'no scope to submit for', { period: 'validation.generic.invalid' });
    // The region's editors may submit at the same moment: the unique key decides (ON CONFLICT DO
    // NOTHING waits for the other's commit), so the second is a repeat rather than a failure.
    const { count } = await tx.halfYearSubmission.createMany({ data: [{ year, half, ...scope, submittedById: caller.userId }], skipDuplicates: true });
    const row = await tx.halfYearSubmission.findUniqueOrThrow({ where: { year_half_scopeKey: { year, half, scopeKey: scope.scopeKey } } });
    if (count === 0) return { entityId: row.id, data: { id: row.id, repeated: true } };
    return { entityId: row.id, after: row, data: { id: row.id, repeated: false } };
  },
);

export const setSubmissionDeadline = authorizedAction(
  { name: 'submissions.setDeadline', permission: 'reference.manage', schema: setDeadlineSchema, audit: { action: 'submission.deadline', entity: 'setting' } },
  async ({ period, deadline }, { tx }) => {
    const key = deadlineKey(period);
    const before = await tx.setting.findUnique({ where: { key } });
    const after = await tx.setting.upsert({ where: { key }, create: { key, value: deadline }, update: { value: deadline } });
    return { entityId: key, before, after };
  },
);
