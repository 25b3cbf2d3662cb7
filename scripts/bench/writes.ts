import type pg from 'pg';
import { type Latency, latencyOf, now, seeded } from './util';

// A status change as the app writes it: in one transaction, lock the issue, append its history
// row, update its current status. Both modes write the same tables of the same database, so the
// rows, indexes, cache and checkpoints are alike: "with summaries" runs every trigger, "without"
// disables only the summary triggers (stat_*), keeping the foreign-key checks. The modes take turns
// in blocks so a checkpoint falls on both alike. The touched issues are put back after each block.

const COMMENT = 'bench:stats write';
const BLOCKS = 4;

async function writeOnce(client: pg.Client, id: number): Promise<void> {
  await client.query('BEGIN');
  try {
    const { rows } = await client.query<{ status: string }>(`SELECT status FROM raised_issue WHERE id = $1 FOR UPDATE`, [id]);
    const from = rows[0]?.status;
    if (!from) throw new Error(`issue ${id} not found`);
    const to = from === 'RESOLVED' ? 'IN_EXECUTION' : 'RESOLVED';
    await client.query(
      `INSERT INTO issue_status_change (issue_id, from_status, to_status, effective_on, comment)
       VALUES ($1, $2::"IssueStatus", $3::"IssueStatus", current_date, $4)`,
      [id, from, to, COMMENT],
    );
    await client.query(
      `UPDATE raised_issue SET status = $2::"IssueStatus", resolved_on = CASE WHEN $2 = 'RESOLVED' THEN current_date END,
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

type Saved = { id: number; status: string; resolved_on: string | null; version: number; updated_at: Date };

/** Puts the issues back as they were and removes the benchmark's history rows. */
async function restore(client: pg.Client, saved: Saved[]): Promise<void> {
  await client.query('BEGIN');
  await client.query(`DELETE FROM issue_status_change WHERE comment = $1`, [COMMENT]);
  await client.query(
    `UPDATE raised_issue i SET status = s.status::"IssueStatus", resolved_on = s.resolved_on::date, version = s.version, updated_at = s.updated_at
     FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::timestamptz[]) AS s(id, status, resolved_on, version, updated_at)
     WHERE i.id = s.id`,
    [saved.map((r) => r.id), saved.map((r) => r.status), saved.map((r) => r.resolved_on), saved.map((r) => r.version), saved.map((r) => r.updated_at)],
  );
  await client.query('COMMIT');
}

/**
 * One block of writes. Without summaries, the summary triggers are off for the block and its
 * restore, so the summaries never see these writes and stay exact.
 */
async function block(client: pg.Client, ids: number[], summaries: boolean, triggers: SummaryTriggers): Promise<Timed> {
  const { rows: saved } = await client.query<Saved>(
    `SELECT id, status::text, resolved_on::text, version, updated_at FROM raised_issue WHERE id = ANY($1::int[])`, [ids],
  );
  if (!summaries) await setTriggers(client, triggers, false);
  try {
    const times: number[] = [];
    const started = now();
    for (const id of ids) {
      const t0 = now();
      await writeOnce(client, id);
      times.push(now() - t0);
    }
    const wall = (now() - started) / 1000;
    await restore(client, saved);
    return { times, wall };
  } finally {
    if (!summaries) await setTriggers(client, triggers, true);
  }
}

type SummaryTriggers = Array<{ table: string; name: string }>;
type Timed = { times: number[]; wall: number };

async function setTriggers(client: pg.Client, triggers: SummaryTriggers, on: boolean): Promise<void> {
  for (const t of triggers) await client.query(`ALTER TABLE "${t.table}" ${on ? 'ENABLE' : 'DISABLE'} TRIGGER "${t.name}"`);
}

export type WriteResult = { withSummaries: Latency; withoutSummaries: Latency; summaryTriggers: string[] };

export async function measureWrites(client: pg.Client, n: number, issues: number): Promise<WriteResult> {
  await client.query('RESET ALL'); // the server's settings (synchronous_commit on), not the load's
  const { rows } = await client.query<{ table: string; name: string; enabled: string }>(
    `SELECT c.relname AS table, t.tgname AS name, t.tgenabled AS enabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE NOT t.tgisinternal AND t.tgname LIKE 'stat\\_%' AND c.relname IN ('raised_issue', 'issue_status_change') ORDER BY 1, 2`,
  );
  // An earlier run stopped mid-block would have left them off; the summaries would then be stale.
  const off = rows.filter((r) => r.enabled === 'D');
  if (off.length) throw new Error(`summary triggers are disabled (${off.map((r) => r.name).join(', ')}): rebuild with SELECT stat_rebuild() and enable them`);
  const triggers = rows.map(({ table, name }) => ({ table, name }));

  const per = Math.max(1, Math.ceil(n / BLOCKS));
  const ids = pickIds(10 + per * BLOCKS * 2, issues, 20251231);
  await block(client, ids.slice(0, 5), true, triggers); // warm-up
  await block(client, ids.slice(5, 10), false, triggers);
  const runs = { with: [] as Timed[], without: [] as Timed[] };
  for (let b = 0; b < BLOCKS; b++) {
    const at = 10 + b * per * 2;
    runs.with.push(await block(client, ids.slice(at, at + per), true, triggers));
    runs.without.push(await block(client, ids.slice(at + per, at + 2 * per), false, triggers));
  }
  const total = (r: Timed[]) => latencyOf(r.flatMap((x) => x.times), r.reduce((s, x) => s + x.wall, 0));
  return { withSummaries: total(runs.with), withoutSummaries: total(runs.without), summaryTriggers: triggers.map((t) => `${t.table}.${t.name}`) };
}
