import { afterAll, beforeAll, expect, it } from 'vitest';
import { SEEDED_TABLES } from '../../prisma/seed/load';
import { seedDemoData } from '../../prisma/seed/seed-demo';
import { createTestDatabase, sqlPool, type TestDatabase } from '../support/database';

// Seeding two empty databases from scratch gives the same rows, to the byte.

let a: TestDatabase;
let b: TestDatabase;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  for (const db of [a, b]) expect((await seedDemoData(db.url)).seeded).toBe(true);
});

afterAll(async () => {
  await Promise.all([a?.drop(), b?.drop()]);
});

async function fingerprints(url: string): Promise<Record<string, string>> {
  const pool = sqlPool(url);
  try {
    const out: Record<string, string> = {};
    for (const table of [...SEEDED_TABLES, 'app_user']) {
      const { rows } = await pool.query<{ n: string; md5: string }>(
        `SELECT count(*) AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS md5 FROM "${table}" t`,
      );
      out[table] = `${rows[0]?.n}:${rows[0]?.md5}`;
    }
    return out;
  } finally {
    await pool.end();
  }
}

it('gives identical data in every seeded table', async () => {
  const [fa, fb] = await Promise.all([fingerprints(a.url), fingerprints(b.url)]);
  expect(Object.keys(fa)).toEqual([...SEEDED_TABLES, 'app_user']);
  expect(fa).toEqual(fb);
  expect(Number(fa.raised_issue?.split(':')[0])).toBeGreaterThan(60_000);
});
