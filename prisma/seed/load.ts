import type pg from 'pg';
import { recordedAt, type Dataset } from './dataset';

// Writes the dataset set-based: one INSERT … SELECT FROM unnest(...) per chunk,
// all in one transaction, then moves each id sequence past the seeded ids.

type Column = { name: string; type: string; cast?: string; get?: (row: Record<string, unknown>) => unknown };
type Table = { name: keyof Dataset; columns: Column[]; serial?: boolean };

const SEEDED_AT = '2023-07-15T00:00:00.000Z';
const c = (name: string, type: string, cast?: string): Column => ({ name, type, cast });
const stamp = (name: string, from?: string): Column => ({
  name, type: 'timestamptz', get: (r) => (from && r[from] ? recordedAt(r[from] as string) : SEEDED_AT),
});

const TABLES: Table[] = [
  { name: 'region', serial: true, columns: [c('id', 'int'), c('kato', 'text'), c('iso', 'text'), c('kind', 'text', '"RegionKind"'), c('name_ru', 'text'), c('name_kk', 'text'), c('name_en', 'text'), c('short_ru', 'text'), c('centre_en', 'text'), c('centre_lat', 'numeric'), c('centre_lon', 'numeric'), c('tile_col', 'smallint'), c('tile_row', 'smallint')] },
  { name: 'admin_unit', serial: true, columns: [c('id', 'int'), c('region_id', 'int'), c('parent_id', 'int'), c('kind', 'text', '"UnitKind"'), c('code', 'text'), c('name_ru', 'text'), c('name_kk', 'text'), c('name_en', 'text')] },
  { name: 'central_body', serial: true, columns: [c('id', 'int'), c('code', 'text'), c('name_ru', 'text'), c('name_kk', 'text'), c('name_en', 'text'), c('short_ru', 'text')] },
  { name: 'official', serial: true, columns: [c('id', 'int'), c('full_name', 'text'), c('position', 'text', '"Position"'), c('central_body_id', 'int'), c('region_id', 'int'), c('unit_id', 'int')] },
  { name: 'issue_category', serial: true, columns: [c('id', 'int'), c('code', 'text'), c('name_ru', 'text'), c('name_kk', 'text'), c('name_en', 'text'), c('sort_order', 'int')] },
  { name: 'setting', columns: [c('key', 'text'), c('value', 'text', 'jsonb'), stamp('updated_at')] },
  { name: 'meeting', serial: true, columns: [c('id', 'int'), c('kind', 'text', '"MeetingKind"'), c('official_id', 'int'), c('region_id', 'int'), c('unit_id', 'int'), c('akim_level', 'text', '"AkimLevel"'), c('central_body_id', 'int'), c('held_on', 'date'), c('venue', 'text', '"Venue"'), c('venue_note', 'text'), c('open_microphone', 'bool'), c('briefing_held', 'bool'), c('ngo_meeting_held', 'bool'), c('problem_site_visited', 'bool'), c('announced_on', 'date'), c('announcement_channels', 'text', '"AnnouncementChannel"[]'), c('questions_collected', 'bool'), c('action_plan_prepared', 'bool'), c('attendance', 'int'), c('outcomes', 'text'), c('external_ref', 'text'), stamp('created_at', 'held_on'), stamp('updated_at', 'held_on')] },
  { name: 'personal_reception', serial: true, columns: [c('id', 'int'), c('meeting_id', 'int'), c('held_on', 'date'), c('citizens_received', 'int'), c('issues_voiced', 'int'), c('issues_resolved', 'int'), c('issues_in_execution', 'int'), stamp('created_at', 'held_on')] },
  { name: 'raised_issue', serial: true, columns: [c('id', 'int'), c('meeting_id', 'int'), c('category_id', 'int'), c('description', 'text'), c('responsible_level', 'text', '"ResponsibleLevel"'), c('status', 'text', '"IssueStatus"'), c('meeting_kind', 'text', '"MeetingKind"'), c('region_id', 'int'), c('raised_on', 'date'), c('resolved_on', 'date'), stamp('created_at', 'raised_on'), stamp('updated_at', 'raised_on')] },
  { name: 'issue_status_change', serial: true, columns: [c('id', 'int'), c('issue_id', 'int'), c('from_status', 'text', '"IssueStatus"'), c('to_status', 'text', '"IssueStatus"'), c('effective_on', 'date'), c('comment', 'text'), c('recorded_at', 'timestamptz')] },
  { name: 'budget_allocation', serial: true, columns: [c('id', 'int'), c('issue_id', 'int'), c('source', 'text', '"BudgetSource"'), c('kind', 'text', '"BudgetEntryKind"'), c('amount_kzt', 'bigint'), c('effective_on', 'date'), c('note', 'text'), stamp('created_at', 'effective_on')] },
  { name: 'escalation', serial: true, columns: [c('id', 'int'), c('issue_id', 'int'), c('year', 'smallint'), c('half', 'smallint'), c('central_body_id', 'int'), c('disposition', 'text', '"Disposition"'), c('republican_amount_kzt', 'bigint'), c('selected', 'bool'), c('proposal', 'text'), stamp('created_at'), stamp('updated_at')] },
  { name: 'escalation_disposition_change', serial: true, columns: [c('id', 'int'), c('escalation_id', 'int'), c('disposition', 'text', '"Disposition"'), c('republican_amount_kzt', 'bigint'), c('effective_on', 'date'), c('comment', 'text'), c('recorded_at', 'timestamptz')] },
  { name: 'escalation_inclusion_change', serial: true, columns: [c('id', 'int'), c('escalation_id', 'int'), c('included', 'bool'), c('effective_on', 'date'), c('recorded_at', 'timestamptz')] },
  { name: 'escalation_selection_change', serial: true, columns: [c('id', 'int'), c('escalation_id', 'int'), c('selected', 'bool'), c('effective_on', 'date'), c('recorded_at', 'timestamptz')] },
  { name: 'schedule_entry', serial: true, columns: [c('id', 'int'), c('year', 'smallint'), c('half', 'smallint'), c('planned_month', 'smallint'), c('official_id', 'int'), c('central_body_id', 'int'), c('region_id', 'int'), c('meeting_id', 'int'), stamp('created_at')] },
  { name: 'action_plan', serial: true, columns: [c('id', 'int'), c('region_id', 'int'), c('year', 'smallint'), c('half', 'smallint'), c('approved_on', 'date'), c('url', 'text'), c('published_on', 'date'), stamp('created_at', 'approved_on'), stamp('updated_at', 'approved_on')] },
  { name: 'budget_request', serial: true, columns: [c('id', 'int'), c('region_id', 'int'), c('central_body_id', 'int'), c('amount_kzt', 'bigint'), c('status', 'text', '"BudgetRequestStatus"'), c('submitted_on', 'date'), c('decided_on', 'date'), c('approved_amount_kzt', 'bigint'), c('rejection_reason', 'text', '"BudgetRequestRejection"'), c('note', 'text'), stamp('created_at', 'submitted_on'), stamp('updated_at', 'submitted_on')] },
  { name: 'budget_request_issue', columns: [c('request_id', 'int'), c('issue_id', 'int')] },
  { name: 'budget_request_status_change', serial: true, columns: [c('id', 'int'), c('request_id', 'int'), c('from_status', 'text', '"BudgetRequestStatus"'), c('to_status', 'text', '"BudgetRequestStatus"'), c('approved_amount_kzt', 'bigint'), c('rejection_reason', 'text', '"BudgetRequestRejection"'), c('effective_on', 'date'), c('comment', 'text'), c('recorded_at', 'timestamptz')] },
];

const CHUNK = 5_000;

const param = (v: unknown) => (typeof v === 'bigint' ? v.toString() : v === undefined ? null : v);

async function insertTable(client: pg.ClientBase, table: Table, rows: Array<Record<string, unknown>>): Promise<void> {
  const cols = table.columns;
  const names = cols.map((col) => `"${col.name}"`).join(', ');
  const unnest = cols.map((col, i) => `$${i + 1}::${col.type}[]`).join(', ');
  const select = cols.map((col, i) => (col.cast ? `c${i}::${col.cast}` : `c${i}`)).join(', ');
  const alias = cols.map((_, i) => `c${i}`).join(', ');
  const sql = `INSERT INTO "${table.name}" (${names}) SELECT ${select} FROM unnest(${unnest}) AS u(${alias})`;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const params = cols.map((col) => chunk.map((r) => param(col.get ? col.get(r) : r[col.name])));
    await client.query(sql, params);
  }
}

export const SEEDED_TABLES = TABLES.map((t) => t.name);

/** Inserts every table of the dataset; the caller owns the transaction. */
export async function loadDataset(client: pg.ClientBase, ds: Dataset): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  // The statistics summaries are built once at the end rather than upkept per chunk.
  await client.query(`SELECT set_config('kezdesu.stat_deferred', 'on', true)`);
  for (const table of TABLES) {
    const rows = ds[table.name] as unknown as Array<Record<string, unknown>>;
    await insertTable(client, table, rows);
    counts[table.name] = rows.length;
    if (table.serial) {
      await client.query(`SELECT setval(pg_get_serial_sequence('"${table.name}"', 'id'), GREATEST((SELECT max(id) FROM "${table.name}"), 1))`);
    }
  }
  // Statistics first: the rebuild's plans depend on them.
  await client.query('ANALYZE meeting, raised_issue, issue_status_change, budget_allocation');
  await client.query('SELECT stat_rebuild()');
  return counts;
}
