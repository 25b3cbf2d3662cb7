import type { IsoDate } from './dates';
import type { OfficialRow, RegionRow, UnitRow } from './reference';

// Rows keyed by database column, in the order load.ts inserts them.

export type IssueStatus = 'RAISED' | 'IN_EXECUTION' | 'RESOLVED' | 'NOT_SUPPORTED' | 'ESCALATED';
export type Disposition =
  | 'NO_DOCUMENTATION' | 'ALREADY_FUNDED_IN_REPUBLICAN_BUDGET' | 'CONSIDER_AT_BUDGET_REFINEMENT'
  | 'IN_EXECUTION' | 'NOT_SUPPORTED_LOCAL_COMPETENCE' | 'EXECUTED';

export type MeetingRow = {
  id: number; kind: 'AKIM' | 'CENTRAL'; official_id: number; region_id: number; unit_id: number | null;
  akim_level: 'REGION' | 'DISTRICT' | 'RURAL' | null; central_body_id: number | null; held_on: IsoDate;
  venue: 'HOUSE_OF_CULTURE' | 'CCS_PLATFORM' | 'PROBLEM_SITE' | 'ONLINE' | 'OTHER'; venue_note: string | null;
  open_microphone: boolean; briefing_held: boolean; ngo_meeting_held: boolean; problem_site_visited: boolean;
  announced_on: IsoDate | null; announcement_channels: string; questions_collected: boolean;
  action_plan_prepared: boolean; attendance: number | null; outcomes: string | null; external_ref: string | null;
};

export type IssueRow = {
  id: number; meeting_id: number; category_id: number; description: string;
  responsible_level: 'RURAL' | 'DISTRICT' | 'REGION' | 'CENTRAL'; status: IssueStatus;
  meeting_kind: 'AKIM' | 'CENTRAL'; region_id: number; raised_on: IsoDate; resolved_on: IsoDate | null;
};

export type StatusChangeRow = {
  id: number; issue_id: number; from_status: IssueStatus | null; to_status: IssueStatus;
  effective_on: IsoDate; comment: string | null; recorded_at: string;
};

export type BudgetRow = {
  id: number; issue_id: number; source: 'LOCAL' | 'REPUBLICAN'; kind: 'NEED' | 'ALLOCATED';
  amount_kzt: bigint; effective_on: IsoDate; note: string | null;
};

export type EscalationRow = {
  id: number; issue_id: number; year: number; half: number; central_body_id: number;
  disposition: Disposition | null; republican_amount_kzt: bigint | null; selected: boolean; proposal: string | null;
};

export type DispositionChangeRow = {
  id: number; escalation_id: number; disposition: Disposition; republican_amount_kzt: bigint | null;
  effective_on: IsoDate; comment: string | null; recorded_at: string;
};

/** A step of an entry's inclusion on its list, or of its `selected` mark. */
export type InclusionChangeRow = { id: number; escalation_id: number; included: boolean; effective_on: IsoDate; recorded_at: string };
export type SelectionChangeRow = { id: number; escalation_id: number; selected: boolean; effective_on: IsoDate; recorded_at: string };

export type ReceptionRow = {
  id: number; meeting_id: number; held_on: IsoDate; citizens_received: number; issues_voiced: number;
  issues_resolved: number; issues_in_execution: number;
};

export type ScheduleRow = {
  id: number; year: number; half: number; planned_month: number; official_id: number;
  central_body_id: number; region_id: number; meeting_id: number | null;
};

export type ActionPlanRow = {
  id: number; region_id: number; year: number; half: number; approved_on: IsoDate | null;
  url: string | null; published_on: IsoDate | null;
};

export type BudgetRequestStatus = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'PARTIALLY_APPROVED' | 'REJECTED' | 'WITHDRAWN';
export type RejectionReason = 'NO_DOCUMENTATION' | 'ALREADY_FUNDED_IN_REPUBLICAN_BUDGET' | 'CONSIDER_AT_BUDGET_REFINEMENT' | 'NOT_BODY_COMPETENCE' | 'OTHER';

export type BudgetRequestRow = {
  id: number; region_id: number; central_body_id: number; amount_kzt: bigint; status: BudgetRequestStatus;
  submitted_on: IsoDate | null; decided_on: IsoDate | null; approved_amount_kzt: bigint | null; rejection_reason: RejectionReason | null; note: string | null;
};

export type BudgetRequestIssueRow = { request_id: number; issue_id: number };

export type BudgetRequestStepRow = {
  id: number; request_id: number; from_status: BudgetRequestStatus | null; to_status: BudgetRequestStatus;
  approved_amount_kzt: bigint | null; rejection_reason: RejectionReason | null; effective_on: IsoDate; comment: string | null; recorded_at: string;
};

export type CategoryRow = { id: number; code: string; name_ru: string; name_kk: string; name_en: string; sort_order: number };
export type BodyRow = { id: number; code: string; name_ru: string; name_kk: string; name_en: string; short_ru: string };
export type SettingRow = { key: string; value: string };

export type Dataset = {
  region: RegionRow[];
  admin_unit: UnitRow[];
  central_body: BodyRow[];
  official: OfficialRow[];
  issue_category: CategoryRow[];
  setting: SettingRow[];
  meeting: MeetingRow[];
  personal_reception: ReceptionRow[];
  raised_issue: IssueRow[];
  issue_status_change: StatusChangeRow[];
  budget_allocation: BudgetRow[];
  escalation: EscalationRow[];
  escalation_disposition_change: DispositionChangeRow[];
  escalation_inclusion_change: InclusionChangeRow[];
  escalation_selection_change: SelectionChangeRow[];
  schedule_entry: ScheduleRow[];
  action_plan: ActionPlanRow[];
  budget_request: BudgetRequestRow[];
  budget_request_issue: BudgetRequestIssueRow[];
  budget_request_status_change: BudgetRequestStepRow[];
};

/** A status path after RAISED: each step with the date it took effect. */
export type Fate = Array<{ to: IssueStatus; on: IsoDate }>;

/** Record time for seeded history: noon UTC of the effective date, so it is stable across runs. */
export const recordedAt = (d: IsoDate) => `${d}T06:00:00.000Z`;

export function pushIssue(ds: Dataset, issue: Omit<IssueRow, 'id' | 'status' | 'resolved_on'>, fate: Fate): IssueRow {
  const last = fate.at(-1);
  const resolved = [...fate].reverse().find((s) => s.to === 'RESOLVED');
  const row: IssueRow = {
    ...issue,
    id: ds.raised_issue.length + 1,
    status: last?.to ?? 'RAISED',
    resolved_on: last?.to === 'RESOLVED' && resolved ? resolved.on : null,
  };
  ds.raised_issue.push(row);
  let from: IssueStatus | null = null;
  for (const step of [{ to: 'RAISED' as const, on: issue.raised_on }, ...fate]) {
    ds.issue_status_change.push({
      id: ds.issue_status_change.length + 1, issue_id: row.id, from_status: from, to_status: step.to,
      effective_on: step.on, comment: null, recorded_at: recordedAt(step.on),
    });
    from = step.to;
  }
  return row;
}
