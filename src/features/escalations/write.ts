import { day, refuse, requireInScope, STALE, meetingPlace, type Tx, type Who } from '@/server/records/write-kit';
import { halfYearOf, isoDayOf, todayInKazakhstan } from '@/lib/calendar';
import { assertOpen } from '@/server/records/closing';
import { requireEscalationBody } from '@/server/access/scopes/escalation';
import { AppError } from '@/server/errors';
import type { z } from 'zod';
import type { DecideEscalationInput, proposeEscalationSchema } from './entry-schemas';

// The central-level list: an akimat proposes, the addressed body decides. The list of a
// half-year closes with the half-year. Inclusion, disposition and `selected` each keep a dated
// history beside the current value, so the list can be read as it stood on any date.

const firstDayOf = (year: number, half: number) => `${year}-${half === 1 ? '01' : '07'}-01`;

export async function proposeEscalation(tx: Tx, caller: Who, input: z.output<typeof proposeEscalationSchema>) {
  const issue = await tx.raisedIssue.findUnique({ where: { id: input.issueId }, select: { id: true, raisedOn: true, deletedAt: true, meeting: { select: meetingPlace } } });
  if (!issue || issue.deletedAt || issue.meeting.deletedAt) throw refuse({ issueId: 'entry.validation.issueUnknown' });
  requireInScope(caller, issue.meeting, 'the issue');
  if (issue.meeting.kind !== 'AKIM') throw refuse({ issueId: 'entry.validation.issueUnknown' });
  const body = await tx.centralBody.findUnique({ where: { code: input.centralBodyCode }, select: { id: true } });
  if (!body) throw refuse({ centralBodyCode: 'entry.validation.bodyUnknown' });
  if (firstDayOf(input.year, input.half) < firstDayOf(halfYearOf(issue.raisedOn).year, halfYearOf(issue.raisedOn).half)) {
    throw refuse({ year: 'entry.validation.beforeRaised' });
  }
  const includedOn = input.includedOn ?? todayInKazakhstan();
  if (includedOn < isoDayOf(issue.raisedOn)) throw refuse({ includedOn: 'entry.validation.beforeRaised' });
  await assertOpen(tx, { half: firstDayOf(input.year, input.half), includedOn });
  if (await tx.escalation.findUnique({ where: { issueId_year_half: { issueId: input.issueId, year: input.year, half: input.half } } })) {
    throw refuse({ issueId: 'entry.validation.alreadyListed' });
  }
  const after = await tx.escalation.create({ data: { issueId: input.issueId, year: input.year, half: input.half, centralBodyId: body.id, proposal: input.proposal ?? null } });
  await tx.escalationInclusionChange.create({ data: { escalationId: after.id, included: true, effectiveOn: day(includedOn), authorId: caller.userId } });
  return { id: after.id, version: after.version, before: null, after };
}

export async function decideEscalation(tx: Tx, caller: Who, input: DecideEscalationInput) {
  const before = await tx.escalation.findUnique({ where: { id: input.id } });
  if (!before) throw new AppError('NOT_FOUND', `escalation ${input.id}`);
  requireEscalationBody(caller, before.centralBodyId, 'addressed to another body');
  if (before.version !== input.version) throw STALE(`escalation ${input.id}`);
  await assertOpen(tx, { effectiveOn: input.effectiveOn, half: firstDayOf(before.year, before.half) });
  // One after the other: one connection carries the transaction.
  const last = await tx.escalationDispositionChange.findFirst({ where: { escalationId: input.id }, orderBy: [{ effectiveOn: 'desc' }, { id: 'desc' }], select: { effectiveOn: true } });
  const included = await tx.escalationInclusionChange.findFirst({ where: { escalationId: input.id, included: true }, orderBy: [{ effectiveOn: 'asc' }, { id: 'asc' }], select: { effectiveOn: true } });
  if (last && input.effectiveOn < isoDayOf(last.effectiveOn)) throw refuse({ effectiveOn: 'entry.validation.beforeLastStep' });
  // A decision on an entry before it was on the list would count it as selected before it was listed.
  if (included && input.effectiveOn < isoDayOf(included.effectiveOn)) throw refuse({ effectiveOn: 'entry.validation.beforeIncluded' });
  const amount = input.republicanAmountKzt === undefined ? null : BigInt(input.republicanAmountKzt);
  const { count } = await tx.escalation.updateMany({
    where: { id: input.id, version: input.version },
    data: { disposition: input.disposition, republicanAmountKzt: amount, selected: input.selected, version: { increment: 1 } },
  });
  if (count !== 1) throw STALE(`escalation ${input.id}`);
  await tx.escalationDispositionChange.create({
    data: { escalationId: input.id, disposition: input.disposition, republicanAmountKzt: amount, effectiveOn: day(input.effectiveOn), authorId: caller.userId, comment: input.comment ?? null },
  });
  // The mark's history records changes only: no step at all means never selected.
  if (input.selected !== before.selected) {
    await tx.escalationSelectionChange.create({
      data: { escalationId: input.id, selected: input.selected, effectiveOn: day(input.effectiveOn), authorId: caller.userId, comment: input.comment ?? null },
    });
  }
  const after = await tx.escalation.findUnique({ where: { id: input.id } });
  return { id: input.id, version: after!.version, before, after };
}
