import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { CheckedRow } from './check';

// The commit's writes, set-based: the rows (of one chunk) go into a temporary table once, then one
// statement per kind of change. Keys that exist are skipped or updated, so repeating changes nothing.
// Chunks are in line order, so a meeting is created, with its first row's columns, by the chunk
// holding its first row; its later rows find it by its key.

type Tx = Pick<Prisma.TransactionClient, '$executeRawUnsafe' | '$queryRawUnsafe'>;

export type CommitCounts = { meetings: number; issues: number; statuses: number; money: number; receptions?: number };

const ROW_TYPE = `line int, kind "MeetingKind", "regionId" int, "externalRef" text, "heldOn" date, level "AkimLevel", "unitId" int,
  "centralBodyId" int, "officialId" int, "announcedOn" date, "announcementChannels" "AnnouncementChannel"[],
  "questionsCollected" boolean, "briefingHeld" boolean, "ngoMeetingHeld" boolean, "actionPlanPrepared" boolean, "problemSiteVisited" boolean,
  reception jsonb, venue "Venue", attendance int, "issueNumber" int, "categoryId" int, description text, responsible "ResponsibleLevel",
  status "IssueStatus", "statusOn" date, comment text, "needKzt" bigint, "allocatedKzt" bigint`;

export async function writeRows(
  tx: Tx,
  rows: CheckedRow[],
  authorId: number,
  onStep?: (step: string, backendPid: number) => Promise<void>,
): Promise<CommitCounts> {
  const step = async (name: string) => {
    if (!onStep) return;
    const [row] = await tx.$queryRawUnsafe<Array<{ pid: number }>>('SELECT pg_backend_pid() AS pid');
    await onStep(name, row!.pid);
  };
  // The commit writes its rows in chunks within one transaction: the previous chunk's tables go first.
  await tx.$executeRawUnsafe('DROP TABLE IF EXISTS pg_temp.import_row, pg_temp.import_key, pg_temp.import_target');
  await tx.$executeRawUnsafe(`CREATE TEMP TABLE import_row ON COMMIT DROP AS SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(${ROW_TYPE})`, JSON.stringify(rows));

  // New meetings take their first row's columns; a central meeting also its checklist and its one reception.
  const [added] = await tx.$queryRawUnsafe<Array<{ meetings: number; receptions: number }>>(
    `WITH first AS (
       SELECT DISTINCT ON ("regionId", "externalRef") * FROM import_row ORDER BY "regionId", "externalRef", line),
     added AS (
       INSERT INTO meeting (kind, official_id, region_id, unit_id, akim_level, central_body_id, held_on, venue, attendance, external_ref,
         announced_on, announcement_channels, questions_collected, briefing_held, ngo_meeting_held, action_plan_prepared, problem_site_visited)
       SELECT coalesce(kind, 'AKIM'), "officialId", "regionId", "unitId", level, "centralBodyId", "heldOn", venue, attendance, "externalRef",
         "announcedOn", coalesce("announcementChannels", '{}'), coalesce("questionsCollected", false), coalesce("briefingHeld", false),
         coalesce("ngoMeetingHeld", false), coalesce("actionPlanPrepared", false), coalesce("problemSiteVisited", false)
       FROM first
       ON CONFLICT (region_id, external_ref) DO NOTHING
       RETURNING id, region_id, external_ref),
     receptions AS (
       INSERT INTO personal_reception (meeting_id, held_on, citizens_received, issues_voiced, issues_resolved, issues_in_execution)
       SELECT a.id, (f.reception->>'heldOn')::date, (f.reception->>'citizensReceived')::int, (f.reception->>'issuesVoiced')::int,
         (f.reception->>'issuesResolved')::int, (f.reception->>'issuesInExecution')::int
       FROM added a JOIN first f ON f."regionId" = a.region_id AND f."externalRef" = a.external_ref
       WHERE jsonb_typeof(f.reception) = 'object'
       RETURNING 1)
     SELECT (SELECT count(*) FROM added)::int AS meetings, (SELECT count(*) FROM receptions)::int AS receptions`);
  const { meetings, receptions } = added!;
  await step('meetings');

  // Each row's issue key, resolved once the meetings exist.
  await tx.$executeRawUnsafe(
    `CREATE TEMP TABLE import_key ON COMMIT DROP AS
     SELECT r.*, m.id AS meeting_id, m.held_on AS meeting_held_on, m.kind AS meeting_kind FROM import_row r
     JOIN meeting m ON m.region_id = r."regionId" AND m.external_ref = r."externalRef"`);
  const issues = await tx.$executeRawUnsafe(
    `WITH added AS (
       INSERT INTO raised_issue (meeting_id, category_id, description, responsible_level, status, meeting_kind, region_id, raised_on, number_in_meeting)
       SELECT meeting_id, "categoryId", description, responsible, 'RAISED', meeting_kind, "regionId", meeting_held_on, "issueNumber" FROM import_key
       ON CONFLICT (meeting_id, number_in_meeting) DO NOTHING
       RETURNING id, raised_on)
     INSERT INTO issue_status_change (issue_id, from_status, to_status, effective_on, author_id)
     SELECT id, NULL, 'RAISED', raised_on, $1 FROM added`, authorId);
  await step('issues');

  await tx.$executeRawUnsafe(
    `CREATE TEMP TABLE import_target ON COMMIT DROP AS
     SELECT i.id, i.status AS from_status, k.status AS to_status, k."statusOn" AS effective_on, k.comment, k."needKzt", k."allocatedKzt"
     FROM import_key k JOIN raised_issue i ON i.meeting_id = k.meeting_id AND i.number_in_meeting = k."issueNumber"`);
  const statuses = await tx.$executeRawUnsafe(
    `INSERT INTO issue_status_change (issue_id, from_status, to_status, effective_on, author_id, comment)
     SELECT id, from_status, to_status, effective_on, $1, comment FROM import_target WHERE from_status <> to_status`, authorId);
  await tx.$executeRawUnsafe(
    `UPDATE raised_issue i SET status = t.to_status, resolved_on = CASE WHEN t.to_status = 'RESOLVED' THEN t.effective_on END,
       version = i.version + 1, updated_at = now()
     FROM import_target t WHERE i.id = t.id AND t.from_status <> t.to_status`);
  await step('statuses');

  // Amounts are totals: what is missing from the recorded sum is added as one dated entry.
  const money = await tx.$executeRawUnsafe(
    `INSERT INTO budget_allocation (issue_id, source, kind, amount_kzt, effective_on, note)
     SELECT t.id, 'LOCAL', x.kind::"BudgetEntryKind", x.total - coalesce(s.sum, 0), t.effective_on, 'import'
     FROM import_target t
     CROSS JOIN LATERAL (VALUES ('NEED', t."needKzt"), ('ALLOCATED', t."allocatedKzt")) AS x(kind, total)
     LEFT JOIN LATERAL (SELECT sum(b.amount_kzt) AS sum FROM budget_allocation b
                        WHERE b.issue_id = t.id AND b.source = 'LOCAL' AND b.kind = x.kind::"BudgetEntryKind") s ON true
     WHERE x.total IS NOT NULL AND x.total > coalesce(s.sum, 0)`);
  await step('money');
  return { meetings, issues, statuses, money, receptions };
}
