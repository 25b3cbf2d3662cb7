// The offline migration runner (src/server/db/migrations.ts) must leave a database exactly
// as `prisma migrate deploy` would, apply each migration atomically, and never re-apply one.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from '@/server/db/migrations';
import { createTestDatabase, type TestDatabase } from '../support/database';

type MigrationRow = {
  id: string;
  checksum: string;
  migration_name: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
};

// The expectation is computed here from the files' bytes, independently of readMigrations.
const realMigrations = fs
  .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort()
  .map((name) => {
    const bytes = fs.readFileSync(path.join(MIGRATIONS_DIR, name, 'migration.sql'));
    return { name, checksum: createHash('sha256').update(bytes).digest('hex') };
  });

const databases: TestDatabase[] = [];
const tmpDirs: string[] = [];

async function freshDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase({ migrate: false });
  databases.push(db);
  return db;
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const migrationRows = (url: string) =>
  withClient(url, async (c) => (await c.query<MigrationRow>('SELECT * FROM "_prisma_migrations" ORDER BY migration_name')).rows);

const tableExists = (url: string, table: string) =>
  withClient(url, async (c) => {
    const { rows } = await c.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [`public."${table}"`]);
    return rows[0]?.t != null;
  });

/** A copy of the real migrations in a fresh temporary folder, plus extra migration folders. */
function migrationsCopy(extra: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kz-migrations-'));
  tmpDirs.push(dir);
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

afterEach(() => {
  for (const dir of tmpDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

afterAll(async () => {
  for (const db of databases.splice(0)) await db.drop();
});

describe('readMigrations', () => {
  it('lists every migration folder in name order with the sha256 of its file', async () => {
    expect(realMigrations.length).toBeGreaterThan(0);
    const read = await readMigrations();
    expect(read.map(({ name, checksum }) => ({ name, checksum }))).toEqual(realMigrations);
    // migration_lock.toml sits beside the folders and is not a migration.
    expect(read.map((m) => m.name)).not.toContain('migration_lock.toml');
  });
});

describe('applyMigrations on a fresh database', () => {
  let url: string;

  beforeAll(async () => {
    url = (await freshDatabase()).url;
  });

  it('applies every migration and records it the way Prisma does', async () => {
    expect(await tableExists(url, '_prisma_migrations')).toBe(false);
    expect(await tableExists(url, 'meeting')).toBe(false);

    const before = Date.now();
    const result = await applyMigrations(url);
    expect(result).toEqual({ applied: realMigrations.map((m) => m.name), alreadyApplied: 0, warnings: [] });

    for (const table of ['region', 'meeting', 'raised_issue', 'issue_status_change', 'audit_log']) {
      expect(await tableExists(url, table), table).toBe(true);
    }
    const rows = await migrationRows(url);
    expect(rows.map((r) => ({ name: r.migration_name, checksum: r.checksum }))).toEqual(
      realMigrations.map((m) => ({ name: m.name, checksum: m.checksum })),
    );
    for (const row of rows) {
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      // Database clock against test clock: allow a minute of skew either way.
      expect(Math.abs(row.finished_at!.getTime() - before)).toBeLessThan(60_000);
    }
  });

  it('creates _prisma_migrations with the columns and types of Prisma’s own table', async () => {
    const columns = await withClient(url, async (c) =>
      (
        await c.query<{ column_name: string; data_type: string; is_nullable: string; character_maximum_length: number | null }>(
          `SELECT column_name, data_type, is_nullable, character_maximum_length FROM information_schema.columns
           WHERE table_schema = 'public' AND table_name = '_prisma_migrations' ORDER BY ordinal_position`,
        )
      ).rows,
    );
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'character varying', is_nullable: 'NO', character_maximum_length: 36 },
      { column_name: 'checksum', data_type: 'character varying', is_nullable: 'NO', character_maximum_length: 64 },
      { column_name: 'finished_at', data_type: 'timestamp with time zone', is_nullable: 'YES', character_maximum_length: null },
      { column_name: 'migration_name', data_type: 'character varying', is_nullable: 'NO', character_maximum_length: 255 },
      { column_name: 'logs', data_type: 'text', is_nullable: 'YES', character_maximum_length: null },
      { column_name: 'rolled_back_at', data_type: 'timestamp with time zone', is_nullable: 'YES', character_maximum_length: null },
      { column_name: 'started_at', data_type: 'timestamp with time zone', is_nullable: 'NO', character_maximum_length: null },
      { column_name: 'applied_steps_count', data_type: 'integer', is_nullable: 'NO', character_maximum_length: null },
    ]);
  });

  it('applies nothing the second time and leaves the records alone', async () => {
    const rowsBefore = await migrationRows(url);
    const result = await applyMigrations(url);
    expect(result).toEqual({ applied: [], alreadyApplied: realMigrations.length, warnings: [] });
    expect(await migrationRows(url)).toEqual(rowsBefore);
  });
});

describe('applyMigrations with a failing migration', () => {
  const BROKEN = '20990101000000_broken_probe';

  it('throws with the migration’s name and leaves nothing of it behind', async () => {
    const { url } = await freshDatabase();
    const dir = migrationsCopy({
      [BROKEN]: `CREATE TABLE "broken_probe" ("id" INTEGER NOT NULL PRIMARY KEY);
INSERT INTO "broken_probe" ("id") VALUES (1);
ALTER TABLE "no_such_table" ADD COLUMN "x" INTEGER;
`,
    });

    const error = await applyMigrations(url, dir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(BROKEN);
    expect((error as Error).message).toMatch(/no_such_table/);

    // The valid migrations before it were applied and recorded …
    expect(await tableExists(url, 'meeting')).toBe(true);
    const rows = await migrationRows(url);
    expect(rows.map((r) => r.migration_name)).toEqual(realMigrations.map((m) => m.name));
    // … but the broken one left no table and no record, not even an unfinished one.
    expect(await tableExists(url, 'broken_probe')).toBe(false);
    expect(rows.find((r) => r.migration_name === BROKEN)).toBeUndefined();

    // The lock was released and the database is usable: once fixed, the migration applies.
    fs.writeFileSync(path.join(dir, BROKEN, 'migration.sql'), 'CREATE TABLE "broken_probe" ("id" INTEGER NOT NULL PRIMARY KEY);\n');
    const retry = await applyMigrations(url, dir);
    expect(retry).toEqual({ applied: [BROKEN], alreadyApplied: realMigrations.length, warnings: [] });
    expect(await tableExists(url, 'broken_probe')).toBe(true);
    const fixed = (await migrationRows(url)).find((r) => r.migration_name === BROKEN);
    expect(fixed?.checksum).toBe(createHash('sha256').update(fs.readFileSync(path.join(dir, BROKEN, 'migration.sql'))).digest('hex'));
    expect(fixed?.finished_at).toBeInstanceOf(Date);
    expect(fixed?.applied_steps_count).toBe(1);
  });

  it('rolls the migration back when recording it fails, so SQL and record go together', async () => {
    // PostgreSQL already runs a multi-statement query string atomically, so the case above would
    // pass without the runner's BEGIN. Here the migration's own SQL succeeds and only the INSERT
    // into _prisma_migrations fails: without one transaction around both, the table would stay.
    const { url } = await freshDatabase();
    const dir = migrationsCopy({
      [BROKEN]: `CREATE TABLE "broken_probe" ("id" INTEGER NOT NULL PRIMARY KEY);
ALTER TABLE "_prisma_migrations" ADD CONSTRAINT "refuse_probe" CHECK ("migration_name" <> '${BROKEN}') NOT VALID;
`,
    });
    await expect(applyMigrations(url, dir)).rejects.toThrow(BROKEN);
    expect(await tableExists(url, 'broken_probe')).toBe(false);
    expect((await migrationRows(url)).map((r) => r.migration_name)).toEqual(realMigrations.map((m) => m.name));
    const constraints = await withClient(url, async (c) =>
      (await c.query(`SELECT conname FROM pg_constraint WHERE conname = 'refuse_probe'`)).rowCount,
    );
    expect(constraints).toBe(0);
  });

  it('refuses to go on past a migration Prisma recorded as started but unfinished', async () => {
    const { url } = await freshDatabase();
    await applyMigrations(url);
    await withClient(url, (c) =>
      c.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ('00000000-0000-4000-8000-000000000000', $1, $2, now(), NULL, 0)`,
        ['0'.repeat(64), BROKEN],
      ),
    );
    const dir = migrationsCopy({ [BROKEN]: 'CREATE TABLE "broken_probe" ("id" INTEGER);\n' });
    await expect(applyMigrations(url, dir)).rejects.toThrow(BROKEN);
    expect(await tableExists(url, 'broken_probe')).toBe(false);
  });
});

describe('applyMigrations after a migration file changed', () => {
  const EXTRA = '20990101000000_checksum_probe';

  it('warns about the changed checksum and does not apply the migration again', async () => {
    const { url } = await freshDatabase();
    const dir = migrationsCopy({ [EXTRA]: 'CREATE TABLE "checksum_probe" ("id" INTEGER NOT NULL PRIMARY KEY);\n' });
    const first = await applyMigrations(url, dir);
    expect(first.applied).toEqual([...realMigrations.map((m) => m.name), EXTRA]);
    const recorded = await migrationRows(url);

    // Edit the applied migration: were it run again, the new table would appear (and the old CREATE would fail).
    fs.appendFileSync(path.join(dir, EXTRA, 'migration.sql'), 'CREATE TABLE "checksum_probe_again" ("id" INTEGER);\n');
    const second = await applyMigrations(url, dir);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBe(realMigrations.length + 1);
    expect(second.warnings).toHaveLength(1);
    expect(second.warnings[0]).toContain(EXTRA);
    expect(second.warnings[0]).toMatch(/modified/);

    expect(await tableExists(url, 'checksum_probe_again')).toBe(false);
    // The record keeps the checksum of what was actually applied.
    expect(await migrationRows(url)).toEqual(recorded);
  });
});
