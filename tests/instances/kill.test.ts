// SIGKILL in the middle of an import commit and of a form save, then a restart: each write is
// there whole or not at all, and the database opens cleanly. On PostgreSQL the app is
// scripts/serve.ts; on the embedded database it is scripts/start.ts, which holds PGlite and
// spawns serve.ts: the whole process group is killed, as a crash of the machine would.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase } from '@/server/db/embedded';
import { applyMigrations } from '@/server/db/migrations';
import { checkImport, createPgDatabase, freePort, importCsv, meetingBody, seedWorld, sleep, startApp, waitFor, type App, type PgDatabase, type World } from './support';

type Count = (sql: string, params?: unknown[]) => Promise<number>;
const counter = (db: pg.Pool | pg.PoolClient): Count => async (sql, params = []) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;

/** Starts a streamed commit and returns once its first chunk is written: the transaction is open, with rows in it. */
async function commitUntilWriting(app: App, auth: Record<string, string>, id: string): Promise<{ done: number; total: number }> {
  const r = await fetch(`${app.base}/api/v1/imports/${id}/commit`, { method: 'POST', headers: { ...auth, accept: 'application/x-ndjson' } });
  expect(r.status).toBe(200);
  const reader = r.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) throw new Error(`the commit ended before writing: ${buffer}`);
    buffer += value;
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      const p = JSON.parse(line) as { phase?: string; done?: number; total?: number; status?: number };
      if (p.status !== undefined) throw new Error(`the commit answered before it was killed: ${line}`);
      if (p.phase === 'writing' && p.done! > 0 && p.done! < p.total!) {
        void reader.cancel().catch(() => undefined);
        return { done: p.done!, total: p.total! };
      }
    }
  }
}

const saveMeeting = (app: App, world: World, description: string, issues = 3) =>
  fetch(`${app.base}/api/v1/meetings`, { method: 'POST', headers: { ...world.editorToken, 'content-type': 'application/json' }, body: JSON.stringify(meetingBody(world, description, issues)) });

const IMPORT = { meetings: 4_000, issues: 3 } as const;
const IMPORT_ROWS = IMPORT.meetings * IMPORT.issues;
const importedMeetings = `meeting WHERE external_ref LIKE 'KILL-%'`;
const importedIssues = `raised_issue i JOIN meeting m ON m.id = i.meeting_id WHERE m.external_ref LIKE 'KILL-%'`;

describe('SIGKILL mid-write on PostgreSQL', () => {
  let database: PgDatabase;
  let world: World;
  let app: App;
  let port: number;
  let count: Count;
  const start = () => startApp({ port, env: { DATABASE_URL: database.url, DB_POOL_SIZE: '5' }, script: 'serve' });

  /** Waits until the killed app's server sessions have ended (PostgreSQL rolls their transactions back). */
  const settled = () => waitFor('the killed app’s sessions to end', async () => {
    const { rows } = await database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'`);
    return rows[0]!.n === 0 ? true : undefined;
  });

  beforeAll(async () => {
    database = await createPgDatabase();
    world = await seedWorld(database.pool);
    count = counter(database.pool);
    port = await freePort();
    app = await start();
  });

  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  it('an import commit killed after its first chunk leaves nothing; after a restart it commits whole', async () => {
    const checked = await checkImport(app.base, world.editorToken, await importCsv(world, 'KILL', IMPORT.meetings, IMPORT.issues));
    expect(checked.ready).toBe(IMPORT_ROWS);
    const at = await commitUntilWriting(app, world.editorToken, checked.id);
    await app.kill();
    await settled();
    expect(at.done).toBeLessThan(at.total);
    expect(await count(importedMeetings)).toBe(0);
    expect(await count(importedIssues)).toBe(0);
    expect(await count(`import_batch WHERE id = $1 AND status = 'COMMITTED'`, [checked.id])).toBe(0);

    app = await start();
    const again = await fetch(`${app.base}/api/v1/imports/${checked.id}/commit`, { method: 'POST', headers: world.editorToken });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ meetings: IMPORT.meetings, issues: IMPORT_ROWS, repeated: false });
    expect(await count(importedMeetings)).toBe(IMPORT.meetings);
    expect(await count(importedIssues)).toBe(IMPORT_ROWS);
    expect(await count(`audit_log WHERE action = 'import.commit' AND entity_id = $1`, [checked.id])).toBe(1);
  });

  it('a form save killed after writing its meeting and issues, before its audit row, leaves nothing', async () => {
    // The audit row is the save's last write: holding its table makes the save wait there, mid-transaction.
    const lock = await database.pool.connect();
    try {
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE audit_log IN EXCLUSIVE MODE');
      const pending = saveMeeting(app, world, 'Killed mid-save').then((r) => r.status, () => 'killed');
      // pg_locks, not pg_stat_activity: the latter is a snapshot taken once per transaction.
      const pid = await waitFor('the save to wait on the audit table', async () => {
        const { rows } = await database.pool.query<{ pid: number }>(`SELECT pid FROM pg_locks WHERE relation = 'audit_log'::regclass AND NOT granted`);
        return rows[0]?.pid;
      });
      const { rows: held } = await database.pool.query<{ rel: string }>(
        `SELECT relation::regclass::text AS rel FROM pg_locks WHERE pid = $1 AND granted AND mode = 'RowExclusiveLock'`, [pid]);
      expect(held.map((h) => h.rel)).toEqual(expect.arrayContaining(['meeting', 'raised_issue']));
      await app.kill();
      await lock.query('COMMIT');
      expect(await pending).toBe('killed');
    } finally {
      lock.release();
    }
    await settled();
    expect(await count(`raised_issue WHERE description LIKE 'Killed mid-save%'`)).toBe(0);
    expect(await count(`meeting m WHERE NOT EXISTS (SELECT 1 FROM raised_issue i WHERE i.meeting_id = m.id)`)).toBe(0);

    app = await start();
    const saved = await saveMeeting(app, world, 'Saved after the restart');
    expect(saved.status).toBe(201);
    const { id } = (await saved.json()) as { id: number };
    expect(await count(`raised_issue WHERE meeting_id = $1`, [id])).toBe(3);
    expect(await count(`audit_log WHERE action = 'meeting.create' AND entity_id = $1`, [String(id)])).toBe(1);
  });
});

describe('SIGKILL mid-write on the embedded database (npm start)', () => {
  let dataDir: string;
  let world: World;
  let app: App | undefined;
  let port: number;
  const start = () => startApp({ port, env: { DATA_DIR: dataDir }, unset: ['DATABASE_URL', 'DATABASE_REPLICA_URL'], script: 'start' });

  /** Opens the data folder itself, with the app stopped: after a crash it must open, and the rows be whole. */
  async function inspect<T>(work: (count: Count, pool: pg.Pool) => Promise<T>): Promise<T> {
    const db = await startEmbeddedDatabase({ dataDir });
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    try {
      return await work(counter(pool), pool);
    } finally {
      await pool.end();
      await db.stop();
    }
  }

  beforeAll(async () => {
    dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'instances-kill-')), 'data');
    // A prepared database (no demo data: its load takes longer than the test).
    const db = await startEmbeddedDatabase({ dataDir });
    await applyMigrations(db.url);
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    world = await seedWorld(pool);
    await pool.end();
    await db.stop();
    port = await freePort();
  });

  afterAll(async () => {
    await app?.stop();
    if (dataDir) fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('an import commit killed after its first chunk leaves nothing, and the folder opens cleanly', async () => {
    app = await start();
    const checked = await checkImport(app.base, world.editorToken, await importCsv(world, 'KILL', IMPORT.meetings, IMPORT.issues));
    expect(checked.ready).toBe(IMPORT_ROWS);
    await commitUntilWriting(app, world.editorToken, checked.id);
    await app.kill();
    app = undefined;
    // Opened right away: the crashed holder's lock must not refuse it, and the half-written transaction is gone.
    await inspect(async (count) => {
      expect(await count(importedMeetings)).toBe(0);
      expect(await count(importedIssues)).toBe(0);
      expect(await count(`import_batch WHERE id = $1 AND status = 'COMMITTED'`, [checked.id])).toBe(0);
    });

    // Form saves one after another, as an editor clicks, and the crash lands during one of them:
    // after two answered, the next is sent and the group killed at about half a save's time.
    app = await start();
    await saveMeeting(app, world, 'Warm-up', 1); // the first request loads the routes
    const answered: number[] = [];
    let lastMs = 0;
    while (answered.length < 2) {
      const t = Date.now();
      const r = await saveMeeting(app, world, `Save ${answered.length}`, 20);
      expect(r.status).toBe(201);
      answered.push(((await r.json()) as { id: number }).id);
      lastMs = Date.now() - t;
    }
    const inFlight = saveMeeting(app, world, 'Save killed', 20).then((r) => r.status, () => 'killed');
    await sleep(lastMs / 2);
    await app.kill();
    app = undefined;
    const fate = await inFlight;
    await inspect(async (count, pool) => {
      const { rows } = await pool.query<{ id: number; issues: number; audits: number }>(
        `SELECT m.id, (SELECT count(*)::int FROM raised_issue i WHERE i.meeting_id = m.id AND i.description LIKE 'Save %') AS issues,
           (SELECT count(*)::int FROM audit_log a WHERE a.action = 'meeting.create' AND a.entity_id = m.id::text) AS audits
         FROM meeting m WHERE EXISTS (SELECT 1 FROM raised_issue i WHERE i.meeting_id = m.id AND i.description LIKE 'Save %') ORDER BY m.id`);
      // The saves that answered are there, the killed one is there only if it answered; each is whole: 20 issues and its audit row.
      expect(rows.map((r) => r.id).slice(0, 2)).toEqual(answered);
      expect(rows).toHaveLength(fate === 201 ? 3 : 2);
      for (const row of rows) expect(row).toEqual({ id: row.id, issues: 20, audits: 1 });
      expect(await count(`meeting m WHERE NOT EXISTS (SELECT 1 FROM raised_issue i WHERE i.meeting_id = m.id)`)).toBe(0);
    });

    // After the crashes the app starts on the same folder and writes the import whole.
    app = await start();
    const again = await fetch(`${app.base}/api/v1/imports/${checked.id}/commit`, { method: 'POST', headers: world.editorToken });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ meetings: IMPORT.meetings, issues: IMPORT_ROWS, repeated: false });
    await app.stop();
    app = undefined;
    await inspect(async (count) => {
      expect(await count(importedMeetings)).toBe(IMPORT.meetings);
      expect(await count(importedIssues)).toBe(IMPORT_ROWS);
      expect(await count(`audit_log WHERE action = 'import.commit' AND entity_id = $1`, [checked.id])).toBe(1);
    });
  });
});
