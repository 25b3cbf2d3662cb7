import { type IsoDate, addDays, maxDate, minDate } from './dates';
import { type BudgetRequestRow, type BudgetRequestStatus, type Dataset, type Disposition, type RejectionReason, recordedAt } from './dataset';

// Budget requests for the central-level lists, derived from the lists themselves (no random
// draws, so nothing else in the dataset moves). 2022, as the briefing tells it: the 13 issues
// "to be considered at the refinement of the republican budget" (61,2 bn) have submitted
// requests awaiting a decision, the 5 already funded in the republican budget (20,2 bn) were
// approved in full, and the other issues of the list have none («Акиматам необходимо ...
// внести бюджетные заявки»). 2023-H1 shows every outcome: pending, approved in full and in
// part, rejected with a reason, withdrawn.

type Plan = { status: BudgetRequestStatus; amount: bigint; approved?: bigint; reason?: RejectionReason; comment?: string };

const NOTE = 'Бюджетная заявка по вопросу перечня центрального уровня';
const WITHDRAWN_REASON = 'Вопрос решается за счёт местного бюджета';

/** What each list entry gets: its disposition and its place among the list's entries of that disposition. */
function planFor(year: number, disposition: Disposition, k: number, amount: bigint | null): Plan | null {
  if (year === 2022) {
    if (disposition === 'CONSIDER_AT_BUDGET_REFINEMENT' && amount) return { status: 'SUBMITTED', amount };
    if (disposition === 'ALREADY_FUNDED_IN_REPUBLICAN_BUDGET' && amount) return { status: 'APPROVED', amount, approved: amount };
    return null;
  }
  const invented = BigInt(1_200 + 350 * k) * 1_000_000n;
  switch (disposition) {
    case 'CONSIDER_AT_BUDGET_REFINEMENT': {
      if (!amount) return null;
      if (k % 3 === 1) return { status: 'PARTIALLY_APPROVED', amount, approved: ((amount * 6n) / 10n / 1_000_000n) * 1_000_000n };
      if (k % 3 === 2) return { status: 'APPROVED', amount, approved: amount };
      return { status: 'SUBMITTED', amount };
    }
    case 'NO_DOCUMENTATION':
      return k < 2 ? { status: 'REJECTED', amount: invented, reason: 'NO_DOCUMENTATION' } : null;
    case 'NOT_SUPPORTED_LOCAL_COMPETENCE':
      if (k < 2) return { status: 'REJECTED', amount: invented, reason: 'NOT_BODY_COMPETENCE' };
      return k === 2 ? { status: 'WITHDRAWN', amount: invented, comment: WITHDRAWN_REASON } : null;
    default:
      return null;
  }
}

export function writeBudgetRequests(ds: Dataset): void {
  const issues = new Map(ds.raised_issue.map((i) => [i.id, i]));
  const steps = new Map<number, IsoDate[]>();
  for (const h of ds.escalation_disposition_change) steps.set(h.escalation_id, [...(steps.get(h.escalation_id) ?? []), h.effective_on]);
  const seen = new Map<string, number>();
  for (const e of ds.escalation) {
    if (!e.disposition) continue;
    const key = `${e.year}-${e.half}-${e.disposition}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const plan = planFor(e.year, e.disposition, k, e.republican_amount_kzt);
    const issue = issues.get(e.issue_id);
    const dates = steps.get(e.id);
    if (!plan || !issue || !dates) continue;
    // Submitted three to five weeks before the body's first word on the entry, never before the issue was raised; decided with its final disposition.
    const submittedOn = maxDate(issue.raised_on, addDays(dates[0]!, -(21 + (e.id % 15))));
    const decidedOn = minDate(maxDate(dates.at(-1)!, submittedOn), `${e.year}-${e.half === 1 ? '06-30' : '12-31'}`);
    const decided = plan.status === 'APPROVED' || plan.status === 'PARTIALLY_APPROVED' || plan.status === 'REJECTED';
    const row: BudgetRequestRow = {
      id: ds.budget_request.length + 1, region_id: issue.region_id, central_body_id: e.central_body_id, amount_kzt: plan.amount, status: plan.status,
      submitted_on: submittedOn, decided_on: decided ? decidedOn : null, approved_amount_kzt: plan.approved ?? null, rejection_reason: plan.reason ?? null, note: NOTE,
    };
    ds.budget_request.push(row);
    ds.budget_request_issue.push({ request_id: row.id, issue_id: e.issue_id });
    const push = (from: BudgetRequestStatus, to: BudgetRequestStatus, on: IsoDate, extra: Partial<Plan> = {}) =>
      ds.budget_request_status_change.push({
        id: ds.budget_request_status_change.length + 1, request_id: row.id, from_status: from, to_status: to,
        approved_amount_kzt: extra.approved ?? null, rejection_reason: extra.reason ?? null, effective_on: on, comment: extra.comment ?? null, recorded_at: recordedAt(on),
      });
    push('DRAFT', 'SUBMITTED', submittedOn);
    if (plan.status !== 'SUBMITTED') push('SUBMITTED', plan.status, decidedOn, plan);
  }
}
