// Sessions, API tokens, sign-in and the audit trail, against a database of its own with
// small hand-made data: what ends a session or a token at the next request, the sign-in
// lock and second factor, and an audit log that only grows.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting } from '../factories/issues';
import { createReference } from '../factories/reference';
import { createSession, createToken, createUser, sessionHeaders, sessionJwt, type TestUser } from '../factories/users';
import { openAppDatabase, type AppDatabase } from '../support/database';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type SignIn = typeof import('@/server/auth/sign-in');

let database: AppDatabase;
let pool: pg.Pool;
let health: Handler;
let meetings: Handler;
let signIn: SignIn;

beforeAll(async () => {
  database = await openAppDatabase();
  pool = database.pool;
  health = (await import('@/app/api/v1/health/route')).GET as Handler;
  meetings = (await import('@/app/api/v1/meetings/route')).GET as Handler;
  signIn = await import('@/server/auth/sign-in');
});

afterAll(() => database?.close());

const status = async (handler: Handler, headers: Record<string, string>) =>
  (await handler(new Request('http://localhost/api/v1/x', { headers }), { params: Promise.resolve({}) })).status;

const analyst = () => createUser(pool, { role: 'ANALYST' });
const HOUR = 3_600_000;

describe('sessions and tokens', () => {
  it('stop working at once when the user is disabled', async () => {
    const user = await analyst();
    const session = await createSession(pool, user.id);
    const token = await createToken(pool, user.id);
    expect(await status(health, session.headers)).toBe(200);
    expect(await status(meetings, token.headers)).toBe(200);
    await pool.query('UPDATE app_user SET active = false WHERE id = $1', [user.id]);
    expect(await status(health, session.headers)).toBe(401);
    expect(await status(meetings, session.headers)).toBe(401);
    expect(await status(health, token.headers)).toBe(401);
    expect(await status(meetings, token.headers)).toBe(401);
  });

  it('end a session when the user version is bumped', async () => {
    const user = await analyst();
    const session = await createSession(pool, user.id);
    expect(await status(health, session.headers)).toBe(200);
    await pool.query('UPDATE app_user SET version = version + 1 WHERE id = $1', [user.id]);
    expect(await status(health, session.headers)).toBe(401);
    // A new sign-in carries the new version.
    expect(await status(health, (await createSession(pool, user.id)).headers)).toBe(200);
  });

  it('refuse revoked, expired and idle sessions', async () => {
    const user = await analyst();
    const cases = [
      { revokedAt: new Date() },
      { expiresAt: new Date(Date.now() - 1000) },
      { lastSeenAt: new Date(Date.now() - 24 * HOUR) },
    ];
    for (const options of cases) expect(await status(health, (await createSession(pool, user.id, options)).headers)).toBe(401);
  });

  it('refuse a revoked or an expired token', async () => {
    const user = await analyst();
    expect(await status(health, (await createToken(pool, user.id, { revokedAt: new Date() })).headers)).toBe(401);
    expect(await status(health, (await createToken(pool, user.id, { expiresAt: new Date(Date.now() - 1000) })).headers)).toBe(401);
    const live = await createToken(pool, user.id);
    expect(await status(health, live.headers)).toBe(200);
    await pool.query('UPDATE api_token SET revoked_at = now() WHERE id = $1', [live.id]);
    expect(await status(health, live.headers)).toBe(401);
  });

  it('refuse forged, foreign and malformed credentials', async () => {
    const user = await analyst();
    const session = await createSession(pool, user.id);
    const claims = { sid: session.sessionId, uid: user.id, ver: 1 };
    const forged = await sessionJwt(claims, 'another-secret-of-at-least-32-characters!!');
    expect(await status(health, sessionHeaders(forged))).toBe(401);
    // A session row of one user named in a cookie of another.
    const other = await analyst();
    expect(await status(health, sessionHeaders(await sessionJwt({ ...claims, uid: other.id })))).toBe(401);
    const junk: Array<Record<string, string>> = [
      { cookie: 'next-auth.session-token=garbage' },
      { cookie: 'next-auth.session-token=' },
      { cookie: 'next-auth.session-token=%E0%A4%A' },
      { cookie: 'next-auth.session-token=%E0%A4' },
      { authorization: 'Bearer kz_not-a-real-token-0123456789' },
      { authorization: 'Bearer ' },
      { authorization: 'Basic YWRtaW46a2V6ZGVzdS1kZW1v' },
    ];
    for (const headers of junk) {
      expect(await status(health, headers), JSON.stringify(headers)).toBe(401);
    }
  });
});

describe('client-supplied addresses', () => {
  it('audits a denial even when X-Forwarded-For is oversized', async () => {
    const ref = await createReference(pool);
    const meeting = await createMeeting(pool, ref, { heldOn: '2022-03-01', kind: 'CENTRAL' });
    const otherBody = (await createReference(pool)).centralBodyId;
    const editor = await createUser(pool, { role: 'MINISTRY_EDITOR', centralBodyId: otherBody });
    const headers = { ...(await createSession(pool, editor.id)).headers, 'x-forwarded-for': `${'9'.repeat(300)}, 10.0.0.1` };
    const byMeeting = await import('@/app/api/v1/meetings/[id]/route');
    const response = await byMeeting.GET(new Request('http://localhost/api/v1/meetings/1', { headers }), { params: Promise.resolve({ id: String(meeting.id) }) });
    expect(response.status).toBe(403);
    const { rows } = await pool.query(`SELECT ip FROM audit_log WHERE action = 'access.denied' AND user_id = $1`, [editor.id]);
    expect(rows).toHaveLength(1);
  });

  it('counts and audits a failed sign-in even when the address is oversized', async () => {
    const user = await analyst();
    const failed = await signIn.signInWithPassword({ username: user.username, password: 'wrong', ip: 'x'.repeat(300), userAgent: null }).catch((e: Error) => e);
    expect(failed).toMatchObject({ reason: 'INVALID' });
    const audit = await pool.query(`SELECT 1 FROM audit_log WHERE action = 'auth.sign_in_failed' AND user_id = $1`, [user.id]);
    expect(audit.rows).toHaveLength(1);
  });
});

describe('signInWithPassword', () => {
  const attempt = (user: Pick<TestUser, 'username'>, password: string, extra: { totp?: string } = {}) =>
    signIn.signInWithPassword({ username: user.username, password, ip: null, userAgent: 'vitest', ...extra });
  const reasonOf = async (p: Promise<unknown>) => {
    try {
      await p;
      return 'OK';
    } catch (error) {
      if (error instanceof signIn.SignInError) return error.reason;
      throw error;
    }
  };

  it('locks a username after 5 failures, even against the right password', async () => {
    const user = await analyst();
    const reasons = [];
    for (let i = 0; i < 6; i += 1) reasons.push(await reasonOf(attempt(user, 'wrong password here')));
    expect(reasons).toEqual(['INVALID', 'INVALID', 'INVALID', 'INVALID', 'INVALID', 'LOCKED']);
    expect(await reasonOf(attempt(user, user.password))).toBe('LOCKED');
    // Another user is not affected.
    const other = await analyst();
    expect(await reasonOf(attempt(other, other.password))).toBe('OK');
  });

  it('answers an unknown username exactly as a wrong password', async () => {
    const user = await analyst();
    const wrong = await attempt(user, 'wrong password here').catch((e: Error) => e);
    const unknown = await attempt({ username: 'nobody.by.this.name' }, 'wrong password here').catch((e: Error) => e);
    expect(wrong).toBeInstanceOf(signIn.SignInError);
    expect(unknown).toBeInstanceOf(signIn.SignInError);
    expect({ reason: (unknown as InstanceType<SignIn['SignInError']>).reason, message: (unknown as Error).message }).toEqual({
      reason: (wrong as InstanceType<SignIn['SignInError']>).reason,
      message: (wrong as Error).message,
    });
    expect((wrong as InstanceType<SignIn['SignInError']>).reason).toBe('INVALID');
  });

  it('asks a user with a second factor for a code, and accepts the current one', async () => {
    const { currentTotp, newTotpSecret } = await import('@/server/auth/totp');
    const secret = newTotpSecret();
    const user = await createUser(pool, { role: 'MANAGER', totpSecret: secret });
    expect(await reasonOf(attempt(user, user.password))).toBe('TOTP_REQUIRED');
    const accepted = [-30_000, 0, 30_000].map((shift) => currentTotp(secret, Date.now() + shift));
    const wrong = ['000000', '111111', '222222', '333333'].find((code) => !accepted.includes(code))!;
    expect(await reasonOf(attempt(user, user.password, { totp: wrong }))).toBe('TOTP_INVALID');
    const ok = await attempt(user, user.password, { totp: currentTotp(secret) });
    expect(ok).toMatchObject({ userId: user.id, version: 1 });
    // The session it opened works.
    expect(await status(health, sessionHeaders(await sessionJwt({ sid: ok.sessionId, uid: ok.userId, ver: ok.version })))).toBe(200);
  });

  it('refuses a disabled user as INVALID', async () => {
    const user = await createUser(pool, { role: 'ANALYST', active: false });
    expect(await reasonOf(attempt(user, user.password))).toBe('INVALID');
  });
});

describe('audit_log', () => {
  it('takes INSERT but refuses UPDATE, DELETE and TRUNCATE', async () => {
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO audit_log (action, entity, entity_id) VALUES ('test.insert', 'test', '1') RETURNING id`,
    );
    const id = rows[0]!.id;
    await expect(pool.query(`UPDATE audit_log SET action = 'tampered' WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(pool.query(`DELETE FROM audit_log WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(pool.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    const after = await pool.query(`SELECT action FROM audit_log WHERE id = $1`, [id]);
    expect(after.rows).toEqual([{ action: 'test.insert' }]);
  });
});
