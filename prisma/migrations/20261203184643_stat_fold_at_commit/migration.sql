-- CreateTable
CREATE TABLE "stat_pending" (
    "txid" BIGINT NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "cube" SMALLINT NOT NULL,
    "measure" SMALLINT NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "region_id" INTEGER NOT NULL,
    "category_id" INTEGER NOT NULL,
    "line" TEXT NOT NULL,
    "m1" DATE NOT NULL,
    "m2" DATE NOT NULL,
    "state" TEXT NOT NULL,
    "n" BIGINT NOT NULL,

    CONSTRAINT "stat_pending_pkey" PRIMARY KEY ("txid","id")
);

-- CreateTable
CREATE TABLE "stat_pending_tx" (
    "txid" BIGINT NOT NULL,

    CONSTRAINT "stat_pending_tx_pkey" PRIMARY KEY ("txid")
);

-- ---------- hand-written: summary changes applied at commit ----------
-- Until now each trigger upserted the cube rows itself, so every akim write in the country locked the
-- same national rows (grain 0) from its first statement to its commit, and one long import commit
-- queued every other writer behind it (docs/scaling.md, "Deadline rush"). Now the triggers append
-- their deltas to stat_pending, which no two transactions share, and one deferred constraint trigger
-- per transaction folds them into the cubes at commit: summed per cube row, one upsert each, in key
-- order and cubes in a fixed order (so two folds cannot deadlock), then deleted. A hot row is held
-- from the fold to the end of the commit: milliseconds. The contribution caches (stat_issue_contrib,
-- stat_meeting_category_contrib) are per issue or meeting, not shared, and stay immediate.
-- Nothing reads the cubes inside a writing transaction: the statistics read on their own connection
-- (or a replica), after the write committed. The figures are the same sums: addition commutes; only
-- rows whose change nets to zero within a transaction are no longer written as n = 0 rows.

-- Every transaction's rows are deleted at its commit or vanish with its rollback; the table stays tiny.
ALTER TABLE "stat_pending" SET (autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_scale_factor = 0);

-- Queues this transaction's fold (once: a second insert conflicts and queues nothing). txid_current()
-- is the top-level transaction's id inside savepoints too; a savepoint rolled back takes its pending
-- rows, and a marker it inserted, and that marker's queued fold, with it.
CREATE FUNCTION "stat_pending_mark"() RETURNS void
LANGUAGE sql AS $$ INSERT INTO stat_pending_tx (txid) VALUES (txid_current()) ON CONFLICT DO NOTHING $$;

-- Folds a transaction's pending deltas into the cubes: stat_issue_cube, then stat_meeting_cube, then
-- stat_meeting_category_cube, each upsert in key order. The grain expansion is the one the triggers did.
CREATE FUNCTION "stat_fold"(t bigint) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  WITH d AS (
    DELETE FROM stat_pending p WHERE p.txid = t AND p.cube = 1 RETURNING p.*
  ), net AS (
    SELECT kind, region_id, category_id, line, measure, m1, m2, state, sum(n) AS n
    FROM d GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0
  )
  INSERT INTO stat_issue_cube AS s (measure, kind, grain, region_id, category_id, line, m1, m2, state, n)
  SELECT net.measure, net.kind, g.grain + r.span, g.region_id, g.category_id, g.line, r.m1, r.m2, net.state, sum(net.n)
  FROM net
  CROSS JOIN LATERAL (VALUES (0::smallint, 0, 0, ''), (1, net.region_id, 0, ''), (2, 0, net.category_id, ''),
                             (3, 0, 0, net.line), (4, net.region_id, net.category_id, net.line)) AS g(grain, region_id, category_id, line)
  CROSS JOIN LATERAL (VALUES (0::smallint, net.m1, net.m2), (0, net.m1, 'infinity'::date), (10, stat_year(net.m1), 'infinity'::date)) AS r(span, m1, m2)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  HAVING sum(net.n) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (measure, kind, grain, region_id, category_id, line, m1, m2, state) DO UPDATE SET n = s.n + excluded.n;

  WITH d AS (
    DELETE FROM stat_pending p WHERE p.txid = t AND p.cube = 2 RETURNING p.*
  ), net AS (
    SELECT kind, region_id, line, m1 AS month, sum(n) AS n FROM d GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0
  )
  INSERT INTO stat_meeting_cube AS s (kind, grain, region_id, line, month, n)
  SELECT net.kind, g.grain + r.span, g.region_id, g.line, r.month, sum(net.n)
  FROM net
  CROSS JOIN LATERAL (VALUES (0::smallint, 0, ''), (1, net.region_id, ''), (3, 0, net.line), (4, net.region_id, net.line)) AS g(grain, region_id, line)
  CROSS JOIN LATERAL (VALUES (0::smallint, net.month), (10, stat_year(net.month))) AS r(span, month)
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(net.n) <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (kind, grain, region_id, line, month) DO UPDATE SET n = s.n + excluded.n;

  WITH d AS (
    DELETE FROM stat_pending p WHERE p.txid = t AND p.cube = 3 RETURNING p.*
  ), net AS (
    SELECT kind, region_id, category_id, line, m1 AS month, sum(n) AS n FROM d GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0
  )
  INSERT INTO stat_meeting_category_cube AS s (kind, grain, region_id, category_id, line, month, n)
  SELECT net.kind, 4 + r.span, net.region_id, net.category_id, net.line, r.month, sum(net.n)
  FROM net CROSS JOIN LATERAL (VALUES (0::smallint, net.month), (10, stat_year(net.month))) AS r(span, month)
  GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(net.n) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (kind, grain, region_id, category_id, line, month) DO UPDATE SET n = s.n + excluded.n;
END $$;

-- The fold at commit. The marker goes too, so a write after an earlier fold (SET CONSTRAINTS ALL
-- IMMEDIATE, or a rebuild) inserts it again and queues another.
CREATE FUNCTION "stat_pending_fold"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stat_fold(NEW.txid);
  DELETE FROM stat_pending_tx WHERE txid = NEW.txid;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "stat_pending_fold" AFTER INSERT ON "stat_pending_tx"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "stat_pending_fold"();

-- The refreshes as before, except that the netted change goes to stat_pending at its finest grain.
CREATE OR REPLACE FUNCTION "stat_refresh_issues"(ids integer[]) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  fresh stat_issue_contrib[];
  added bigint;
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
  )
  INSERT INTO stat_pending (txid, cube, measure, kind, region_id, category_id, line, m1, m2, state, n)
  SELECT txid_current(), 1, measure, kind, region_id, category_id, line, m1, m2, state, sum(n)
  FROM fine GROUP BY measure, kind, region_id, category_id, line, m1, m2, state HAVING sum(n) <> 0;
  GET DIAGNOSTICS added = ROW_COUNT;
  IF added > 0 THEN PERFORM stat_pending_mark(); END IF;
  INSERT INTO stat_issue_contrib SELECT * FROM unnest(fresh);
END $$;

CREATE OR REPLACE FUNCTION "stat_meeting_add"(d_kind "MeetingKind"[], d_region integer[], d_line text[], d_month date[], d_n integer[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  added bigint;
BEGIN
  IF current_setting('kezdesu.stat_deferred', true) = 'on' THEN RETURN; END IF;
  INSERT INTO stat_pending (txid, cube, measure, kind, region_id, category_id, line, m1, m2, state, n)
  SELECT txid_current(), 2, 0, d.kind, d.region_id, 0, d.line, d.month, d.month, '', sum(d.n)
  FROM unnest(d_kind, d_region, d_line, d_month, d_n) AS d(kind, region_id, line, month, n)
  GROUP BY d.kind, d.region_id, d.line, d.month
  HAVING sum(d.n) <> 0;
  GET DIAGNOSTICS added = ROW_COUNT;
  IF added > 0 THEN PERFORM stat_pending_mark(); END IF;
END $$;

CREATE OR REPLACE FUNCTION "stat_refresh_meetings"(ids integer[]) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  fresh stat_meeting_category_contrib[];
  added bigint;
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 OR current_setting('kezdesu.stat_deferred', true) = 'on' THEN RETURN; END IF;
  ids := ARRAY(SELECT DISTINCT x FROM unnest(ids) AS x WHERE x IS NOT NULL ORDER BY 1);
  fresh := ARRAY(
    SELECT ROW(m.id, m.kind, m.region_id, stat_line(m.akim_level, m.central_body_id), stat_month(m.held_on),
               array_agg(DISTINCT i.category_id ORDER BY i.category_id))::stat_meeting_category_contrib
    FROM meeting m JOIN raised_issue i ON i.meeting_id = m.id AND i.deleted_at IS NULL
    WHERE m.id = ANY(ids) AND m.deleted_at IS NULL
    GROUP BY m.id);
  WITH old AS (
    DELETE FROM stat_meeting_category_contrib c WHERE c.meeting_id = ANY(ids) RETURNING c.*
  ), d AS (
    SELECT o.kind, o.region_id, x.category_id, o.line, o.month, -1 AS n FROM old o CROSS JOIN unnest(o.categories) AS x(category_id)
    UNION ALL
    SELECT f.kind, f.region_id, x.category_id, f.line, f.month, 1 FROM unnest(fresh) f CROSS JOIN unnest(f.categories) AS x(category_id)
  )
  INSERT INTO stat_pending (txid, cube, measure, kind, region_id, category_id, line, m1, m2, state, n)
  SELECT txid_current(), 3, 0, kind, region_id, category_id, line, month, month, '', sum(n)
  FROM d GROUP BY kind, region_id, category_id, line, month HAVING sum(n) <> 0;
  GET DIAGNOSTICS added = ROW_COUNT;
  IF added > 0 THEN PERFORM stat_pending_mark(); END IF;
  INSERT INTO stat_meeting_category_contrib SELECT * FROM unnest(fresh);
END $$;

-- The rebuild derives everything from the raw rows this transaction sees, so its own pending changes
-- are already in it: they go first. It fills the meeting cube through stat_meeting_add, i.e. through
-- stat_pending, and folds that at once, so the cubes are whole when it returns.
CREATE OR REPLACE FUNCTION "stat_rebuild"() RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  ids integer[];
  lo integer;
  chunk constant integer := 1000000;
BEGIN
  PERFORM set_config('kezdesu.stat_deferred', 'off', true);
  DELETE FROM stat_pending WHERE txid = txid_current();
  TRUNCATE stat_issue_contrib, stat_issue_cube, stat_meeting_cube, stat_meeting_category_contrib, stat_meeting_category_cube;
  PERFORM stat_meeting_add(array_agg(kind), array_agg(region_id), array_agg(stat_line(akim_level, central_body_id)),
                           array_agg(stat_month(held_on)), array_agg(1))
  FROM meeting WHERE deleted_at IS NULL;
  PERFORM stat_fold(txid_current());
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
  -- Meetings by category, set-based: each meeting's categories, then the cube summed from them.
  INSERT INTO stat_meeting_category_contrib (meeting_id, kind, region_id, line, month, categories)
  SELECT m.id, m.kind, m.region_id, stat_line(m.akim_level, m.central_body_id), stat_month(m.held_on),
         array_agg(DISTINCT i.category_id ORDER BY i.category_id)
  FROM meeting m JOIN raised_issue i ON i.meeting_id = m.id AND i.deleted_at IS NULL
  WHERE m.deleted_at IS NULL
  GROUP BY m.id;
  INSERT INTO stat_meeting_category_cube (kind, grain, region_id, category_id, line, month, n)
  SELECT c.kind, 4 + t.span, c.region_id, x.category_id, c.line, t.month, count(*)
  FROM stat_meeting_category_contrib c CROSS JOIN unnest(c.categories) AS x(category_id)
  CROSS JOIN LATERAL (VALUES (0::smallint, c.month), (10, stat_year(c.month))) AS t(span, month)
  GROUP BY 1, 2, 3, 4, 5, 6
  ORDER BY 1, 2, 3, 4, 5, 6;
END $$;
