import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedDatabase } from '@/server/db/embedded';
import { applyMigrations } from '@/server/db/migrations';

// Every test file that writes gets a database of its own: a fresh database on the server
// named by TEST_DATABASE_URL, or else an in-memory embedded one.

export const REAL_SERVER_URL = process.env.TEST_DATABASE_URL;
export const hasRealServer = Boolean(REAL_SERVER_URL);
export const NEEDS_REAL_SERVER = '(needs a real PostgreSQL: set TEST_DATABASE_URL)';

export type TestDatabase = { url: string; drop: () => Promise<void> };

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const db = REAL_SERVER_URL ? await createOnServer(REAL_SERVER_URL) : await createEmbedded();
  if (options.migrate !== false) await applyMigrations(db.url);
  return db;
}

async function createEmbedded(): Promise<TestDatabase> {
  // One connection per client, as `npm start` does: PGlite is one session behind its socket.
  process.env.DB_POOL_SIZE = '1';
  const db = await startEmbeddedDatabase();
  return { url: db.url, drop: db.stop };
}

async function createOnServer(serverUrl: string): Promise<TestDatabase> {
  const name = `kz_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      // The app's pools point at this database when the test loaded them; close them first.
      if ((globalThis as { prisma?: unknown }).prisma) await (await import('@/server/db/client')).closeDb();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A pg pool on the test database, for SQL written in the test itself. */
export function sqlPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: hasRealServer ? 4 : 1 });
  // Dropping a test database ends its idle connections on purpose.
  pool.on('error', () => undefined);
  return pool;
}

export type AppDatabase = { url: string; pool: pg.Pool; close: () => Promise<void> };

/**
 * A database of this test file's own with the app pointed at it: DATABASE_URL is set here,
 * before the app's modules first read it, and `pool` is for SQL written in the test. `close`
 * closes the app's clients if the test loaded them, then the pool, then drops the database.
 */
export async function openAppDatabase(): Promise<AppDatabase> {
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  const pool = sqlPool(database.url);
  return {
    url: database.url,
    pool,
    close: async () => {
      if ((globalThis as { prisma?: unknown }).prisma) await (await import('@/server/db/client')).closeDb();
      await pool.end();
      await database.drop();
    },
  };
}
