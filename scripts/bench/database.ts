import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { applyMigrations } from '../../src/server/db/migrations';
import { loadDataset } from '../../prisma/seed/load';
import { referenceDataset } from '../../prisma/seed/generate';
import { createRng } from '../../prisma/seed/rng';
import { SEED } from '../../prisma/seed/targets';
import { connect, withDatabase } from './util';

// The benchmark's own database: created (or reused), migrated, and given the seed's reference data.

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Creates kz_bench_<n> on the server of `serverUrl`; an existing one is dropped unless `reuse`. Returns its URL. */
export async function createDatabase(serverUrl: string, name: string, reuse: boolean): Promise<{ url: string; existed: boolean }> {
  const admin = await connect(serverUrl);
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    const existed = (rowCount ?? 0) > 0;
    if (existed && !reuse) await admin.query(`DROP DATABASE ${quoteIdent(name)} WITH (FORCE)`);
    if (!existed || !reuse) await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
    return { url: withDatabase(serverUrl, name), existed: existed && reuse };
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = await connect(serverUrl);
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export async function migrate(url: string): Promise<string[]> {
  const result = await applyMigrations(url);
  for (const w of result.warnings) console.warn(`  warning: ${w}`);
  return result.applied;
}

/** Regions from the CSV, units, officials, categories and bodies exactly as the demo seed makes them. */
export async function loadReference(client: pg.Client): Promise<Record<string, number>> {
  const ds = referenceDataset(createRng(SEED));
  await client.query('BEGIN');
  try {
    const counts = await loadDataset(client, ds);
    await client.query('COMMIT');
    return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** An admin and a fresh API token ('kz_' + 32 url-safe characters, stored as its sha256 hex). */
export async function createApiToken(client: pg.Client): Promise<string> {
  const token = `kz_${randomBytes(24).toString('base64url')}`; // 24 bytes = 32 characters
  const hash = createHash('sha256').update(token).digest('hex');
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO app_user (username, full_name, role, active, updated_at)
     VALUES ('bench-admin', 'Benchmark administrator', 'ADMIN', true, now())
     ON CONFLICT (username) DO UPDATE SET active = true, role = 'ADMIN' RETURNING id`,
  );
  const userId = rows[0]?.id;
  await client.query(
    `INSERT INTO api_token (user_id, name, prefix, token_hash, created_by_id, expires_at)
     VALUES ($1, 'stats benchmark', $2, $3, $1, now() + interval '1 day')`,
    [userId, token.slice(0, 10), hash],
  );
  return token;
}
