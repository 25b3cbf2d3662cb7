// API tokens stay in the API (issue 14, findings 6 and 8): pages and server actions ignore a
// Bearer token, a read token is refused on writes, and the migration that brought scopes
// revoked the tokens of admins.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyMigrations, MIGRATIONS_DIR } from '@/server/db/migrations';
import { createReference, type Reference } from '../factories/reference';
import { createSession, createToken, createUser } from '../factories/users';
import { createTestDatabase, openAppDatabase, sqlPool, type AppDatabase } from '../support/database';

vi.mock('next/headers', () => ({ headers: vi.fn(), cookies: vi.fn() }));
vi.mock('next-intl/server', async () => (await import('../support/action-harness')).messagesAsKeys());

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

let database: AppDatabase;
let pool: pg.Pool;
let ref: Reference;

beforeAll(async () => {
  database = await openAppDatabase();
  pool = database.pool;
  ref = await createReference(pool);
});

afterAll(() => database?.close());

/** The headers pages and server actions read through next/headers. */
async function requestWith(h: Record<string, string>) {
  const { headers } = await import('next/headers');
  vi.mocked(headers).mockResolvedValue(new Headers(h) as never);
}

describe('a Bearer token outside /api/v1 (finding 6)', () => {
  it('does not sign in a page, even beside a cookie with the session cookie’s name', async () => {
    const user = await createUser(pool, { role: 'ANALYST' });
    const token = await createToken(pool, user.id);
    const { getCaller } = await import('@/server/auth/caller');
    await requestWith({ ...token.headers, cookie: 'next-auth.session-token=anything' });
    expect(await getCaller()).toBeNull();
    await requestWith(token.headers);
    expect(await getCaller()).toBeNull();
    // The session itself still works there.
    await requestWith((await createSession(pool, user.id)).headers);
    expect(await getCaller()).toMatchObject({ userId: user.id, via: 'session' });
  });

  it('does not run a server action: a leaked admin token cannot create an admin', async () => {
    const admin = await createUser(pool, { role: 'ADMIN', demo: true });
    // A token left from before admins were refused them.
    const token = await createToken(pool, admin.id);
    await requestWith(token.headers);
    const { createUser: createUserAction } = await import('@/features/users/actions');
    const result = await createUserAction(undefined, {
      username: 'minted.admin', fullName: 'Minted', role: 'ADMIN', password: 'steppe-horizon-4187-quiet',
    });
    expect(result).toMatchObject({ status: 'error', message: 'unauthenticated' });
    expect((await pool.query(`SELECT 1 FROM app_user WHERE username = 'minted.admin'`)).rows).toHaveLength(0);
  });

  it('still works on the API', async () => {
    const user = await createUser(pool, { role: 'ANALYST' });
    const health = (await import('@/app/api/v1/health/route')).GET as Handler;
    const response = await health(new Request('http://localhost/api/v1/health', { headers: (await createToken(pool, user.id, { scope: 'READ' })).headers }), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
  });
});

describe('token scopes', () => {
  const post = async (handler: Handler, headers: Record<string, string>, body: unknown) =>
    handler(
      new Request('http://localhost/api/v1/meetings', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      { params: Promise.resolve({}) },
    );

  it('refuse a write with a read token (403, audited) and let a read-write token through to the checks', async () => {
    const editor = await createUser(pool, { role: 'AKIMAT_EDITOR', regionId: ref.regionId });
    const meetings = (await import('@/app/api/v1/meetings/route')) as unknown as { GET: Handler; POST: Handler };
    const read = await createToken(pool, editor.id, { scope: 'READ' });
    const write = await createToken(pool, editor.id, { scope: 'READ_WRITE' });

    const refused = await post(meetings.POST, read.headers, {});
    expect(refused.status).toBe(403);
    const audit = await pool.query(`SELECT after FROM audit_log WHERE action = 'access.denied' AND user_id = $1`, [editor.id]);
    expect(audit.rows.map((r) => r.after)).toEqual([expect.objectContaining({ permission: 'token.read', via: 'token' })]);
    // The same empty body with a read-write token reaches the form's schema.
    expect((await post(meetings.POST, write.headers, {})).status).toBe(400);
    // Reading is what a read token is for.
    const list = await meetings.GET(new Request('http://localhost/api/v1/meetings', { headers: read.headers }), { params: Promise.resolve({}) });
    expect(list.status).toBe(200);
  });
});

describe('the token-scope migration', () => {
  it('revokes the live tokens of admins and keeps the others writing', async () => {
    const all = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    const scopes = all.findIndex((name) => name.endsWith('_token_scope'));
    expect(scopes).toBeGreaterThan(0);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kz-migrations-'));
    const test = await createTestDatabase({ migrate: false });
    const sql = sqlPool(test.url);
    try {
      await cp(path.join(MIGRATIONS_DIR, 'migration_lock.toml'), path.join(dir, 'migration_lock.toml'));
      for (const name of all.slice(0, scopes)) await cp(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
      await applyMigrations(test.url, dir);
      const admin = await createUser(sql, { role: 'ADMIN' });
      const analyst = await createUser(sql, { role: 'ANALYST' });
      const insert = `INSERT INTO api_token (user_id, name, prefix, token_hash, expires_at) VALUES ($1, 't', 'kz_', $2, now() + interval '1 day')`;
      await sql.query(insert, [admin.id, 'a'.repeat(64)]);
      await sql.query(insert, [analyst.id, 'b'.repeat(64)]);

      await applyMigrations(test.url);
      const { rows } = await sql.query<{ user_id: number; revoked: boolean; scope: string }>(
        'SELECT user_id, revoked_at IS NOT NULL AS revoked, scope::text FROM api_token ORDER BY id',
      );
      expect(rows).toEqual([
        { user_id: admin.id, revoked: true, scope: 'READ_WRITE' },
        { user_id: analyst.id, revoked: false, scope: 'READ_WRITE' },
      ]);
    } finally {
      await sql.end();
      await test.drop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
