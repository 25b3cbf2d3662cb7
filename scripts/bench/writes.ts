import type pg from 'pg';
import { type Latency, measure, seeded } from './util';

// A status change as the app writes it: in one transaction, lock the issue, append its history
// row, update its current status. On the real tables this includes whatever triggers the schema
// has ("with summaries"); on plain copies without triggers it is the bare write ("without summaries").

const COPY_ROWS = 100_000;
const COMMENT = 'bench:stats write';

type Tables = { issue: string; change: string };

async function writeOnce(client: pg.Client, t: Tables, id: number): Promise<void> {
  await client.query('BEGIN');
  try {
    const { rows } = await client.query<{ status: string }>(`SELECT status FROM ${t.issue} WHERE id = $1 FOR UPDATE`, [id]);
    const from = rows[0]?.status;
    if (!from) throw new Error(`issue ${id} not found`);
    const to = from === 'RESOLVED' ? 'IN_EXECUTION' : 'RESOLVED';
    await client.query(
      `INSERT INTO ${t.change} (issue_id, from_status, to_status, effective_on, comment)
       VALUES ($1, $2::"IssueStatus", $3::"IssueStatus", current_date, $4)`,
      [id, from, to, COMMENT],
    );
    await client.query(
      `UPDATE ${t.issue} SET status = $2::"IssueStatus", resolved_on = CASE WHEN $2 = 'RESOLVED' THEN current_date END,
         version = version + 1, updated_at = now() WHERE id = $1`,
      [id, to],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

function pickIds(count: number, max: number, seed: number): number[] {
  const rand = seeded(seed);
  return Array.from({ length: count }, () => 1 + Math.floor(rand() * max));
}

/** On the real tables; the touched issues are put back afterwards so the database stays as loaded. */
async function withSummaries(client: pg.Client, n: number, issues: number): Promise<Latency> {
  const ids = pickIds(n, issues, 20251231);
  const { rows: saved } = await client.query<{ id: number; status: string; resolved_on: string | null; version: number; updated_at: Date }>(
    `SELECT id, status::text, resolved_on::text, version, updated_at FROM raised_issue WHERE id = ANY($1::int[])`, [ids],
  );
  for (let i = 0; i < 5; i++) await writeOnce(client, { issue: 'raised_issue', change: 'issue_status_change' }, ids[i] as number);
  const latency = await measure(n, 1, (i) => writeOnce(client, { issue: 'raised_issue', change: 'issue_status_change' }, ids[i] as number));
  await client.query('BEGIN');
  await client.query(`DELETE FROM issue_status_change WHERE comment = $1`, [COMMENT]);
  await client.query(
    `UPDATE raised_issue i SET status = s.status::"IssueStatus", resolved_on = s.resolved_on::date, version = s.version, updated_at = s.updated_at
     FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::timestamptz[]) AS s(id, status, resolved_on, version, updated_at)
     WHERE i.id = s.id`,
    [saved.map((r) => r.id), saved.map((r) => r.status), saved.map((r) => r.resolved_on), saved.map((r) => r.version), saved.map((r) => r.updated_at)],
  );
  await client.query('COMMIT');
  return latency;
}

/** On copies of the two tables' structure (LIKE … INCLUDING ALL: columns, defaults, checks, indexes; no triggers). */
async function withoutSummaries(client: pg.Client, n: number, issues: number): Promise<Latency> {
  const rows = Math.min(COPY_ROWS, issues);
  await client.query(`DROP TABLE IF EXISTS bench_change_copy, bench_issue_copy`);
  await client.query(`
    CREATE TABLE bench_issue_copy (LIKE raised_issue INCLUDING ALL);
    CREATE TABLE bench_change_copy (LIKE issue_status_change INCLUDING ALL);
    CREATE SEQUENCE bench_change_copy_id_seq OWNED BY bench_change_copy.id;
    ALTER TABLE bench_change_copy ALTER COLUMN id SET DEFAULT nextval('bench_change_copy_id_seq');
    ALTER TABLE bench_change_copy ADD FOREIGN KEY (issue_id) REFERENCES bench_issue_copy (id) ON DELETE CASCADE;`);
  await client.query(`INSERT INTO bench_issue_copy SELECT * FROM raised_issue WHERE id <= $1`, [rows]);
  await client.query(`INSERT INTO bench_change_copy SELECT * FROM issue_status_change WHERE issue_id <= $1`, [rows]);
  await client.query(`SELECT setval('bench_change_copy_id_seq', (SELECT max(id) FROM bench_change_copy))`);
  await client.query('VACUUM ANALYZE bench_issue_copy');
  await client.query('VACUUM ANALYZE bench_change_copy');
  const ids = pickIds(n, rows, 20160101);
  try {
    for (let i = 0; i < 5; i++) await writeOnce(client, { issue: 'bench_issue_copy', change: 'bench_change_copy' }, ids[i] as number);
    return await measure(n, 1, (i) => writeOnce(client, { issue: 'bench_issue_copy', change: 'bench_change_copy' }, ids[i] as number));
  } finally {
    await client.query(`DROP TABLE IF EXISTS bench_change_copy, bench_issue_copy`);
  }
}

export type WriteResult = { withSummaries: Latency; withoutSummaries: Latency; userTriggers: string[]; copyRows: number };

export async function measureWrites(client: pg.Client, n: number, issues: number): Promise<WriteResult> {
  await client.query('RESET ALL'); // the server's settings (synchronous_commit on), not the load's
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname || '.' || t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE NOT t.tgisinternal AND c.relname IN ('raised_issue', 'issue_status_change') ORDER BY 1`,
  );
  return {
    withSummaries: await withSummaries(client, n, issues),
    withoutSummaries: await withoutSummaries(client, n, issues),
    userTriggers: rows.map((r) => r.name),
    copyRows: Math.min(COPY_ROWS, issues),
  };
}
