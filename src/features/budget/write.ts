import 'server-only';
import { day, refuse, STALE, type Tx, type Who } from '@/server/records/write-kit';
import { isoDayOf } from '@/lib/calendar';
import { assertOpen } from '@/server/records/closing';
import type { BudgetRequestStatus } from '@/generated/prisma/enums';
import { regionPlansWriter } from '@/server/access/scopes/action-plan';
import { requireRequestSide } from '@/server/access/scopes/budget-request';
import { AppError } from '@/server/errors';
import { approvedAmount, canMove, checkDecision, isEditable, type Side } from '@/server/records/budget/rules';
import type {
  CreateBudgetRequestInput, DecideBudgetRequestInput, SubmitBudgetRequestInput, UpdateBudgetRequestInput, WithdrawBudgetRequestInput,
} from '@/server/records/budget/schemas';

// Budget requests: a region's akimat drafts, submits and may withdraw its requests; the body
// it addresses decides. Every status change is a dated step of the request's history, and a
// closed half-year refuses steps dated in it.

/** The message of each refused decision (catalogue keys are camelCase, as the form's translator reads them). */
const DECISION_MESSAGE = {
  AMOUNT_REQUIRED: 'budgetRequests.validation.amountRequired',
  AMOUNT_NOT_PARTIAL: 'budgetRequests.validation.amountNotPartial',
  REASON_REQUIRED: 'budgetRequests.validation.reasonRequired',
  COMMENT_REQUIRED: 'budgetRequests.validation.commentRequired',
} as const;

const withIssues = { issues: { select: { issueId: true }, orderBy: { issueId: 'asc' } } } as const;

async function regionOf(tx: Tx, caller: Who, regionKato?: string): Promise<number> {
  const own = regionPlansWriter(caller);
  if (own) return own.regionId;
  const region = await tx.region.findUnique({ where: { kato: regionKato ?? '' }, select: { id: true } });
  if (!region) throw refuse({ regionKato: 'entry.validation.regionUnknown' });
  return region.id;
}

/** The request, if the caller may act on it from `side`: its region's akimat, or the body it addresses. */
async function load(tx: Tx, caller: Who, id: number, side: Side) {
  const before = await tx.budgetRequest.findUnique({ where: { id }, include: withIssues });
  if (!before) throw new AppError('NOT_FOUND', `budget request ${id}`);
  requireRequestSide(caller, before, side);
  return before;
}

async function content(tx: Tx, regionId: number, input: { centralBodyCode: string; issueIds: number[] }) {
  const body = await tx.centralBody.findUnique({ where: { code: input.centralBodyCode }, select: { id: true } });
  if (!body) throw refuse({ centralBodyCode: 'entry.validation.bodyUnknown' });
  const ids = [...new Set(input.issueIds)];
  const found = await tx.raisedIssue.count({ where: { id: { in: ids }, regionId, meetingKind: 'AKIM', deletedAt: null } });
  if (found !== ids.length) throw refuse({ issueIds: 'entry.validation.issueUnknown' });
  return { centralBodyId: body.id, ids };
}

export async function createBudgetRequest(tx: Tx, caller: Who, input: CreateBudgetRequestInput) {
  const regionId = await regionOf(tx, caller, input.regionKato);
  const { centralBodyId, ids } = await content(tx, regionId, input);
  const after = await tx.budgetRequest.create({
    data: { regionId, centralBodyId, amountKzt: BigInt(input.amountKzt), note: input.note ?? null, issues: { create: ids.map((issueId) => ({ issueId })) } },
    include: withIssues,
  });
  return { id: after.id, version: after.version, before: null, after };
}

/** A draft's content; once submitted, what the akimat asked for is fixed. */
export async function updateBudgetRequest(tx: Tx, caller: Who, id: number, input: UpdateBudgetRequestInput) {
  const before = await load(tx, caller, id, 'akimat');
  if (before.version !== input.version) throw STALE(`budget request ${id}`);
  if (!isEditable(before.status)) throw refuse({ amountKzt: 'budgetRequests.validation.notDraft' });
  const { centralBodyId, ids } = await content(tx, before.regionId, input);
  const { count } = await tx.budgetRequest.updateMany({
    where: { id, version: input.version },
    data: { centralBodyId, amountKzt: BigInt(input.amountKzt), note: input.note ?? null, version: { increment: 1 } },
  });
  if (count !== 1) throw STALE(`budget request ${id}`);
  await tx.budgetRequestIssue.deleteMany({ where: { requestId: id } });
  if (ids.length) await tx.budgetRequestIssue.createMany({ data: ids.map((issueId) => ({ requestId: id, issueId })) });
  const after = await tx.budgetRequest.findUnique({ where: { id }, include: withIssues });
  return { id, version: after!.version, before, after };
}

type Step = {
  to: BudgetRequestStatus; on: string; field: string; comment?: string | null;
  approvedAmountKzt?: bigint | null; rejectionReason?: DecideBudgetRequestInput['rejectionReason'] | null;
};

/** One dated step: allowed from the current status for this side, not before the last step, in an open half-year. */
async function move(tx: Tx, caller: Who, id: number, version: number, side: Side, step: Step) {
  const before = await load(tx, caller, id, side);
  if (before.version !== version) throw STALE(`budget request ${id}`);
  if (!canMove(side, before.status, step.to)) throw refuse({ [side === 'body' ? 'decision' : '_']: 'budgetRequests.validation.transition' });
  await assertOpen(tx, { [step.field]: step.on });
  const last = await tx.budgetRequestStatusChange.findFirst({ where: { requestId: id }, orderBy: [{ effectiveOn: 'desc' }, { id: 'desc' }], select: { effectiveOn: true } });
  if (last && step.on < isoDayOf(last.effectiveOn)) throw refuse({ [step.field]: 'entry.validation.beforeLastStep' });
  const decided = step.to === 'APPROVED' || step.to === 'PARTIALLY_APPROVED' || step.to === 'REJECTED';
  const { count } = await tx.budgetRequest.updateMany({
    where: { id, version },
    data: {
      status: step.to, version: { increment: 1 },
      ...(step.to === 'SUBMITTED' ? { submittedOn: day(step.on) } : {}),
      ...(decided ? { decidedOn: day(step.on), approvedAmountKzt: step.approvedAmountKzt ?? null, rejectionReason: step.rejectionReason ?? null } : {}),
    },
  });
  if (count !== 1) throw STALE(`budget request ${id}`);
  await tx.budgetRequestStatusChange.create({
    data: {
      requestId: id, fromStatus: before.status, toStatus: step.to, effectiveOn: day(step.on), authorId: caller.userId, comment: step.comment ?? null,
      approvedAmountKzt: step.approvedAmountKzt ?? null, rejectionReason: step.rejectionReason ?? null,
    },
  });
  const after = await tx.budgetRequest.findUnique({ where: { id }, include: withIssues });
  return { id, version: after!.version, before, after };
}

export async function submitBudgetRequest(tx: Tx, caller: Who, id: number, input: SubmitBudgetRequestInput) {
  return move(tx, caller, id, input.version, 'akimat', { to: 'SUBMITTED', on: input.submittedOn, field: 'submittedOn' });
}

export async function withdrawBudgetRequest(tx: Tx, caller: Who, id: number, input: WithdrawBudgetRequestInput) {
  return move(tx, caller, id, input.version, 'akimat', { to: 'WITHDRAWN', on: input.effectiveOn, field: 'effectiveOn', comment: input.reason });
}

export async function decideBudgetRequest(tx: Tx, caller: Who, id: number, input: DecideBudgetRequestInput) {
  const current = await load(tx, caller, id, 'body');
  const check = checkDecision(current.amountKzt, input);
  if (!check.ok) throw refuse({ [check.field]: DECISION_MESSAGE[check.reason] });
  return move(tx, caller, id, input.version, 'body', {
    to: input.decision, on: input.effectiveOn, field: 'effectiveOn', comment: input.comment ?? null,
    approvedAmountKzt: approvedAmount(current.amountKzt, input), rejectionReason: input.decision === 'REJECTED' ? input.rejectionReason ?? null : null,
  });
}
