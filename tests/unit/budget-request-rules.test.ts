import { describe, expect, it } from 'vitest';
import { REQUEST_STATUSES, type RequestStatus, approvedAmount, canMove, checkDecision, isEditable } from '@/server/records/budget/rules';

// Every (side, from, to): 'a' = the akimat may, 'b' = the addressed body may, '-' = nobody.
const TABLE: Record<RequestStatus, Record<RequestStatus, 'a' | 'b' | '-'>> = {
  DRAFT: { DRAFT: '-', SUBMITTED: 'a', APPROVED: '-', PARTIALLY_APPROVED: '-', REJECTED: '-', WITHDRAWN: '-' },
  SUBMITTED: { DRAFT: '-', SUBMITTED: '-', APPROVED: 'b', PARTIALLY_APPROVED: 'b', REJECTED: 'b', WITHDRAWN: 'a' },
  APPROVED: { DRAFT: '-', SUBMITTED: '-', APPROVED: 'b', PARTIALLY_APPROVED: 'b', REJECTED: 'b', WITHDRAWN: '-' },
  PARTIALLY_APPROVED: { DRAFT: '-', SUBMITTED: '-', APPROVED: 'b', PARTIALLY_APPROVED: 'b', REJECTED: 'b', WITHDRAWN: '-' },
  REJECTED: { DRAFT: '-', SUBMITTED: '-', APPROVED: 'b', PARTIALLY_APPROVED: 'b', REJECTED: 'b', WITHDRAWN: '-' },
  WITHDRAWN: { DRAFT: '-', SUBMITTED: '-', APPROVED: '-', PARTIALLY_APPROVED: '-', REJECTED: '-', WITHDRAWN: '-' },
};

describe('budget request transitions', () => {
  const pairs = REQUEST_STATUSES.flatMap((from) => REQUEST_STATUSES.map((to) => [from, to, TABLE[from][to]] as const));
  it.each(pairs)('%s → %s: %s', (from, to, who) => {
    expect(canMove('akimat', from, to)).toBe(who === 'a');
    expect(canMove('body', from, to)).toBe(who === 'b');
  });

  it('an akimat never decides and a body never submits or withdraws', () => {
    for (const from of REQUEST_STATUSES) {
      for (const to of ['APPROVED', 'PARTIALLY_APPROVED', 'REJECTED'] as const) expect(canMove('akimat', from, to)).toBe(false);
      for (const to of ['SUBMITTED', 'WITHDRAWN'] as const) expect(canMove('body', from, to)).toBe(false);
    }
  });

  it('only a draft may be changed', () => {
    expect(REQUEST_STATUSES.filter(isEditable)).toEqual(['DRAFT']);
  });
});

describe('a decision', () => {
  const asked = 1_000_000_000n;
  it('a partial approval carries an amount above zero and below what was asked', () => {
    expect(checkDecision(asked, { decision: 'PARTIALLY_APPROVED' })).toEqual({ ok: false, field: 'approvedAmountKzt', reason: 'AMOUNT_REQUIRED' });
    expect(checkDecision(asked, { decision: 'PARTIALLY_APPROVED', approvedAmountKzt: 0 })).toMatchObject({ ok: false, reason: 'AMOUNT_NOT_PARTIAL' });
    expect(checkDecision(asked, { decision: 'PARTIALLY_APPROVED', approvedAmountKzt: 1_000_000_000 })).toMatchObject({ ok: false, reason: 'AMOUNT_NOT_PARTIAL' });
    expect(checkDecision(asked, { decision: 'PARTIALLY_APPROVED', approvedAmountKzt: 400_000_000 })).toEqual({ ok: true });
    expect(approvedAmount(asked, { decision: 'PARTIALLY_APPROVED', approvedAmountKzt: 400_000_000 })).toBe(400_000_000n);
  });

  it('an approval approves all that was asked; a rejection nothing', () => {
    expect(approvedAmount(asked, { decision: 'APPROVED' })).toBe(asked);
    expect(approvedAmount(asked, { decision: 'REJECTED', rejectionReason: 'NO_DOCUMENTATION' })).toBeNull();
  });

  it('a rejection names its reason, and "other" a comment', () => {
    expect(checkDecision(asked, { decision: 'REJECTED' })).toEqual({ ok: false, field: 'rejectionReason', reason: 'REASON_REQUIRED' });
    expect(checkDecision(asked, { decision: 'REJECTED', rejectionReason: 'OTHER' })).toEqual({ ok: false, field: 'comment', reason: 'COMMENT_REQUIRED' });
    expect(checkDecision(asked, { decision: 'REJECTED', rejectionReason: 'OTHER', comment: 'Нет лимитов' })).toEqual({ ok: true });
    expect(checkDecision(asked, { decision: 'REJECTED', rejectionReason: 'CONSIDER_AT_BUDGET_REFINEMENT' })).toEqual({ ok: true });
  });
});
