-- CreateTable
CREATE TABLE "stat_meeting_category_cube" (
    "kind" "MeetingKind" NOT NULL,
    "grain" SMALLINT NOT NULL,
    "region_id" INTEGER NOT NULL,
    "category_id" INTEGER NOT NULL,
    "line" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "n" BIGINT NOT NULL,

    CONSTRAINT "stat_meeting_category_cube_pkey" PRIMARY KEY ("kind","grain","region_id","category_id","line","month")
);

-- CreateTable
CREATE TABLE "stat_meeting_category_contrib" (
    "meeting_id" INTEGER NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "region_id" INTEGER NOT NULL,
    "line" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "categories" INTEGER[],

    CONSTRAINT "stat_meeting_category_contrib_pkey" PRIMARY KEY ("meeting_id")
);

-- CreateIndex
CREATE INDEX "meeting_unit_id_held_on_idx" ON "meeting"("unit_id", "held_on");

-- ---------- hand-written: meetings by category, kept current in the writing transaction ----------
-- "Meetings" under a category filter counts the meetings with at least one live issue of it. Read
-- raw, that is a semi-join over every meeting of the period (2.5 s over ten years at 1 M issues);
-- summed here per month, it reads as few rows as the other figures. A meeting's categories change
-- only when an issue is added, deleted or recategorized, or the meeting itself moves, so a status
-- change or a money entry costs nothing here.

ALTER TABLE "stat_meeting_category_cube" SET (fillfactor = 50);

-- Re-derives the meetings' share: the cached categories out, the current ones in, netted.
CREATE FUNCTION "stat_refresh_meetings"(ids integer[]) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  fresh stat_meeting_category_contrib[];
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
  ), net AS (
    SELECT kind, region_id, category_id, line, month, sum(n) AS n FROM (
      SELECT o.kind, o.region_id, x.category_id, o.line, o.month, -1 AS n FROM old o CROSS JOIN unnest(o.categories) AS x(category_id)
      UNION ALL
      SELECT f.kind, f.region_id, x.category_id, f.line, f.month, 1 FROM unnest(fresh) f CROSS JOIN unnest(f.categories) AS x(category_id)
    ) d
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0
  )
  INSERT INTO stat_meeting_category_cube AS s (kind, grain, region_id, category_id, line, month, n)
  SELECT net.kind, 4 + t.span, net.region_id, net.category_id, net.line, t.month, sum(net.n)
  FROM net CROSS JOIN LATERAL (VALUES (0::smallint, net.month), (10, stat_year(net.month))) AS t(span, month)
  GROUP BY 1, 2, 3, 4, 5, 6
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (kind, grain, region_id, category_id, line, month) DO UPDATE SET n = s.n + excluded.n;
  INSERT INTO stat_meeting_category_contrib SELECT * FROM unnest(fresh);
END $$;

CREATE FUNCTION "stat_issue_meetings_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM stat_refresh_meetings(ARRAY(SELECT meeting_id FROM new_rows)); RETURN NULL; END $$;
CREATE FUNCTION "stat_issue_meetings_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM stat_refresh_meetings(ARRAY(SELECT meeting_id FROM old_rows)); RETURN NULL; END $$;
CREATE FUNCTION "stat_issue_meetings_moved"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM stat_refresh_meetings(ARRAY[OLD.meeting_id, NEW.meeting_id]); RETURN NULL; END $$;

CREATE TRIGGER "stat_issue_meetings_inserted" AFTER INSERT ON "raised_issue"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stat_issue_meetings_inserted"();
CREATE TRIGGER "stat_issue_meetings_deleted" AFTER DELETE ON "raised_issue"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stat_issue_meetings_deleted"();
-- Row-level with WHEN: only what changes a meeting's categories; a status update costs no call.
CREATE TRIGGER "stat_issue_meetings_moved" AFTER UPDATE ON "raised_issue" FOR EACH ROW
  WHEN ((NEW.meeting_id, NEW.category_id, NEW.deleted_at IS NULL) IS DISTINCT FROM (OLD.meeting_id, OLD.category_id, OLD.deleted_at IS NULL))
  EXECUTE FUNCTION "stat_issue_meetings_moved"();

-- The meeting triggers also move its categories (its place or month changed, or it was deleted).
CREATE OR REPLACE FUNCTION "stat_meeting_moved"() RETURNS trigger LANGUAGE plpgsql AS $$
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
  PERFORM stat_refresh_meetings(ARRAY[NEW.id]);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "stat_meeting_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stat_meeting_add(array_agg(kind), array_agg(region_id), array_agg(stat_line(akim_level, central_body_id)),
                           array_agg(stat_month(held_on)), array_agg(-1))
  FROM old_rows WHERE deleted_at IS NULL;
  PERFORM stat_refresh_meetings(ARRAY(SELECT id FROM old_rows));
  RETURN NULL;
END $$;

-- A rebuild (after a bulk load or a TRUNCATE) derives the meetings' categories too.
CREATE OR REPLACE FUNCTION "stat_rebuild"() RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  ids integer[];
  lo integer;
  chunk constant integer := 1000000;
BEGIN
  PERFORM set_config('kezdesu.stat_deferred', 'off', true);
  TRUNCATE stat_issue_contrib, stat_issue_cube, stat_meeting_cube, stat_meeting_category_contrib, stat_meeting_category_cube;
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

-- What is already there, set-based as the rebuild does it.
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
ANALYZE stat_meeting_category_cube;
