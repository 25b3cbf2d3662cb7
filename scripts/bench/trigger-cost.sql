-- The summary triggers' cost per status change, inside the database: psql "$DATABASE_URL" -f scripts/bench/trigger-cost.sql
-- 500 changes with the triggers and 500 without, each in a transaction that is rolled back (nothing is kept).
-- N status changes as single-statement pairs inside one transaction (rolled back); prints ms per change.
CREATE OR REPLACE FUNCTION pg_temp.wb(n int) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; iid int; st "IssueStatus";
BEGIN
  t0 := clock_timestamp();
  FOR k IN 1..n LOOP
    iid := 1 + (k * 7919) % 70000;
    SELECT status INTO st FROM raised_issue WHERE raised_issue.id = iid FOR UPDATE;
    INSERT INTO issue_status_change (issue_id, from_status, to_status, effective_on, comment)
      VALUES (iid, st, CASE WHEN st = 'RESOLVED' THEN 'IN_EXECUTION' ELSE 'RESOLVED' END::"IssueStatus", current_date, 'wb');
    UPDATE raised_issue SET status = CASE WHEN st = 'RESOLVED' THEN 'IN_EXECUTION' ELSE 'RESOLVED' END::"IssueStatus",
      resolved_on = CASE WHEN st = 'RESOLVED' THEN NULL ELSE current_date END WHERE raised_issue.id = iid;
  END LOOP;
  RETURN round(extract(epoch FROM clock_timestamp() - t0) * 1000 / n, 3);
END $$;
BEGIN; SELECT 'with triggers' AS mode, pg_temp.wb(500) AS ms_per_change; ROLLBACK;
BEGIN; ALTER TABLE issue_status_change DISABLE TRIGGER USER; ALTER TABLE raised_issue DISABLE TRIGGER USER;
SELECT 'without' AS mode, pg_temp.wb(500) AS ms_per_change; ROLLBACK;
