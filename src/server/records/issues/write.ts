import type { Prisma } from '@/generated/prisma/client';
import { day, meetingPlace, refuse, requireInScope, STALE, type Tx, type Who } from '@/server/records/write-kit';
import { isoDayOf } from '@/lib/calendar';
import { assertOpen } from '@/server/records/closing';
import { can } from '@/server/access/policy';
import { AppError } from '@/server/errors';
import type { IssueStatus } from './rules';
import {
  checkMoneyEntry, checkStatusChange, type CreateIssueInput, type IssueFieldsInput, type MoneyEntryInput, type StatusChangeInput, type UpdateIssueInput,
} from './schemas';

// Writing issues, their statuses and money: used alike by the forms' server actions, the write
// API and the importer, inside the caller's transaction. The current status and resolved_on
// on raised_issue always follow the last step of issue_status_change; the statistics triggers
// do the rest. Every change bumps the issue's version, and an update at another version is a 409.

type NewIssue = { categoryCode: string; description: string; responsibleLevel: IssueFieldsInput['responsibleLevel'] };

/** Category codes to ids; an unknown or switched-off code is refused under `fieldOf(i)`. */
async function categoryIds(tx: Tx, codes: string[], fieldOf: (i: number) => string): Promise<number[]> {
  const found = await tx.issueCategory.findMany({ where: { code: { in: [...new Set(codes)] }, active: true }, select: { id: true, code: true } });
  const byCode = new Map(found.map((c) => [c.code, c.id]));
  const errors: Record<string, string> = {};
  codes.forEach((c, i) => {
    if (!byCode.has(c)) errors[fieldOf(i)] = 'entry.validation.categoryUnknown';
  });
  if (Object.keys(errors).length) throw refuse(errors);
  return codes.map((c) => byCode.get(c)!);
}

/** Issues raised at a meeting: each RAISED on the meeting's date, its first step recorded. */
export async function createIssuesAt(
  tx: Tx,
  caller: Who,
  meeting: { id: number; kind: 'AKIM' | 'CENTRAL'; regionId: number; heldOn: string },
  issues: NewIssue[],
  field: string | null,
): Promise<number[]> {
  if (issues.length === 0) return [];
  const ids = await categoryIds(tx, issues.map((i) => i.categoryCode), (i) => (field ? `${field}.${i}.categoryCode` : 'categoryCode'));
  const created = await tx.raisedIssue.createManyAndReturn({
    data: issues.map((issue, i) => ({
      meetingId: meeting.id, categoryId: ids[i]!, description: issue.description, responsibleLevel: issue.responsibleLevel,
      status: 'RAISED' as const, meetingKind: meeting.kind, regionId: meeting.regionId, raisedOn: day(meeting.heldOn),
    })),
    select: { id: true },
  });
  await tx.issueStatusChange.createMany({
    data: created.map((c) => ({ issueId: c.id, fromStatus: null, toStatus: 'RAISED' as const, effectiveOn: day(meeting.heldOn), authorId: caller.userId })),
  });
  return created.map((c) => c.id);
}

/** The issue as the audit trail and the conflict view show it. */
export async function issueSnapshot(tx: Tx, id: number) {
  return tx.raisedIssue.findUnique({
    where: { id },
    include: {
      category: { select: { code: true } },
      statusChanges: { orderBy: [{ effectiveOn: 'asc' }, { recordedAt: 'asc' }, { id: 'asc' }] },
      budgetEntries: { orderBy: [{ effectiveOn: 'asc' }, { id: 'asc' }] },
    },
  });
}

export async function createIssue(tx: Tx, caller: Who, input: CreateIssueInput) {
  const meeting = await tx.meeting.findUnique({ where: { id: input.meetingId }, select: meetingPlace });
  if (!meeting || meeting.deletedAt) throw refuse({ meetingId: 'entry.validation.meetingUnknown' });
  requireInScope(caller, meeting, 'the meeting');
  await assertOpen(tx, { meetingId: meeting.heldOn });
  const [id] = await createIssuesAt(tx, caller, { ...meeting, heldOn: isoDayOf(meeting.heldOn) }, [input], null);
  const after = await issueSnapshot(tx, id!);
  return { id: id!, version: after!.version, after };
}

const issuePlace = { ...{ id: true, status: true, raisedOn: true, version: true, deletedAt: true, meetingId: true }, meeting: { select: meetingPlace } } as const satisfies Prisma.RaisedIssueSelect;

/** A live issue for a change: 404 when missing or deleted, 403 outside scope, 409 at another version. */
async function issueForChange(tx: Tx, caller: Who, id: number, version: number) {
  const issue = await tx.raisedIssue.findUnique({ where: { id }, select: issuePlace });
  if (!issue || issue.deletedAt || issue.meeting.deletedAt) throw new AppError('NOT_FOUND', `issue ${id}`);
  requireInScope(caller, issue.meeting, 'the issue');
  if (issue.version !== version) throw STALE(`issue ${id}`);
  return issue;
}

/** Bumps the version if it is still `version` (one conditional UPDATE); otherwise a 409. */
async function claimVersion(tx: Tx, id: number, version: number, data: Prisma.RaisedIssueUncheckedUpdateManyInput = {}) {
  const { count } = await tx.raisedIssue.updateMany({ where: { id, version, deletedAt: null }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) throw STALE(`issue ${id}`);
}

export async function updateIssue(tx: Tx, caller: Who, id: number, input: UpdateIssueInput) {
  const issue = await issueForChange(tx, caller, id, input.version);
  await assertOpen(tx, { raisedOn: issue.raisedOn });
  const before = await issueSnapshot(tx, id);
  const data: Prisma.RaisedIssueUncheckedUpdateManyInput = {};
  if (input.categoryCode !== undefined) data.categoryId = (await categoryIds(tx, [input.categoryCode], () => 'categoryCode'))[0]!;
  if (input.description !== undefined) data.description = input.description;
  if (input.responsibleLevel !== undefined) data.responsibleLevel = input.responsibleLevel;
  await claimVersion(tx, id, input.version, data);
  const after = await issueSnapshot(tx, id);
  return { id, version: after!.version, before, after };
}

export async function changeStatus(tx: Tx, caller: Who, id: number, input: StatusChangeInput) {
  const issue = await issueForChange(tx, caller, id, input.version);
  const last = await tx.issueStatusChange.findFirst({ where: { issueId: id }, orderBy: [{ effectiveOn: 'desc' }, { recordedAt: 'desc' }, { id: 'desc' }], select: { effectiveOn: true } });
  const errors = checkStatusChange(
    { status: issue.status as IssueStatus, raisedOn: isoDayOf(issue.raisedOn), lastEffectiveOn: last ? isoDayOf(last.effectiveOn) : null },
    input,
  );
  if (Object.keys(errors).length) throw refuse(errors);
  await assertOpen(tx, { effectiveOn: input.effectiveOn });
  const before = await issueSnapshot(tx, id);
  await claimVersion(tx, id, input.version, { status: input.toStatus, resolvedOn: input.toStatus === 'RESOLVED' ? day(input.effectiveOn) : null });
  await tx.issueStatusChange.create({
    data: { issueId: id, fromStatus: issue.status, toStatus: input.toStatus, effectiveOn: day(input.effectiveOn), authorId: caller.userId, comment: input.comment ?? null },
  });
  const after = await issueSnapshot(tx, id);
  return { id, version: after!.version, before, after };
}

export async function addMoneyEntry(tx: Tx, caller: Who, id: number, input: MoneyEntryInput) {
  const issue = await issueForChange(tx, caller, id, input.version);
  const errors = checkMoneyEntry({ raisedOn: isoDayOf(issue.raisedOn) }, input);
  if (Object.keys(errors).length) throw refuse(errors);
  await assertOpen(tx, { effectiveOn: input.effectiveOn });
  await claimVersion(tx, id, input.version);
  const entry = await tx.budgetAllocation.create({
    data: { issueId: id, source: input.source, kind: input.kind, amountKzt: BigInt(input.amountKzt), effectiveOn: day(input.effectiveOn), note: input.note ?? null },
  });
  return { id, version: input.version + 1, entryId: entry.id, before: null, after: entry };
}

export async function deleteIssue(tx: Tx, caller: Who, id: number, version: number) {
  const issue = await issueForChange(tx, caller, id, version);
  await assertOpen(tx, { raisedOn: issue.raisedOn });
  const before = await issueSnapshot(tx, id);
  await claimVersion(tx, id, version, { deletedAt: new Date() });
  return { id, before, after: await issueSnapshot(tx, id) };
}

/** Brings back a deleted issue (admins); its meeting must be live. */
export async function restoreIssue(tx: Tx, caller: Who, id: number) {
  if (!can(caller.role, 'records.restore')) throw new AppError('FORBIDDEN', 'only an admin restores records');
  const issue = await tx.raisedIssue.findUnique({ where: { id }, select: issuePlace });
  if (!issue || !issue.deletedAt) throw new AppError('NOT_FOUND', `deleted issue ${id}`);
  if (issue.meeting.deletedAt) throw refuse({ id: 'entry.validation.meetingDeleted' });
  await assertOpen(tx, { raisedOn: issue.raisedOn });
  const before = await issueSnapshot(tx, id);
  await tx.raisedIssue.update({ where: { id }, data: { deletedAt: null, version: { increment: 1 } } });
  return { id, before, after: await issueSnapshot(tx, id) };
}
