-- Current totals per raised year beside those per raised month, so a statistic over whole years
-- reads one summary row per year, group and state instead of twelve: ten years of regions read
-- 1,200 rows instead of 14,400 (docs/scaling.md). Year rows are the grains plus 10, with m1 (or
-- month) the year's first day and, in stat_issue_cube, m2 = infinity only: the monthly changes
-- that reads subtract stay on the month rows.

CREATE FUNCTION "stat_year"(d date) RETURNS date
LANGUAGE sql IMMUTABLE AS $$ SELECT date_trunc('year', d::timestamp)::date $$;

CREATE OR REPLACE FUNCTION "stat_refresh_issues"(ids integer[]) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  fresh stat_issue_contrib[];
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 OR current_setting('kezdesu.stat_deferred', true) = 'on' THEN RETURN; END IF;
  ids := ARRAY(SELECT DISTINCT x FROM unnest(ids) AS x WHERE x IS NOT NULL ORDER BY 1);
  fresh := ARRAY(
    SELECT ROW(r.issue_id, r.kind, r.region_id, r.category_id, r.line,
               array_agg(r.measure), array_agg(r.m1), array_agg(r.m2), array_agg(r.state), array_agg(r.n))::stat_issue_contrib
    FROM stat_issue_rows(ids) r
    GROUP BY r.issue_id, r.kind, r.region_id, r.category_id, r.line);
  WITH old AS (
    DELETE FROM stat_issue_contrib c WHERE c.issue_id = ANY(ids) RETURNING c.*
  ), fine AS (
    SELECT o.kind, o.region_id, o.category_id, o.line, u.measure, u.m1, u.m2, u.state, -u.n AS n
    FROM old o CROSS JOIN LATERAL unnest(o.measure, o.m1, o.m2, o.state, o.n) AS u(measure, m1, m2, state, n)
    UNION ALL
    SELECT f.kind, f.region_id, f.category_id, f.line, u.measure, u.m1, u.m2, u.state, u.n
    FROM unnest(fresh) f CROSS JOIN LATERAL unnest(f.measure, f.m1, f.m2, f.state, f.n) AS u(measure, m1, m2, state, n)
  ), net AS (
    SELECT kind, region_id, category_id, line, measure, m1, m2, state, sum(n) AS n
    FROM fine GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0
  )
  INSERT INTO stat_issue_cube AS s (measure, kind, grain, region_id, category_id, line, m1, m2, state, n)
  SELECT net.measure, net.kind, g.grain + t.span, g.region_id, g.category_id, g.line, t.m1, t.m2, net.state, sum(net.n)
  FROM net
  CROSS JOIN LATERAL (VALUES (0::smallint, 0, 0, ''), (1, net.region_id, 0, ''), (2, 0, net.category_id, ''),
                             (3, 0, 0, net.line), (4, net.region_id, net.category_id, net.line)) AS g(grain, region_id, category_id, line)
  CROSS JOIN LATERAL (VALUES (0::smallint, net.m1, net.m2), (0, net.m1, 'infinity'::date), (10, stat_year(net.m1), 'infinity'::date)) AS t(span, m1, m2)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  HAVING sum(net.n) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (measure, kind, grain, region_id, category_id, line, m1, m2, state) DO UPDATE SET n = s.n + excluded.n;
  INSERT INTO stat_issue_contrib SELECT * FROM unnest(fresh);
END $$;

CREATE OR REPLACE FUNCTION "stat_meeting_add"(d_kind "MeetingKind"[], d_region integer[], d_line text[], d_month date[], d_n integer[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO stat_meeting_cube AS s (kind, grain, region_id, line, month, n)
  SELECT d.kind, g.grain + t.span, g.region_id, g.line, t.month, sum(d.n)
  FROM unnest(d_kind, d_region, d_line, d_month, d_n) AS d(kind, region_id, line, month, n)
  CROSS JOIN LATERAL (VALUES (0::smallint, 0, ''), (1, d.region_id, ''), (3, 0, d.line), (4, d.region_id, d.line)) AS g(grain, region_id, line)
  CROSS JOIN LATERAL (VALUES (0::smallint, d.month), (10, stat_year(d.month))) AS t(span, month)
  WHERE current_setting('kezdesu.stat_deferred', true) IS DISTINCT FROM 'on'
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(d.n) <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (kind, grain, region_id, line, month) DO UPDATE SET n = s.n + excluded.n
$$;

CREATE OR REPLACE FUNCTION "stat_rebuild"() RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  ids integer[];
  lo integer;
  chunk constant integer := 1000000;
BEGIN
  PERFORM set_config('kezdesu.stat_deferred', 'off', true);
  TRUNCATE stat_issue_contrib, stat_issue_cube, stat_meeting_cube;
  PERFORM stat_meeting_add(array_agg(kind), array_agg(region_id), array_agg(stat_line(akim_level, central_body_id)),
                           array_agg(stat_month(held_on)), array_agg(1))
  FROM meeting WHERE deleted_at IS NULL;
  FOR lo IN SELECT generate_series(min(id), max(id), chunk) FROM raised_issue LOOP
    -- A variable, not a subquery, as the argument: then the function is inlined and planned for the chunk.
    ids := ARRAY(SELECT id FROM raised_issue WHERE id >= lo AND id < lo + chunk);
    INSERT INTO stat_issue_contrib
    SELECT r.issue_id, r.kind, r.region_id, r.category_id, r.line,
           array_agg(r.measure), array_agg(r.m1), array_agg(r.m2), array_agg(r.state), array_agg(r.n)
    FROM stat_issue_rows(ids) r
    GROUP BY r.issue_id, r.kind, r.region_id, r.category_id, r.line;
  END LOOP;
  INSERT INTO stat_issue_cube (measure, kind, grain, region_id, category_id, line, m1, m2, state, n)
  SELECT f.measure, f.kind, g.grain + t.span, g.region_id, g.category_id, g.line, t.m1, t.m2, f.state, sum(f.n)
  FROM (
    SELECT c.kind, c.region_id, c.category_id, c.line, u.measure, u.m1, u.m2, u.state, sum(u.n) AS n
    FROM stat_issue_contrib c CROSS JOIN LATERAL unnest(c.measure, c.m1, c.m2, c.state, c.n) AS u(measure, m1, m2, state, n)
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ) f
  CROSS JOIN LATERAL (VALUES (0::smallint, 0, 0, ''), (1, f.region_id, 0, ''), (2, 0, f.category_id, ''),
                             (3, 0, 0, f.line), (4, f.region_id, f.category_id, f.line)) AS g(grain, region_id, category_id, line)
  CROSS JOIN LATERAL (VALUES (0::smallint, f.m1, f.m2), (0, f.m1, 'infinity'::date), (10, stat_year(f.m1), 'infinity'::date)) AS t(span, m1, m2)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  HAVING sum(f.n) <> 0
  -- In the order of the (…, line, m2, m1) index: the current totals (m2 = infinity) of a group,
  -- which long periods read, and each month's changes, which short ones read, sit on few pages.
  ORDER BY 1, 2, 3, 4, 5, 6, 8, 7, 9;
END $$;

-- Year rows for what is already summed: from the month rows' current totals, not the raw rows.
INSERT INTO stat_issue_cube (measure, kind, grain, region_id, category_id, line, m1, m2, state, n)
SELECT measure, kind, grain + 10, region_id, category_id, line, stat_year(m1), m2, state, sum(n)
FROM stat_issue_cube WHERE grain < 10 AND m2 = 'infinity'
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING sum(n) <> 0
ORDER BY 1, 2, 3, 4, 5, 6, 8, 7, 9;

INSERT INTO stat_meeting_cube (kind, grain, region_id, line, month, n)
SELECT kind, grain + 10, region_id, line, stat_year(month), sum(n)
FROM stat_meeting_cube WHERE grain < 10
GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0
ORDER BY 1, 2, 3, 4, 5;

-- The planner's estimates must know the new rows, or a long read scans a whole grain.
ANALYZE stat_issue_cube;
ANALYZE stat_meeting_cube;
