-- Republican-budget money in the summaries beside the local: measure 4 of stat_issue_cube holds the
-- REPUBLICAN entries of budget_allocation as measure 3 holds the LOCAL ones, so a period's republican
-- need and allocation read as few summary rows as the local ones (issue 13, section 6).

CREATE OR REPLACE FUNCTION "stat_issue_rows"(ids integer[])
RETURNS TABLE (issue_id integer, kind "MeetingKind", region_id integer, category_id integer, line text,
               measure smallint, m1 date, m2 date, state text, n bigint)
LANGUAGE sql STABLE AS $$
  WITH live AS (
    SELECT i.id, i.meeting_kind AS kind, m.region_id, i.category_id, stat_line(m.akim_level, m.central_body_id) AS line,
      stat_month(i.raised_on) AS raised_month
    FROM unnest(ids) AS x(id) JOIN raised_issue i ON i.id = x.id JOIN meeting m ON m.id = i.meeting_id
    WHERE i.deleted_at IS NULL AND m.deleted_at IS NULL
  ), day_state AS (
    -- The status at the end of each day that has changes: the last one recorded for that date.
    SELECT DISTINCT ON (c.issue_id, c.effective_on) c.issue_id, c.effective_on AS day, c.to_status::text AS status
    FROM unnest(ids) AS x(id) JOIN issue_status_change c ON c.issue_id = x.id
    ORDER BY c.issue_id, c.effective_on, c.recorded_at DESC, c.id DESC
  ), runs AS (
    SELECT d.issue_id, d.day, d.status, lag(d.status) OVER w AS prev_status, lag(d.day) OVER w AS prev_day
    FROM day_state d WINDOW w AS (PARTITION BY d.issue_id ORDER BY d.day)
  ), deltas AS (
    -- 1: the state at each month's end, as net changes; a run's start moves the issue out of the
    -- previous state. 2: RESOLVED, by the month it last became resolved (a run's first day).
    -- 3 and 4: money entered, local and republican.
    SELECT r.issue_id, 1::smallint AS measure, NULL::date AS since, r.day, r.status AS state, 1::bigint AS n FROM runs r
    UNION ALL SELECT r.issue_id, 1, NULL, r.day, r.prev_status, -1 FROM runs r WHERE r.prev_status IS NOT NULL
    UNION ALL SELECT r.issue_id, 2, r.day, r.day, 'RESOLVED', 1 FROM runs r WHERE r.status = 'RESOLVED'
    UNION ALL SELECT r.issue_id, 2, r.prev_day, r.day, 'RESOLVED', -1 FROM runs r WHERE r.prev_status = 'RESOLVED'
    UNION ALL SELECT b.issue_id, CASE WHEN b.source = 'LOCAL' THEN 3 ELSE 4 END, NULL, b.effective_on, b.kind::text, b.amount_kzt
      FROM unnest(ids) AS x(id) JOIN budget_allocation b ON b.issue_id = x.id
  )
  SELECT l.id, l.kind, l.region_id, l.category_id, l.line, d.measure,
    CASE WHEN d.measure = 2 THEN stat_month(d.since) ELSE l.raised_month END,
    stat_month(d.day), d.state, sum(d.n)::bigint
  FROM deltas d JOIN live l ON l.id = d.issue_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  HAVING sum(d.n) <> 0
  UNION ALL
  SELECT l.id, l.kind, l.region_id, l.category_id, l.line, 1, l.raised_month, l.raised_month, '*', 1 FROM live l
$$;

-- The issues that already have republican money get their share re-derived: only their rows move.
SELECT stat_refresh_issues(ARRAY(SELECT DISTINCT issue_id FROM budget_allocation WHERE source = 'REPUBLICAN'));
