// The embedded database (src/server/db/embedded.ts) on a data folder: one process at a time
// holds the folder, and what was written survives a stop and a new start.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, startEmbeddedDatabase, type EmbeddedDatabase } from '@/server/db/embedded';

const tmpRoots: string[] = [];
const running: EmbeddedDatabase[] = [];

/** A data folder inside a fresh temporary folder: the lock (`<dataDir>.lock`) lands beside it, inside too. */
function tmpDataDir(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kz-embedded-'));
  tmpRoots.push(root);
  return path.join(root, 'data');
}

async function start(dataDir: string): Promise<EmbeddedDatabase> {
  const db = await startEmbeddedDatabase({ dataDir });
  running.push(db);
  return db;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

afterEach(async () => {
  // stop() is idempotent, so stopping an already stopped database here is harmless.
  for (const db of running.splice(0)) await db.stop();
  for (const root of tmpRoots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe('startEmbeddedDatabase on a data folder', () => {
  it('refuses a second start on the same folder while the first keeps working', async () => {
    const dataDir = tmpDataDir();
    const first = await start(dataDir);
    expect(first.dataDir).toBe(path.resolve(dataDir));
    expect(await query(first.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);

    const second = startEmbeddedDatabase({ dataDir });
    await expect(second).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(second).rejects.toThrow(path.resolve(dataDir));

    expect(await query(first.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('starts again after stop() and keeps the data written before', async () => {
    const dataDir = tmpDataDir();
    const first = await start(dataDir);
    await query(first.url, `CREATE TABLE kept (id INTEGER PRIMARY KEY, note TEXT NOT NULL)`);
    await query(first.url, `INSERT INTO kept (id, note) VALUES (1, 'before stop'), (2, 'also before stop')`);
    await first.stop();
    await first.stop(); // a second stop is a no-op

    const again = await start(dataDir);
    expect(again.url).not.toBe('');
    expect(await query(again.url, 'SELECT id, note FROM kept ORDER BY id')).toEqual([
      { id: 1, note: 'before stop' },
      { id: 2, note: 'also before stop' },
    ]);
    // …and it is the one holding the folder now.
    await expect(startEmbeddedDatabase({ dataDir })).rejects.toBeInstanceOf(DataDirInUseError);
  });

  it('takes over a folder whose holder crashed, once its lock has gone stale', async () => {
    const dataDir = tmpDataDir();
    fs.mkdirSync(dataDir, { recursive: true });
    // What a killed process leaves behind: the lock folder, no longer refreshed.
    const lock = `${path.resolve(dataDir)}.lock`;
    fs.mkdirSync(lock);
    const longAgo = new Date(Date.now() - 60_000);
    fs.utimesSync(lock, longAgo, longAgo);

    const db = await start(dataDir);
    expect(await query(db.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('right after its holder was killed, waits for the fresh lock to go stale instead of refusing', async () => {
    const dataDir = tmpDataDir();
    fs.mkdirSync(dataDir, { recursive: true });
    // A holder killed a moment ago: its lock still fresh, its pid (a process that has exited) in holder.pid.
    fs.mkdirSync(`${path.resolve(dataDir)}.lock`);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    fs.writeFileSync(path.join(dataDir, 'holder.pid'), String(dead));

    const db = await start(dataDir);
    expect(await query(db.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    expect(fs.readFileSync(path.join(dataDir, 'holder.pid'), 'utf8')).toBe(String(process.pid));
  });

  it('gives each in-memory database its own data', async () => {
    const a = await startEmbeddedDatabase();
    running.push(a);
    const b = await startEmbeddedDatabase();
    running.push(b);
    expect(a.dataDir).toBe(':memory:');
    expect(a.url).not.toBe(b.url);
    await query(a.url, 'CREATE TABLE only_in_a (id INTEGER)');
    expect(await query(b.url, `SELECT to_regclass('only_in_a')::text AS t`)).toEqual([{ t: null }]);
  });
});
