// Two processes starting at once on an empty database (two `npm start`s, or the app and
// `npm run db:seed`) must load the demo data once: seedDemoData serialises on an advisory lock.
// The embedded database serves every connection from one PGlite session, so concurrent
// transactions need a real PostgreSQL server.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../prisma/seed/seed-demo';
import { createTestDatabase, hasRealServer, NEEDS_REAL_SERVER, type TestDatabase } from '../support/database';

let database: TestDatabase | undefined;

beforeAll(async () => {
  if (hasRealServer) database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

describe('seedDemoData', () => {
  it.skipIf(!hasRealServer)('two seeds at once load the data once ' + NEEDS_REAL_SERVER, { timeout: 120_000 }, async () => {
    const url = database!.url;
    const results = await Promise.all([seedDemoData(url), seedDemoData(url)]);

    const seeded = results.filter((r) => r.seeded);
    expect(seeded).toHaveLength(1);
    const skipped = results.find((r) => !r.seeded);
    expect(skipped).toEqual({ seeded: false, reason: 'the database already holds data' });

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const count = async (table: string) => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0]?.n);
      expect(await count('region')).toBe(20);
      // Every table holds exactly what the one seed reported loading, not twice that.
      const loaded = seeded[0]!.seeded ? seeded[0]!.counts : {};
      expect(Object.keys(loaded).length).toBeGreaterThan(0);
      for (const [table, n] of Object.entries(loaded)) expect(await count(table), table).toBe(n);
    } finally {
      await client.end();
    }
  });
});
