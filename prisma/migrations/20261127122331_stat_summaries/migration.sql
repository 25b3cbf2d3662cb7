-- CreateTable
CREATE TABLE "stat_issue_cube" (
    "measure" SMALLINT NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "grain" SMALLINT NOT NULL,
    "region_id" INTEGER NOT NULL,
    "category_id" INTEGER NOT NULL,
    "line" TEXT NOT NULL,
    "m1" DATE NOT NULL,
    "m2" DATE NOT NULL,
    "state" TEXT NOT NULL,
    "n" BIGINT NOT NULL,

    CONSTRAINT "stat_issue_cube_pkey" PRIMARY KEY ("measure","kind","grain","region_id","category_id","line","m1","m2","state")
);

-- CreateTable
CREATE TABLE "stat_issue_contrib" (
    "issue_id" INTEGER NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "region_id" INTEGER NOT NULL,
    "category_id" INTEGER NOT NULL,
    "line" TEXT NOT NULL,
    "measure" SMALLINT[],
    "m1" DATE[],
    "m2" DATE[],
    "state" TEXT[],
    "n" BIGINT[],

    CONSTRAINT "stat_issue_contrib_pkey" PRIMARY KEY ("issue_id")
);

-- CreateTable
CREATE TABLE "stat_meeting_cube" (
    "kind" "MeetingKind" NOT NULL,
    "grain" SMALLINT NOT NULL,
    "region_id" INTEGER NOT NULL,
    "line" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "n" BIGINT NOT NULL,

    CONSTRAINT "stat_meeting_cube_pkey" PRIMARY KEY ("kind","grain","region_id","line","month")
);

-- CreateIndex
CREATE INDEX "stat_issue_cube_measure_kind_grain_region_id_category_id_li_idx" ON "stat_issue_cube"("measure", "kind", "grain", "region_id", "category_id", "line", "m2", "m1");

-- CreateIndex
CREATE INDEX "budget_allocation_effective_on_idx" ON "budget_allocation"("effective_on");

-- CreateIndex
CREATE INDEX "issue_status_change_effective_on_idx" ON "issue_status_change"("effective_on");

-- ---------- hand-written: summaries kept current in the writing transaction ----------
-- Each write to meetings, issues, status history or money re-derives the touched issues' share of
-- stat_issue_cube (old share from stat_issue_contrib out, new share in), so every statistic over
-- whole months reads a few hundred summary rows instead of millions of raw ones. See docs/scaling.md.

-- Room on each page, so a write's update of a summary row stays on its page (a HOT update) and
-- the rows a figure sums stay together.
ALTER TABLE "stat_issue_cube" SET (fillfactor = 50);
ALTER TABLE "stat_meeting_cube" SET (fillfactor = 50);

-- The "line" of a meeting: the akim's level, or B<body id> for a central official.
-- STABLE, as an enum's text is: declared so, the planner inlines it.
CREATE FUNCTION "stat_line"(akim_level "AkimLevel", body_id integer) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN akim_level IS NOT NULL THEN akim_level::text WHEN body_id IS NOT NULL THEN 'B' || body_id::text ELSE '-' END
$$;

-- The first day of a date's month (through timestamp without time zone: immutable, and inlined).
CREATE FUNCTION "stat_month"(d date) RETURNS date
LANGUAGE sql IMMUTABLE AS $$ SELECT date_trunc('month', d::timestamp)::date $$;

-- What the given issues add to the cube at grain 4, derived from the raw rows (see the model's comment).
-- Joined to unnest(ids), which the planner sizes: index lookups for one issue, hash joins for a million.
CREATE FUNCTION "stat_issue_rows"(ids integer[])
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
    SELECT r.issue_id, 1::smallint AS measure, NULL::date AS since, r.day, r.status AS state, 1::bigint AS n FROM runs r
    UNION ALL SELECT r.issue_id, 1, NULL, r.day, r.prev_status, -1 FROM runs r WHERE r.prev_status IS NOT NULL
    UNION ALL SELECT r.issue_id, 2, r.day, r.day, 'RESOLVED', 1 FROM runs r WHERE r.status = 'RESOLVED'
    UNION ALL SELECT r.issue_id, 2, r.prev_day, r.day, 'RESOLVED', -1 FROM runs r WHERE r.prev_status = 'RESOLVED'
    UNION ALL SELECT b.issue_id, 3, NULL, b.effective_on, b.kind::text, b.amount_kzt
      FROM unnest(ids) AS x(id) JOIN budget_allocation b ON b.issue_id = x.id WHERE b.source = 'LOCAL'
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

-- Re-derives the issues' share of the cube: the cached old share out, the new one in, netted,
-- one upsert per summary row, in key order so concurrent writers lock rows in the same order.
-- Generic plans: re-planning these statements on every single-issue write would cost more than running them.
CREATE FUNCTION "stat_refresh_issues"(ids integer[]) RETURNS void
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
  SELECT net.measure, net.kind, g.grain, g.region_id, g.category_id, g.line, net.m1, t.m2, net.state, sum(net.n)
  FROM net
  CROSS JOIN LATERAL (VALUES (0::smallint, 0, 0, ''), (1, net.region_id, 0, ''), (2, 0, net.category_id, ''),
                             (3, 0, 0, net.line), (4, net.region_id, net.category_id, net.line)) AS g(grain, region_id, category_id, line)
  CROSS JOIN LATERAL (VALUES (net.m2), ('infinity'::date)) AS t(m2)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (measure, kind, grain, region_id, category_id, line, m1, m2, state) DO UPDATE SET n = s.n + excluded.n;
  INSERT INTO stat_issue_contrib SELECT * FROM unnest(fresh);
END $$;

-- Adds meetings held (n = +1 or -1 each) to the meeting cube.
CREATE FUNCTION "stat_meeting_add"(d_kind "MeetingKind"[], d_region integer[], d_line text[], d_month date[], d_n integer[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO stat_meeting_cube AS s (kind, grain, region_id, line, month, n)
  SELECT d.kind, g.grain, g.region_id, g.line, d.month, sum(d.n)
  FROM unnest(d_kind, d_region, d_line, d_month, d_n) AS d(kind, region_id, line, month, n)
  CROSS JOIN LATERAL (VALUES (0::smallint, 0, ''), (1, d.region_id, ''), (3, 0, d.line), (4, d.region_id, d.line)) AS g(grain, region_id, line)
  WHERE current_setting('kezdesu.stat_deferred', true) IS DISTINCT FROM 'on'
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(d.n) <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (kind, grain, region_id, line, month) DO UPDATE SET n = s.n + excluded.n
$$;

-- Everything again from the raw rows: after a bulk load (which may set kezdesu.stat_deferred = on
-- for its transaction to skip the per-statement upkeep), or a TRUNCATE. Each issue's share is
-- derived in chunks, then the cube is summed from the shares in one pass.
CREATE FUNCTION "stat_rebuild"() RETURNS void
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
  SELECT f.measure, f.kind, g.grain, g.region_id, g.category_id, g.line, f.m1, t.m2, f.state, sum(f.n)
  FROM (
    SELECT c.kind, c.region_id, c.category_id, c.line, u.measure, u.m1, u.m2, u.state, sum(u.n) AS n
    FROM stat_issue_contrib c CROSS JOIN LATERAL unnest(c.measure, c.m1, c.m2, c.state, c.n) AS u(measure, m1, m2, state, n)
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ) f
  CROSS JOIN LATERAL (VALUES (0::smallint, 0, 0, ''), (1, f.region_id, 0, ''), (2, 0, f.category_id, ''),
                             (3, 0, 0, f.line), (4, f.region_id, f.category_id, f.line)) AS g(grain, region_id, category_id, line)
  CROSS JOIN LATERAL (VALUES (f.m2), ('infinity'::date)) AS t(m2)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  HAVING sum(f.n) <> 0
  -- In the order of the (…, line, m2, m1) index: the current totals (m2 = infinity) of a group,
  -- which long periods read, and each month's changes, which short ones read, sit on few pages.
  ORDER BY 1, 2, 3, 4, 5, 6, 8, 7, 9;
END $$;

-- ---------- triggers ----------
-- Statement-level with transition tables: one refresh per statement, so bulk writes stay set-based.
-- (PostgreSQL allows transition tables only on single-event triggers, hence one function per event.)

CREATE FUNCTION "stat_issue_ref_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM stat_refresh_issues(ARRAY(SELECT issue_id FROM new_rows)); RETURN NULL; END $$;
CREATE FUNCTION "stat_issue_ref_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM stat_refresh_issues(ARRAY(SELECT issue_id FROM old_rows)); RETURN NULL; END $$;
CREATE FUNCTION "stat_issue_ref_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stat_refresh_issues(ARRAY(SELECT issue_id FROM old_rows UNION SELECT issue_id FROM new_rows));
  RETURN NULL;
END $$;

CREATE TRIGGER "stat_history_inserted" AFTER INSERT ON "issue_status_change"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stat_issue_ref_inserted"();
CREATE TRIGGER "stat_history_updated" AFTER UPDATE ON "issue_status_change"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stat_issue_ref_updated"();
CREATE TRIGGER "stat_history_deleted" AFTER DELETE ON "issue_status_change"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stat_issue_ref_deleted"();
CREATE TRIGGER "stat_money_inserted" AFTER INSERT ON "budget_allocation"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stat_issue_ref_inserted"();
CREATE TRIGGER "stat_money_updated" AFTER UPDATE ON "budget_allocation"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stat_issue_ref_updated"();
CREATE TRIGGER "stat_money_deleted" AFTER DELETE ON "budget_allocation"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stat_issue_ref_deleted"();

CREATE FUNCTION "stat_issue_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM stat_refresh_issues(ARRAY(SELECT id FROM new_rows)); RETURN NULL; END $$;
CREATE FUNCTION "stat_issue_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM stat_refresh_issues(ARRAY(SELECT id FROM old_rows)); RETURN NULL; END $$;
-- Only what places the issue in the cube; a status update alone is covered by its history row.
-- Row-level with WHEN: an update that moves nothing (every status change) costs no call at all.
CREATE FUNCTION "stat_issue_moved"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM stat_refresh_issues(ARRAY[NEW.id]); RETURN NULL; END $$;

CREATE TRIGGER "stat_issue_inserted" AFTER INSERT ON "raised_issue"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stat_issue_inserted"();
CREATE TRIGGER "stat_issue_moved" AFTER UPDATE ON "raised_issue" FOR EACH ROW
  WHEN ((NEW.meeting_id, NEW.category_id, NEW.meeting_kind, NEW.raised_on, NEW.deleted_at IS NULL)
    IS DISTINCT FROM (OLD.meeting_id, OLD.category_id, OLD.meeting_kind, OLD.raised_on, OLD.deleted_at IS NULL))
  EXECUTE FUNCTION "stat_issue_moved"();
CREATE TRIGGER "stat_issue_deleted" AFTER DELETE ON "raised_issue"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stat_issue_deleted"();

CREATE FUNCTION "stat_meeting_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stat_meeting_add(array_agg(kind), array_agg(region_id), array_agg(stat_line(akim_level, central_body_id)),
                           array_agg(stat_month(held_on)), array_agg(1))
  FROM new_rows WHERE deleted_at IS NULL;
  RETURN NULL;
END $$;
CREATE FUNCTION "stat_meeting_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stat_meeting_add(array_agg(kind), array_agg(region_id), array_agg(stat_line(akim_level, central_body_id)),
                           array_agg(stat_month(held_on)), array_agg(-1))
  FROM old_rows WHERE deleted_at IS NULL;
  RETURN NULL;
END $$;
-- Row-level with WHEN: most meeting edits (notes, checklist) touch nothing counted.
CREATE FUNCTION "stat_meeting_moved"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stat_meeting_add(ARRAY[d.kind], ARRAY[d.region_id], ARRAY[d.line], ARRAY[d.month], ARRAY[d.n])
  FROM (
    SELECT NEW.kind, NEW.region_id, stat_line(NEW.akim_level, NEW.central_body_id), stat_month(NEW.held_on), 1
    WHERE NEW.deleted_at IS NULL
    UNION ALL
    SELECT OLD.kind, OLD.region_id, stat_line(OLD.akim_level, OLD.central_body_id), stat_month(OLD.held_on), -1
    WHERE OLD.deleted_at IS NULL
  ) d(kind, region_id, line, month, n);
  -- The meeting places its issues: region, line, and whether it is deleted.
  IF (NEW.region_id, NEW.akim_level, NEW.central_body_id, NEW.deleted_at IS NULL)
     IS DISTINCT FROM (OLD.region_id, OLD.akim_level, OLD.central_body_id, OLD.deleted_at IS NULL) THEN
    PERFORM stat_refresh_issues(ARRAY(SELECT id FROM raised_issue WHERE meeting_id = NEW.id));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "stat_meeting_inserted" AFTER INSERT ON "meeting"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stat_meeting_inserted"();
CREATE TRIGGER "stat_meeting_moved" AFTER UPDATE ON "meeting" FOR EACH ROW
  WHEN ((NEW.kind, NEW.region_id, NEW.akim_level, NEW.central_body_id, NEW.held_on, NEW.deleted_at IS NULL)
    IS DISTINCT FROM (OLD.kind, OLD.region_id, OLD.akim_level, OLD.central_body_id, OLD.held_on, OLD.deleted_at IS NULL))
  EXECUTE FUNCTION "stat_meeting_moved"();
CREATE TRIGGER "stat_meeting_deleted" AFTER DELETE ON "meeting"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stat_meeting_deleted"();

CREATE FUNCTION "stat_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM stat_rebuild(); RETURN NULL; END $$;
CREATE TRIGGER "stat_truncated" AFTER TRUNCATE ON "meeting" FOR EACH STATEMENT EXECUTE FUNCTION "stat_truncated"();
CREATE TRIGGER "stat_truncated" AFTER TRUNCATE ON "raised_issue" FOR EACH STATEMENT EXECUTE FUNCTION "stat_truncated"();
CREATE TRIGGER "stat_truncated" AFTER TRUNCATE ON "issue_status_change" FOR EACH STATEMENT EXECUTE FUNCTION "stat_truncated"();
CREATE TRIGGER "stat_truncated" AFTER TRUNCATE ON "budget_allocation" FOR EACH STATEMENT EXECUTE FUNCTION "stat_truncated"();
