import type pg from 'pg';
import { canMove, type RequestStatus, type RejectionReason } from '@/server/records/budget/rules';

// Budget requests with their dated history, written with plain SQL the way the app keeps
// them: budget_request holds the current state, budget_request_status_change every step.

type Db = pg.ClientBase | pg.Pool;

export type RequestStep = { to: Exclude<RequestStatus, 'DRAFT'>; on: string; approvedKzt?: bigint; reason?: RejectionReason; comment?: string };

export type TestRequest = { id: number; status: RequestStatus; amountKzt: bigint };

/** A request of `regionId` to `centralBodyId` for `amountKzt`, covering `issueIds`, taken through `steps` (allowed moves only). */
export async function createBudgetRequest(
  db: Db,
  options: { regionId: number; centralBodyId: number; amountKzt: bigint; issueIds?: number[]; steps?: RequestStep[] },
): Promise<TestRequest> {
  const steps = options.steps ?? [];
  let status: RequestStatus = 'DRAFT';
  for (const s of steps) {
    const side = s.to === 'SUBMITTED' || s.to === 'WITHDRAWN' ? 'akimat' : 'body';
    if (!canMove(side, status, s.to)) throw new Error(`${status} → ${s.to} is not allowed`);
    status = s.to;
  }
  const submitted = steps.find((s) => s.to === 'SUBMITTED')?.on ?? null;
  const last = steps.at(-1);
  const decided = last && ['APPROVED', 'PARTIALLY_APPROVED', 'REJECTED'].includes(last.to) ? last : null;
  const approved = decided?.to === 'APPROVED' ? options.amountKzt : decided?.to === 'PARTIALLY_APPROVED' ? decided.approvedKzt ?? null : null;
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO budget_request (region_id, central_body_id, amount_kzt, status, submitted_on, decided_on, approved_amount_kzt, rejection_reason)
     VALUES ($1, $2, $3, $4, $5::date, $6::date, $7, $8) RETURNING id`,
    [options.regionId, options.centralBodyId, options.amountKzt.toString(), status, submitted, decided?.on ?? null, approved?.toString() ?? null, decided?.reason ?? null],
  );
  const id = rows[0]!.id;
  for (const issueId of options.issueIds ?? []) await db.query('INSERT INTO budget_request_issue (request_id, issue_id) VALUES ($1, $2)', [id, issueId]);
  let from: RequestStatus = 'DRAFT';
  for (const [i, s] of steps.entries()) {
    const amount = s.to === 'APPROVED' ? options.amountKzt : s.to === 'PARTIALLY_APPROVED' ? s.approvedKzt ?? null : null;
    await db.query(
      `INSERT INTO budget_request_status_change (request_id, from_status, to_status, approved_amount_kzt, rejection_reason, effective_on, comment, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6::date, $7, $8)`,
      [id, from, s.to, amount?.toString() ?? null, s.reason ?? null, s.on, s.comment ?? null, new Date(Date.parse(`${s.on}T06:00:00Z`) + i * 1000).toISOString()],
    );
    from = s.to;
  }
  return { id, status, amountKzt: options.amountKzt };
}
