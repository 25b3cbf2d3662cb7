// The budget request workflow, defined once: who moves a request from which status to which.
// The akimat drafts, submits and may withdraw what it submitted; the addressed body decides,
// and may revise its decision (a request "to be considered at the budget's refinement" is
// later approved or rejected). The SQL in features/stats reads the same statuses.

export const REQUEST_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'PARTIALLY_APPROVED', 'REJECTED', 'WITHDRAWN'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const DECISIONS = ['APPROVED', 'PARTIALLY_APPROVED', 'REJECTED'] as const;
export type Decision = (typeof DECISIONS)[number];

export const REJECTION_REASONS = ['NO_DOCUMENTATION', 'ALREADY_FUNDED_IN_REPUBLICAN_BUDGET', 'CONSIDER_AT_BUDGET_REFINEMENT', 'NOT_BODY_COMPETENCE', 'OTHER'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** Which side makes a step: the akimat that files the request, or the body it is addressed to. */
export type Side = 'akimat' | 'body';

const ALLOWED: Record<Side, Record<RequestStatus, readonly RequestStatus[]>> = {
  akimat: { DRAFT: ['SUBMITTED'], SUBMITTED: ['WITHDRAWN'], APPROVED: [], PARTIALLY_APPROVED: [], REJECTED: [], WITHDRAWN: [] },
  body: { DRAFT: [], SUBMITTED: DECISIONS, APPROVED: DECISIONS, PARTIALLY_APPROVED: DECISIONS, REJECTED: DECISIONS, WITHDRAWN: [] },
};

export const canMove = (side: Side, from: RequestStatus, to: RequestStatus) => ALLOWED[side][from].includes(to);

/** Only a draft's content (body, amount, issues, note) may change; what was submitted is fixed. */
export const isEditable = (status: RequestStatus) => status === 'DRAFT';

export type DecisionInput = { decision: Decision; approvedAmountKzt?: number; rejectionReason?: RejectionReason; comment?: string };
export type DecisionCheck = { ok: true } | { ok: false; field: 'approvedAmountKzt' | 'rejectionReason' | 'comment'; reason: 'AMOUNT_REQUIRED' | 'AMOUNT_NOT_PARTIAL' | 'REASON_REQUIRED' | 'COMMENT_REQUIRED' };

/**
 * A decision's own rules: a partial approval carries an amount above zero and below what was
 * asked; a rejection carries its reason, and "other" a comment.
 */
export function checkDecision(requested: bigint, d: DecisionInput): DecisionCheck {
  if (d.decision === 'PARTIALLY_APPROVED') {
    if (d.approvedAmountKzt === undefined) return { ok: false, field: 'approvedAmountKzt', reason: 'AMOUNT_REQUIRED' };
    if (d.approvedAmountKzt <= 0 || BigInt(d.approvedAmountKzt) >= requested) return { ok: false, field: 'approvedAmountKzt', reason: 'AMOUNT_NOT_PARTIAL' };
  }
  if (d.decision === 'REJECTED') {
    if (!d.rejectionReason) return { ok: false, field: 'rejectionReason', reason: 'REASON_REQUIRED' };
    if (d.rejectionReason === 'OTHER' && !d.comment?.trim()) return { ok: false, field: 'comment', reason: 'COMMENT_REQUIRED' };
  }
  return { ok: true };
}

/** The amount a decision approves: all that was asked, the partial amount, or nothing. */
export function approvedAmount(requested: bigint, d: DecisionInput): bigint | null {
  if (d.decision === 'APPROVED') return requested;
  if (d.decision === 'PARTIALLY_APPROVED') return BigInt(d.approvedAmountKzt ?? 0);
  return null;
}
