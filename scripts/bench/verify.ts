import type pg from 'pg';
import { HORIZON } from './generate';

// Checks the generated rows against the app's invariants (the load skips FK triggers, so
// orphans are checked here too). Every count must be 0.

const CHECKS = `
  WITH last AS (
    SELECT DISTINCT ON (issue_id) issue_id, to_status
    FROM issue_status_change ORDER BY issue_id, effective_on DESC, recorded_at DESC, id DESC
  ), last_resolved AS (
    SELECT issue_id, max(effective_on) AS d FROM issue_status_change WHERE to_status = 'RESOLVED' GROUP BY issue_id
  )
  SELECT
    count(*) FILTER (WHERE l.to_status IS DISTINCT FROM i.status)::int AS status_not_last_history_entry,
    count(*) FILTER (WHERE i.resolved_on IS DISTINCT FROM CASE WHEN i.status = 'RESOLVED' THEN lr.d END)::int AS resolved_on_wrong,
    count(*) FILTER (WHERE m.id IS NULL OR i.meeting_kind <> m.kind OR i.region_id <> m.region_id OR i.raised_on <> m.held_on)::int
      AS meeting_copy_wrong,
    count(*) FILTER (WHERE m.deleted_at IS NOT NULL AND i.deleted_at IS NULL)::int AS live_issue_of_deleted_meeting
  FROM raised_issue i
  LEFT JOIN last l ON l.issue_id = i.id
  LEFT JOIN last_resolved lr ON lr.issue_id = i.id
  LEFT JOIN meeting m ON m.id = i.meeting_id`;

const HISTORY = `
  SELECT
    count(*) FILTER (WHERE x.from_status IS DISTINCT FROM x.prev)::int AS from_status_not_previous,
    count(*) FILTER (WHERE x.effective_on <= x.prev_on)::int AS dates_not_increasing,
    count(*) FILTER (WHERE x.effective_on > DATE '${HORIZON}' OR x.effective_on < x.raised_on)::int AS dated_outside_life,
    count(*) FILTER (WHERE x.raised_on IS NULL)::int AS orphan_history
  FROM (
    SELECT c.from_status, c.effective_on, i.raised_on,
      lag(c.to_status) OVER w AS prev, lag(c.effective_on) OVER w AS prev_on
    FROM issue_status_change c LEFT JOIN raised_issue i ON i.id = c.issue_id
    WINDOW w AS (PARTITION BY c.issue_id ORDER BY c.effective_on, c.id)
  ) x`;

const OTHER = `
  SELECT
    (SELECT count(*)::int FROM budget_allocation b LEFT JOIN raised_issue i ON i.id = b.issue_id WHERE i.id IS NULL) AS orphan_budget,
    (SELECT count(*)::int FROM raised_issue i WHERE NOT EXISTS (SELECT 1 FROM issue_status_change c WHERE c.issue_id = i.id))
      AS issue_without_history,
    (SELECT count(*)::int FROM meeting m WHERE m.official_id IS NULL OR (m.kind = 'AKIM' AND m.akim_level IS NULL)) AS meeting_incomplete`;

export async function verifyData(client: pg.Client): Promise<Record<string, number>> {
  await client.query(`SET work_mem = '256MB'`);
  const out: Record<string, number> = {};
  for (const sql of [CHECKS, HISTORY, OTHER]) Object.assign(out, (await client.query(sql)).rows[0]);
  return out;
}
