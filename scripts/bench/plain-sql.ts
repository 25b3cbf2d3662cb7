// The truth: the statistics asked of the API, answered by plain SQL the way a BI tool would
// (one query per question, straight from the tables, no summaries, no app code).
//
// Rules (docs/domain.md, features/issues/rules.ts):
//  - The questions are about akim meetings: meeting_kind = 'AKIM'; soft-deleted rows do not count
//    (a deleted meeting's issues are deleted with it, so i.deleted_at IS NULL is enough for issues).
//  - raised_issue.region_id / raised_on / meeting_kind are copies of the meeting's, so no join to meeting.
//  - An issue's status on a date is the to_status of its last issue_status_change on or before that
//    date (ties broken by recording order: recorded_at, then id). raised_issue.status is only "now".
//  - "Resolved" for a period is judged at the period's end (the benchmark's periods all end before today).

export type Period = { code: string; from: string; to: string; query: string };

export const PERIODS: Period[] = [
  { code: '2025-H1', from: '2025-01-01', to: '2025-06-30', query: 'period=2025-H1' },
  { code: '2016..2025', from: '2016-01-01', to: '2025-12-31', query: 'from=2016-01-01&to=2025-12-31' },
];

/** The status of issue `i` on date $2. */
const STATUS_AT_END = `(SELECT c.to_status FROM issue_status_change c
    WHERE c.issue_id = i.id AND c.effective_on <= $2::date
    ORDER BY c.effective_on DESC, c.recorded_at DESC, c.id DESC LIMIT 1)`;

/**
 * Per region: akim-meeting issues raised in [from, to], how many of those stood RESOLVED at `to`
 * (resolutionRate = resolved / raised), and how many issues of any raising date were resolved
 * during the period (as in the summary). Regions with no issue have no row (they count as 0).
 */
export const REGIONS_SQL = `
  WITH raised AS (
    SELECT r.kato, count(*)::int AS raised, count(*) FILTER (WHERE ${STATUS_AT_END} = 'RESOLVED')::int AS resolved
    FROM raised_issue i JOIN region r ON r.id = i.region_id
    WHERE i.meeting_kind = 'AKIM' AND i.deleted_at IS NULL AND i.raised_on BETWEEN $1::date AND $2::date
    GROUP BY r.kato
  ), during AS (
    SELECT r.kato, count(*)::int AS resolved_during
    FROM raised_issue i JOIN region r ON r.id = i.region_id
    WHERE i.meeting_kind = 'AKIM' AND i.deleted_at IS NULL
      AND i.id IN (SELECT c.issue_id FROM issue_status_change c
                   WHERE c.to_status = 'RESOLVED' AND c.effective_on BETWEEN $1::date AND $2::date)
      AND ${STATUS_AT_END} = 'RESOLVED'
    GROUP BY r.kato
  )
  SELECT kato, coalesce(raised, 0) AS raised, coalesce(resolved, 0) AS resolved, coalesce(resolved_during, 0) AS resolved_during
  FROM raised FULL JOIN during USING (kato)
  ORDER BY kato`;

/**
 * National totals for [from, to]:
 *  - meetings: akim meetings held in the period;
 *  - raised: akim-meeting issues raised in the period;
 *  - resolved_of_raised: those of them RESOLVED at `to` (the numerator of the resolution rate);
 *  - resolved_during: akim-meeting issues raised at any time whose status at `to` is RESOLVED and whose
 *    last move to RESOLVED (on or before `to`) falls inside the period. Every such issue has a RESOLVED
 *    entry inside the period, so that entry's index narrows the candidates first.
 */
export const SUMMARY_SQL = `
  SELECT
    (SELECT count(*)::int FROM meeting m
      WHERE m.kind = 'AKIM' AND m.deleted_at IS NULL AND m.held_on BETWEEN $1::date AND $2::date) AS meetings,
    p.raised, p.resolved_of_raised,
    (SELECT count(*)::int FROM raised_issue i
      WHERE i.meeting_kind = 'AKIM' AND i.deleted_at IS NULL
        AND i.id IN (SELECT c.issue_id FROM issue_status_change c
                     WHERE c.to_status = 'RESOLVED' AND c.effective_on BETWEEN $1::date AND $2::date)
        AND ${STATUS_AT_END} = 'RESOLVED') AS resolved_during
  FROM (
    SELECT count(*)::int AS raised, count(*) FILTER (WHERE ${STATUS_AT_END} = 'RESOLVED')::int AS resolved_of_raised
    FROM raised_issue i
    WHERE i.meeting_kind = 'AKIM' AND i.deleted_at IS NULL AND i.raised_on BETWEEN $1::date AND $2::date
  ) p`;

export type RegionTruth = { kato: string; raised: number; resolved: number; resolvedDuring: number; rate: number | null };
export type SummaryTruth = { meetings: number; raised: number; resolvedOfRaised: number; resolvedDuring: number; rate: number | null };

const rate = (num: number, den: number) => (den === 0 ? null : num / den);

export type RegionRow = { kato: string; raised: number; resolved: number; resolved_during: number };
export type SummaryRow = { meetings: number; raised: number; resolved_of_raised: number; resolved_during: number };

export const regionsTruth = (rows: RegionRow[]): RegionTruth[] =>
  rows.map((r) => ({ kato: r.kato, raised: r.raised, resolved: r.resolved, resolvedDuring: r.resolved_during, rate: rate(r.resolved, r.raised) }));

export function summaryTruth(rows: SummaryRow[]): SummaryTruth {
  const r = rows[0];
  if (!r) throw new Error('summary query returned no row');
  return {
    meetings: r.meetings, raised: r.raised, resolvedOfRaised: r.resolved_of_raised, resolvedDuring: r.resolved_during,
    rate: rate(r.resolved_of_raised, r.raised),
  };
}

/** A filtered question: any of region (KATO), category (code), akim level and unit (code). */
export type Filter = { label: string; region?: string; category?: string; level?: string; unit?: string };

/** The multi-filter questions; the unit is the first of the region's, found on the loaded data. */
export const filtersFor = (unit: string): Filter[] => [
  { label: 'region + category', region: '150000000', category: 'ROADS' },
  { label: 'region + level', region: '150000000', level: 'DISTRICT' },
  { label: 'category + level', category: 'ROADS', level: 'RURAL' },
  { label: 'region + category + level', region: '150000000', category: 'ROADS', level: 'RURAL' },
  { label: 'unit', unit },
];

export const filterQuery = (f: Filter) =>
  Object.entries({ region: f.region, category: f.category, level: f.level, unit: f.unit })
    .filter(([, v]) => v !== undefined).map(([k, v]) => `&${k}=${v}`).join('');

/** SUMMARY_SQL under a filter: the same figures over the issues and meetings it keeps ($1 from, $2 to). */
export function filteredSummarySql(f: Filter): { sql: string; params: string[] } {
  const params: string[] = [];
  const p = (v: string) => `$${params.push(v) + 2}`;
  const meeting: string[] = ['m.kind = \'AKIM\'', 'm.deleted_at IS NULL'];
  if (f.region) meeting.push(`m.region_id = (SELECT id FROM region WHERE kato = ${p(f.region)})`);
  if (f.level) meeting.push(`m.akim_level = ${p(f.level)}::"AkimLevel"`);
  if (f.unit) {
    const u = `(SELECT id FROM admin_unit WHERE code = ${p(f.unit)})`;
    meeting.push(`(m.unit_id = ${u} OR m.unit_id IN (SELECT id FROM admin_unit WHERE parent_id = ${u}))`);
  }
  const category = f.category ? `i.category_id = (SELECT id FROM issue_category WHERE code = ${p(f.category)})` : 'true';
  const issues = `raised_issue i JOIN meeting m ON m.id = i.meeting_id`;
  const where = `i.meeting_kind = 'AKIM' AND i.deleted_at IS NULL AND ${meeting.join(' AND ')} AND ${category}`;
  const sql = `
  SELECT
    (SELECT count(*)::int FROM meeting m WHERE ${meeting.join(' AND ')} AND m.held_on BETWEEN $1::date AND $2::date
      ${f.category ? `AND EXISTS (SELECT 1 FROM raised_issue i WHERE i.meeting_id = m.id AND i.deleted_at IS NULL AND ${category})` : ''}) AS meetings,
    p.raised, p.resolved_of_raised,
    (SELECT count(*)::int FROM ${issues}
      WHERE ${where}
        AND i.id IN (SELECT c.issue_id FROM issue_status_change c
                     WHERE c.to_status = 'RESOLVED' AND c.effective_on BETWEEN $1::date AND $2::date)
        AND ${STATUS_AT_END} = 'RESOLVED') AS resolved_during
  FROM (
    SELECT count(*)::int AS raised, count(*) FILTER (WHERE ${STATUS_AT_END} = 'RESOLVED')::int AS resolved_of_raised
    FROM ${issues}
    WHERE ${where} AND i.raised_on BETWEEN $1::date AND $2::date
  ) p`;
  return { sql, params };
}

/**
 * Budget requests for [from, to], as they stood at `to` ($2): those whose SUBMITTED step falls in the
 * period, each with the status of its last step on or before `to` (ties by recording order); counts
 * and amounts by status, what was approved (in full and in part), and the median days from the
 * submission to the first decision among those decided. $3 is the first day of the period's first
 * half-year: the central-level list's entries of the halves the period touches that are on the list
 * at `to` (their latest inclusion step), and how many a request submitted and not withdrawn by `to` covers.
 */
export const BUDGET_REQUESTS_SQL = `
  WITH req AS (
    SELECT r.id, r.amount_kzt AS amount,
      (SELECT min(h.effective_on) FROM budget_request_status_change h WHERE h.request_id = r.id AND h.to_status = 'SUBMITTED' AND h.effective_on <= $2::date) AS submitted,
      (SELECT min(h.effective_on) FROM budget_request_status_change h
        WHERE h.request_id = r.id AND h.to_status IN ('APPROVED', 'PARTIALLY_APPROVED', 'REJECTED') AND h.effective_on <= $2::date) AS decided,
      last.to_status AS status, last.approved_amount_kzt AS approved
    FROM budget_request r
    LEFT JOIN LATERAL (SELECT h.to_status, h.approved_amount_kzt FROM budget_request_status_change h
      WHERE h.request_id = r.id AND h.effective_on <= $2::date ORDER BY h.effective_on DESC, h.recorded_at DESC, h.id DESC LIMIT 1) last ON true
  ), list AS (
    SELECT count(*)::int AS entries,
      count(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM budget_request_issue bi
        WHERE bi.issue_id = e.issue_id AND (SELECT h.to_status FROM budget_request_status_change h
          WHERE h.request_id = bi.request_id AND h.effective_on <= $2::date ORDER BY h.effective_on DESC, h.recorded_at DESC, h.id DESC LIMIT 1) <> 'WITHDRAWN'))::int AS with_request
    FROM escalation e JOIN raised_issue i ON i.id = e.issue_id AND i.deleted_at IS NULL
    WHERE make_date(e.year, CASE WHEN e.half = 1 THEN 1 ELSE 7 END, 1) BETWEEN $3::date AND $2::date
      AND (SELECT ic.included FROM escalation_inclusion_change ic WHERE ic.escalation_id = e.id AND ic.effective_on <= $2::date
           ORDER BY ic.effective_on DESC, ic.recorded_at DESC, ic.id DESC LIMIT 1)
  )
  SELECT count(*)::int AS requested, coalesce(sum(amount), 0)::bigint::text AS requested_kzt,
    count(*) FILTER (WHERE status = 'SUBMITTED')::int AS pending, coalesce(sum(amount) FILTER (WHERE status = 'SUBMITTED'), 0)::bigint::text AS pending_kzt,
    count(*) FILTER (WHERE status = 'APPROVED')::int AS approved, count(*) FILTER (WHERE status = 'PARTIALLY_APPROVED')::int AS partial,
    coalesce(sum(approved) FILTER (WHERE status IN ('APPROVED', 'PARTIALLY_APPROVED')), 0)::bigint::text AS approved_kzt,
    count(*) FILTER (WHERE status = 'REJECTED')::int AS rejected, count(*) FILTER (WHERE status = 'WITHDRAWN')::int AS withdrawn,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY decided - submitted) FILTER (WHERE status IN ('APPROVED', 'PARTIALLY_APPROVED', 'REJECTED')) AS median_days,
    (SELECT entries FROM list) AS entries, (SELECT with_request FROM list) AS with_request
  FROM req WHERE submitted BETWEEN $1::date AND $2::date`;

export type BudgetRequestsRow = {
  requested: number; requested_kzt: string; pending: number; pending_kzt: string; approved: number; partial: number; approved_kzt: string;
  rejected: number; withdrawn: number; median_days: number | null; entries: number; with_request: number;
};

/** The first day of the half-year a date falls in. */
export const halfStart = (day: string) => `${day.slice(0, 4)}-${Number(day.slice(5, 7)) <= 6 ? '01' : '07'}-01`;
