// Issue 14's sign-in findings against a database of this file's own: no lockout by other people's
// failures, guessing kept slow (#4), a TOTP code works once (#5), the demo accounts never face the
// network (#7), wrong current passwords count as failed sign-ins (#9), and Origin is compared
// with the configured origin, not X-Forwarded-Host (#13).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-users';
import { createReference } from '../factories/reference';
import { callerFor, createSession, createUser, type TestUser } from '../factories/users';
import { openActionDatabase, type Action, type ActionDatabase } from '../support/action-harness';
import { hasRealServer, NEEDS_REAL_SERVER } from '../support/database';

vi.mock('@/server/auth/caller', async (orig) => (await import('../support/action-harness')).mockGetCaller(orig));
vi.mock('next-intl/server', async () => (await import('../support/action-harness')).messagesAsKeys());

type SignIn = typeof import('@/server/auth/sign-in');
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

let database: ActionDatabase & { url?: string };
let pool: pg.Pool;
let signIn: SignIn;

beforeAll(async () => {
  database = await openActionDatabase();
  pool = database.pool;
  signIn = await import('@/server/auth/sign-in');
});

afterAll(() => database?.close());

const analyst = () => createUser(pool, { role: 'ANALYST' });
const WRONG = 'wrong password here';

type Extra = { totp?: string; cookies?: Record<string, string>; ip?: string };
const attempt = (user: Pick<TestUser, 'username'>, password: string, extra: Extra = {}) =>
  signIn.signInWithPassword({ username: user.username, password, ip: extra.ip ?? '192.0.2.1', userAgent: 'vitest', ...extra });
const reasonOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (error) {
    if (error instanceof signIn.SignInError) return error.reason;
    throw error;
  }
};
const cookieJar = (signedIn: { device: { name: string; value: string } }) => ({ [signedIn.device.name]: signedIn.device.value });

/** Moves a throttle key's clock back, as if `ms` had passed. */
const pass = (key: string, ms: number) =>
  pool.query(
    `UPDATE sign_in_throttle SET locked_until = locked_until - make_interval(secs => $2::float8 / 1000),
       last_failure_at = last_failure_at - make_interval(secs => $2::float8 / 1000),
       first_failure_at = first_failure_at - make_interval(secs => $2::float8 / 1000) WHERE key = $1`,
    [key, ms],
  );
const lockLeftMs = async (key: string) =>
  Number((await pool.query<{ ms: number }>(`SELECT extract(epoch FROM locked_until - now()) * 1000 AS ms FROM sign_in_throttle WHERE key = $1`, [key])).rows[0]?.ms ?? 0);

describe('#4 no lockout by other people’s failures', () => {
  it('accepts a correct password from an address where others failed 30 times (an office behind one NAT)', async () => {
    const office = '198.51.100.20';
    for (let i = 0; i < 6; i += 1) {
      const colleague = await analyst();
      for (let j = 0; j < 5; j += 1) expect(await reasonOf(attempt(colleague, WRONG, { ip: office }))).toBe('INVALID');
    }
    const user = await analyst();
    expect(await reasonOf(attempt(user, user.password, { ip: office }))).toBe('OK');
  });

  it('lets a browser the user signed in from before in while a guesser has locked the account', async () => {
    const user = await analyst();
    const earlier = await attempt(user, user.password);
    expect(earlier.device?.name).toMatch(/^kz-device-/);
    const reasons = [];
    for (let i = 0; i < 30; i += 1) reasons.push(await reasonOf(attempt(user, WRONG, { ip: `203.0.113.${i}` })));
    expect(reasons.filter((r) => r === 'INVALID')).toHaveLength(5);
    expect(reasons.slice(5).every((r) => r === 'LOCKED')).toBe(true);
    // Unknown devices wait, even with the right password…
    expect(await reasonOf(attempt(user, user.password))).toBe('LOCKED');
    // …but the user's own browser signs in, and gets a fresh device cookie.
    const again = await attempt(user, user.password, { cookies: cookieJar(earlier) });
    expect(again.userId).toBe(user.id);
    expect(again.device.value).not.toBe(earlier.device.value);
  });

  it('does not take another user’s device cookie, or a forged one, as this user’s', async () => {
    const user = await analyst();
    const other = await analyst();
    const othersDevice = (await attempt(other, other.password)).device;
    for (let i = 0; i < 5; i += 1) await reasonOf(attempt(user, WRONG));
    const { deviceCookieName } = await import('@/server/auth/device');
    const name = deviceCookieName(user.username);
    for (const value of [othersDevice.value, `${othersDevice.value.split('.')[0]}.forged`, 'x.y', '']) {
      expect(await reasonOf(attempt(user, user.password, { cookies: { [name]: value } })), value).toBe('LOCKED');
    }
  });

  it('counts a known device’s own failures against that device only', async () => {
    const user = await analyst();
    const device = cookieJar(await attempt(user, user.password));
    const reasons = [];
    for (let i = 0; i < 6; i += 1) reasons.push(await reasonOf(attempt(user, WRONG, { cookies: device })));
    // Five free failures, then the device is locked and is treated as unknown: the account itself is not locked.
    expect(reasons.slice(0, 5)).toEqual(['INVALID', 'INVALID', 'INVALID', 'INVALID', 'INVALID']);
    expect(reasons[5]).toBe('INVALID');
    expect(await reasonOf(attempt(user, user.password))).toBe('OK');
  });

  it('allows at most about 10 guesses per account in 15 minutes from unknown devices, each lock longer than the last', async () => {
    const user = await analyst();
    const key = `user:${user.username}`;
    let elapsed = 0;
    let guesses = 0;
    const locks: number[] = [];
    while (elapsed <= 15 * 60_000) {
      const reason = await reasonOf(attempt(user, WRONG, { ip: `203.0.113.${guesses}` }));
      if (reason === 'INVALID') {
        guesses += 1;
        continue;
      }
      expect(reason).toBe('LOCKED');
      const wait = Math.ceil(await lockLeftMs(key)) + 1_000;
      locks.push(Math.round(wait / 1000));
      elapsed += wait;
      await pass(key, wait);
    }
    expect(guesses).toBeGreaterThanOrEqual(5);
    expect(guesses).toBeLessThanOrEqual(10);
    for (let i = 1; i < locks.length; i += 1) expect(locks[i]).toBeGreaterThan(locks[i - 1]!);
    // After an hour without failures the count starts again.
    await pass(key, 61 * 60_000);
    expect(await reasonOf(attempt(user, user.password))).toBe('OK');
  });

  it('records the address the app’s server decided, not one the client forged', async () => {
    const { callerFromHeaders } = await import('@/server/auth/caller');
    const user = await analyst();
    const session = await createSession(pool, user.id);
    const caller = await callerFromHeaders(new Headers({ ...session.headers, 'x-forwarded-for': '203.0.113.66', 'x-real-ip': '203.0.113.67' }));
    expect(caller?.ip).toBeNull();
    const { CLIENT_ADDRESS_HEADER } = await import('@/server/http/client-address');
    const served = await callerFromHeaders(new Headers({ ...session.headers, 'x-forwarded-for': '203.0.113.66', [CLIENT_ADDRESS_HEADER]: '192.0.2.8' }));
    expect(served?.ip).toBe('192.0.2.8');
  });
});

describe('#5 TOTP', () => {
  it('accepts each code once, and no code of an earlier step after it', async () => {
    const { currentTotp, newTotpSecret } = await import('@/server/auth/totp');
    const secret = newTotpSecret();
    const user = await createUser(pool, { role: 'MANAGER', totpSecret: secret });
    const now = Date.now();
    const code = currentTotp(secret, now);
    expect(await reasonOf(attempt(user, user.password, { totp: code }))).toBe('OK');
    expect(await reasonOf(attempt(user, user.password, { totp: code }))).toBe('TOTP_INVALID');
    const earlier = currentTotp(secret, now - 30_000);
    if (earlier !== code) expect(await reasonOf(attempt(user, user.password, { totp: earlier }))).toBe('TOTP_INVALID');
    // The next step's code (one step of clock drift) is new, so it works, once.
    const next = currentTotp(secret, now + 30_000);
    expect(await reasonOf(attempt(user, user.password, { totp: next }))).toBe('OK');
    expect(await reasonOf(attempt(user, user.password, { totp: next }))).toBe('TOTP_INVALID');
    const { rows } = await pool.query<{ totp_last_step: number }>('SELECT totp_last_step FROM app_user WHERE id = $1', [user.id]);
    expect(rows[0]!.totp_last_step).toBe(Math.floor((now + 30_000) / 30_000));
  });
});

describe('#9 changing a password', () => {
  it('counts wrong current passwords as failed sign-ins, under the same lock', async () => {
    const { changePassword } = (await import('@/features/account/actions')) as unknown as { changePassword: Action };
    const user = await analyst();
    database.getCaller.mockResolvedValue(callerFor(user, { ip: '192.0.2.9' }));
    const change = (currentPassword: string) =>
      changePassword(undefined, { currentPassword, newPassword: 'a brand new passphrase 2026', confirmPassword: 'a brand new passphrase 2026' });
    for (let i = 0; i < 5; i += 1) expect((await change(WRONG)).fields).toEqual({ currentPassword: 'currentPasswordWrong' });
    // Locked now: even the right current password waits, and so does signing in from an unknown device.
    const refused = await change(user.password);
    expect(refused).toMatchObject({ status: 'error', fields: { currentPassword: 'tooManyAttempts' } });
    expect(await reasonOf(attempt(user, user.password))).toBe('LOCKED');
    const audit = await pool.query(`SELECT ip FROM audit_log WHERE action = 'auth.sign_in_failed' AND user_id = $1`, [user.id]);
    expect(audit.rows).toHaveLength(5);
    expect(audit.rows[0]).toEqual({ ip: '192.0.2.9' });
    // When the lock is over, the right password changes it.
    await pool.query(`DELETE FROM sign_in_throttle WHERE key = $1`, [`user:${user.username}`]);
    expect((await change(user.password)).status).toBe('ok');
  });
});

describe('#13 the Origin check', () => {
  it('compares Origin with the configured origin, not X-Forwarded-Host or Host', async () => {
    const post = (await import('@/app/api/v1/meetings/route')).POST as Handler;
    const ref = await createReference(pool);
    const editor = await createUser(pool, { role: 'AKIMAT_EDITOR', regionId: ref.regionId });
    const session = await createSession(pool, editor.id);
    const send = (origin: string, host: string) =>
      post(new Request(`http://${host}/api/v1/meetings`, {
        method: 'POST', body: '{}',
        headers: { ...session.headers, 'content-type': 'application/json', origin, host, 'x-forwarded-host': host },
      }), { params: Promise.resolve({}) });
    expect((await send('http://evil.example', 'evil.example')).status).toBe(403);
    expect((await send('http://localhost.evil.example:3000', 'localhost.evil.example:3000')).status).toBe(403);
    // The site's own origin gets past the check to the body's validation.
    expect((await send('http://localhost:3000', 'localhost:3000')).status).not.toBe(403);
    const { rows } = await pool.query(`SELECT 1 FROM audit_log WHERE action = 'access.denied' AND user_id = $1`, [editor.id]);
    expect(rows).toHaveLength(2);
  });
});

describe('#7 demo accounts', () => {
  it('finds demo accounts that still have the demo password', async () => {
    const { demoAccountsWithDemoPassword } = await import('../../prisma/seed/demo-guard');
    expect(await demoAccountsWithDemoPassword(pool)).toEqual([]);
    const admin = await createUser(pool, { role: 'ADMIN', username: 'admin', password: DEMO_PASSWORD, demo: true });
    await createUser(pool, { role: 'ANALYST', username: 'analyst', password: 'a real password of its own', demo: true });
    expect(await demoAccountsWithDemoPassword(pool)).toEqual(['admin']);
    await pool.query('UPDATE app_user SET active = false WHERE id = $1', [admin.id]);
    expect(await demoAccountsWithDemoPassword(pool)).toEqual([]);
    await pool.query('UPDATE app_user SET active = true WHERE id = $1', [admin.id]);
  });

  it.skipIf(!hasRealServer)(`npm start refuses a network address while they exist, and SEED_DEMO=1 in production ${NEEDS_REAL_SERVER}`, { timeout: 120_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kz-start-'));
    const start = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
        encoding: 'utf8', timeout: 90_000,
        env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: dataDir, PORT: '3999', SEED_DEMO: '0', ...env },
      });
    const exposed = start({ HOST: '0.0.0.0' });
    expect(exposed.status).toBe(1);
    expect(exposed.stderr).toMatch(/Refusing to listen on 0\.0\.0\.0[\s\S]*admin[\s\S]*npm run user:create/);
    const production = start({ HOST: '127.0.0.1', SEED_DEMO: '1', NODE_ENV: 'production' });
    expect(production.status).toBe(1);
    expect(production.stderr).toMatch(/SEED_DEMO=1 is refused[\s\S]*npm run user:create/);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
