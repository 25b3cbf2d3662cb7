// The issue status rules and the two ways of counting "resolved", defined once.
// The SQL in features/stats must agree with these; tests check that it does.

export const ISSUE_STATUSES = ['RAISED', 'IN_EXECUTION', 'RESOLVED', 'NOT_SUPPORTED', 'ESCALATED'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

const ALLOWED: Record<IssueStatus, readonly IssueStatus[]> = {
  RAISED: ['IN_EXECUTION', 'RESOLVED', 'NOT_SUPPORTED', 'ESCALATED'],
  IN_EXECUTION: ['RESOLVED', 'NOT_SUPPORTED', 'IN_EXECUTION', 'ESCALATED'],
  ESCALATED: ['RESOLVED', 'NOT_SUPPORTED', 'IN_EXECUTION', 'ESCALATED'],
  RESOLVED: ['IN_EXECUTION'],
  NOT_SUPPORTED: ['IN_EXECUTION'],
};

/** A closed issue (resolved or not supported) may only be reopened, and only with a reason. */
export const isReopening = (from: IssueStatus, to: IssueStatus) =>
  (from === 'RESOLVED' || from === 'NOT_SUPPORTED') && to === 'IN_EXECUTION';

export type TransitionCheck = { ok: true } | { ok: false; reason: 'NOT_ALLOWED' | 'REASON_REQUIRED' };

export function checkTransition(from: IssueStatus, to: IssueStatus, comment?: string | null): TransitionCheck {
  if (!ALLOWED[from].includes(to)) return { ok: false, reason: 'NOT_ALLOWED' };
  if (isReopening(from, to) && !comment?.trim()) return { ok: false, reason: 'REASON_REQUIRED' };
  return { ok: true };
}

/** One entry of an issue's history: the status it took and the date that took effect. */
export type StatusEvent = { to: IssueStatus; on: string; seq: number };

/** An inclusive range of calendar dates, as 'YYYY-MM-DD'. */
export type DateRange = { from: string; to: string };

/** The status on date `d`: the last event effective on or before it (ties by record order). */
export function statusOn(history: readonly StatusEvent[], d: string): IssueStatus | null {
  let current: StatusEvent | null = null;
  for (const e of history) {
    if (e.on > d) continue;
    if (!current || e.on > current.on || (e.on === current.on && e.seq > current.seq)) current = e;
  }
  return current?.to ?? null;
}

/** The date the issue last became RESOLVED, as known on date `d`. */
export function lastResolvedOn(history: readonly StatusEvent[], d: string): string | null {
  let last: string | null = null;
  for (const e of history) if (e.to === 'RESOLVED' && e.on <= d && (!last || e.on > last)) last = e.on;
  return last;
}

/**
 * Resolved during a period: RESOLVED at the period's end, and last became RESOLVED inside it.
 * Each issue counts once, whenever it was raised.
 */
export function isResolvedDuring(history: readonly StatusEvent[], period: DateRange): boolean {
  if (statusOn(history, period.to) !== 'RESOLVED') return false;
  const last = lastResolvedOn(history, period.to);
  return last !== null && last >= period.from;
}

/** The share of a period's raised issues whose status on `asOf` is RESOLVED; null when none were raised. */
export function resolutionRate(histories: ReadonlyArray<readonly StatusEvent[]>, asOf: string): number | null {
  if (histories.length === 0) return null;
  const resolved = histories.filter((h) => statusOn(h, asOf) === 'RESOLVED').length;
  return resolved / histories.length;
}
