import pg from 'pg';
import { generateDataset } from './generate';
import { insertDemoUsers } from './demo-users';
import { loadDataset } from './load';

export type SeedResult = { seeded: false; reason: string } | { seeded: true; ms: number; counts: Record<string, number> };

/**
 * Loads the reference data and the demo dataset into an empty database, in one transaction.
 * A database that already holds regions is left untouched, so restarts add no duplicates.
 */
export async function seedDemoData(connectionString: string): Promise<SeedResult> {
  const started = Date.now();
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(20221231)');
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM region');
    if (Number(rows[0]?.n) > 0) {
      await client.query('ROLLBACK');
      return { seeded: false, reason: 'the database already holds data' };
    }
    const counts = await loadDataset(client, generateDataset());
    counts.app_user = await insertDemoUsers(client);
    await client.query('COMMIT');
    // Fresh statistics, or the planner guesses on tables it has never seen filled.
    await client.query('ANALYZE');
    return { seeded: true, ms: Date.now() - started, counts };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
