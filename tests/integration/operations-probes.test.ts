// The operators' routes called as Next calls them: health without sign-in, readiness against the
// migrations, and /api/metrics off without METRICS_TOKEN and behind it otherwise. The app's own
// server around them (request log, X-Request-Id, SIGTERM) is tested as a process in tests/server.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openAppDatabase, type AppDatabase } from '../support/database';

type Get = (request: Request) => Promise<Response> | Response;
const TOKEN = 'metrics-token-for-the-probes-test';

let database: AppDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  database = await openAppDatabase();
  pool = database.pool;
  // A cold client's first connection is not what the probe's time limit is about.
  await (await import('@/server/db/client')).db().$queryRawUnsafe('SELECT 1');
});
afterAll(() => database?.close());

async function route(name: 'health/live' | 'health/ready' | 'metrics'): Promise<Get> {
  return ((await import(`@/app/api/${name}/route`)) as { GET: Get }).GET;
}

describe('health', () => {
  it('is live, and ready while every shipped migration is applied', async () => {
    const live = await (await route('health/live'))(new Request('http://localhost/api/health/live'));
    expect([live.status, await live.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await (await route('health/ready'))(new Request('http://localhost/api/health/ready'));
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ok' }]);
  });

  it('is not ready (503) while the database lacks one of them', async () => {
    await pool.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = (SELECT min(migration_name) FROM "_prisma_migrations")`);
    try {
      const ready = await (await route('health/ready'))(new Request('http://localhost/api/health/ready'));
      expect([ready.status, await ready.json()]).toEqual([503, { status: 'unavailable', failing: 'migrations' }]);
    } finally {
      await pool.query(`UPDATE "_prisma_migrations" SET rolled_back_at = NULL`);
    }
  });
});

describe('GET /api/metrics', () => {
  it('is a 404 while METRICS_TOKEN is unset, whatever is sent', async () => {
    vi.resetModules();
    delete process.env.METRICS_TOKEN;
    const get = await route('metrics');
    expect((await get(new Request('http://localhost/api/metrics', { headers: { authorization: `Bearer ${TOKEN}` } }))).status).toBe(404);
  });

  it('answers only its own bearer token, in Prometheus text with the pool read at the scrape', async () => {
    vi.resetModules();
    process.env.METRICS_TOKEN = TOKEN;
    try {
      const get = await route('metrics');
      const ask = (authorization?: string) => get(new Request('http://localhost/api/metrics', { headers: authorization ? { authorization } : {} }));
      expect((await ask()).status).toBe(401);
      expect((await ask(`Bearer ${TOKEN.slice(0, -1)}`)).status).toBe(401);
      expect((await ask(`Basic ${TOKEN}`)).status).toBe(401);
      // The app's pool is open by now (beforeAll, the readiness checks).
      const ok = await ask(`Bearer ${TOKEN}`);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await ok.text();
      expect(text).toMatch(/^kezdesu_db_pool_connections\{pool="primary",state="total"\} [1-9]/m);
      expect(text).toContain('# TYPE kezdesu_http_request_duration_seconds histogram');
      expect(text).toContain('# TYPE kezdesu_import_rows_total counter');
    } finally {
      delete process.env.METRICS_TOKEN;
    }
  });
});
