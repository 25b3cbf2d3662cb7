// The user administration actions, called directly as different callers against a real
// database: what they write, what the audit trail holds, and what they refuse.
import { createHash } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { codeOf, createCentralBody, createRegion } from '../factories/reference';
import type { Role } from '@/generated/prisma/enums';
import { callerFor } from '../factories/callers';
import { createUser as createUserRow } from '../factories/users';
import { openActionDatabase, type ActionDatabase } from '../support/action-harness';

vi.mock('@/server/auth/caller', async (orig) => (await import('../support/action-harness')).mockGetCaller(orig));
vi.mock('next-intl/server', async () => (await import('../support/action-harness')).messagesAsKeys());

type Actions = typeof import('@/features/users/actions');

let actionDb: ActionDatabase;
let pool: pg.Pool;
let actions: Actions;
let getCaller: ActionDatabase['getCaller'];
let admin: { id: number; username: string; role: Role };
let analyst: { id: number; username: string; role: Role };
let regionKato: string;
let centralBodyCode: string;

const GOOD_PASSWORD = 'steppe-horizon-4187-quiet';
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
let serial = 0;
const uniqueName = (stem: string) => `${stem}.${(serial += 1)}`;

const actAs = (user: { id: number; username: string; role: Role }) => getCaller.mockResolvedValue(callerFor(user));

async function auditRows(where = 'true', params: unknown[] = []) {
  const { rows } = await pool.query<{ id: string; user_id: number | null; action: string; entity: string; entity_id: string | null; before: unknown; after: Record<string, unknown> | null }>(
    `SELECT * FROM audit_log WHERE ${where} ORDER BY id`,
    params,
  );
  return rows;
}
const maxAuditId = async () => Number((await pool.query<{ max: string | null }>('SELECT max(id) AS max FROM audit_log')).rows[0]?.max ?? 0);
const userCount = async () => Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM app_user')).rows[0]?.n);

beforeAll(async () => {
  actionDb = await openActionDatabase();
  ({ pool, getCaller } = actionDb);
  actions = await import('@/features/users/actions');
  admin = await createUserRow(pool, { role: 'ADMIN', username: 'admin.test', totpSecret: TOTP_SECRET });
  analyst = await createUserRow(pool, { role: 'ANALYST', username: 'analyst.test' });
  const regionId = await createRegion(pool);
  regionKato = await codeOf(pool, 'region', regionId);
  const bodyId = await createCentralBody(pool);
  centralBodyCode = await codeOf(pool, 'central_body', bodyId);
});

beforeEach(() => {
  actAs(admin);
});

afterAll(() => actionDb?.close());

const SECRET_FIELDS = ['passwordHash', 'password_hash', 'totpSecret', 'totp_secret', 'tokenHash', 'token_hash', 'password', 'token'];

describe('createUser', () => {
  it('lets an admin create a user, with a verifiable password and one clean audit row', async () => {
    const username = uniqueName('akimat.editor');
    const from = await maxAuditId();
    const result = await actions.createUser(undefined, {
      username: username.toUpperCase(), fullName: 'Айгерим Сапарова', role: 'AKIMAT_EDITOR', regionKato,
      password: GOOD_PASSWORD, passwordConfirm: GOOD_PASSWORD,
    });
    expect(result).toMatchObject({ status: 'ok' });

    const { rows } = await pool.query('SELECT * FROM app_user WHERE username = $1', [username]);
    expect(rows).toHaveLength(1);
    const user = rows[0]!;
    expect(user.role).toBe('AKIMAT_EDITOR');
    expect(user.region_id).not.toBeNull();
    expect(user.central_body_id).toBeNull();
    expect(user.password_hash).not.toContain(GOOD_PASSWORD);
    expect(await verify(user.password_hash, GOOD_PASSWORD)).toBe(true);

    const audit = await auditRows('id > $1', [from]);
    expect(audit).toHaveLength(1);
    const row = audit[0]!;
    expect(row).toMatchObject({ user_id: admin.id, action: 'user.create', entity: 'user', entity_id: String(user.id), before: null });
    expect(row.after).toMatchObject({ id: user.id, username, fullName: 'Айгерим Сапарова', role: 'AKIMAT_EDITOR', regionId: user.region_id, unitId: null, centralBodyId: null, active: true, version: 1 });
    for (const f of SECRET_FIELDS) expect(row.after).not.toHaveProperty(f);
    expect(JSON.stringify(row.after)).not.toContain(user.password_hash);
  });

  it('drops a scope the role does not have, and requires the one it does', async () => {
    const username = uniqueName('analyst');
    const ok = await actions.createUser(undefined, {
      username, fullName: 'Аналитик', role: 'ANALYST', regionKato, centralBodyCode, password: GOOD_PASSWORD,
    });
    expect(ok.status).toBe('ok');
    const { rows } = await pool.query('SELECT region_id, unit_id, central_body_id FROM app_user WHERE username = $1', [username]);
    expect(rows[0]).toEqual({ region_id: null, unit_id: null, central_body_id: null });

    const before = await userCount();
    const missing = await actions.createUser(undefined, { username: uniqueName('ministry'), fullName: 'Редактор', role: 'MINISTRY_EDITOR', password: GOOD_PASSWORD });
    expect(missing).toMatchObject({ status: 'error', fields: { centralBodyCode: 'scopeBody' } });
    expect(await userCount()).toBe(before);
  });

  it('refuses an analyst and writes nothing but the denial', async () => {
    actAs(analyst);
    const username = uniqueName('sneaky');
    const from = await maxAuditId();
    const before = await userCount();
    const result = await actions.createUser(undefined, { username, fullName: 'X', role: 'ADMIN', password: GOOD_PASSWORD });
    expect(result.status).toBe('error');
    expect(await userCount()).toBe(before);
    const audit = await auditRows('id > $1', [from]);
    expect(audit.map((r) => r.action)).toEqual(['access.denied']);
    expect(audit[0]).toMatchObject({ user_id: analyst.id });
  });

  it.each([
    ['a short password', 'short-pw', 'passwordTooShort'],
    ['a common password', 'password1234', 'passwordCommon'],
  ])('gives a field error for %s and writes nothing', async (_label, password, key) => {
    const from = await maxAuditId();
    const before = await userCount();
    const result = await actions.createUser(undefined, { username: uniqueName('weak'), fullName: 'Слабый пароль', role: 'ANALYST', password, passwordConfirm: password });
    expect(result).toMatchObject({ status: 'error', fields: { password: key } });
    expect(await userCount()).toBe(before);
    expect(await auditRows('id > $1', [from])).toHaveLength(0);
  });

  it('gives a field error for a username already taken', async () => {
    const username = uniqueName('twin');
    expect((await actions.createUser(undefined, { username, fullName: 'Первый', role: 'ANALYST', password: GOOD_PASSWORD })).status).toBe('ok');
    const from = await maxAuditId();
    const before = await userCount();
    const again = await actions.createUser(undefined, { username, fullName: 'Второй', role: 'MANAGER', password: GOOD_PASSWORD });
    expect(again).toMatchObject({ status: 'error', fields: { username: 'usernameTaken' } });
    expect(await userCount()).toBe(before);
    expect(await auditRows('id > $1', [from])).toHaveLength(0);
  });

  it('parses form data the way the page sends it', async () => {
    const username = uniqueName('form');
    const form = new FormData();
    for (const [k, v] of Object.entries({ username, fullName: 'Из формы', role: 'MINISTRY_EDITOR', regionKato: '', unitId: '', centralBodyCode, password: GOOD_PASSWORD, passwordConfirm: 'different-but-long-enough' })) form.set(k, v);
    expect(await actions.createUser(undefined, form)).toMatchObject({ status: 'error', fields: { passwordConfirm: 'passwordMismatch' } });
    form.set('passwordConfirm', GOOD_PASSWORD);
    expect(await actions.createUser(undefined, form)).toMatchObject({ status: 'ok' });
  });
});

describe('updateUser and resets', () => {
  it('bumps the version on every change and records before and after', async () => {
    const user = await createUserRow(pool, { role: 'ANALYST' });
    const from = await maxAuditId();
    const result = await actions.updateUser(undefined, { id: user.id, fullName: 'Новое имя', role: 'MINISTRY_EDITOR', centralBodyCode, active: false });
    expect(result.status).toBe('ok');
    const { rows } = await pool.query('SELECT role, version, active, central_body_id FROM app_user WHERE id = $1', [user.id]);
    expect(rows[0]).toMatchObject({ role: 'MINISTRY_EDITOR', version: 2, active: false });
    const [row, ...rest] = await auditRows('id > $1', [from]);
    expect(rest).toHaveLength(0);
    expect(row).toMatchObject({ action: 'user.update', entity: 'user', entity_id: String(user.id) });
    expect(row!.before).toMatchObject({ role: 'ANALYST', version: 1, active: true, centralBodyId: null });
    expect(row!.after).toMatchObject({ role: 'MINISTRY_EDITOR', version: 2, active: false, centralBodyId: rows[0].central_body_id });

    // Even a save that changes nothing takes effect at the next request.
    await actions.updateUser(undefined, { id: user.id, fullName: 'Новое имя', role: 'MINISTRY_EDITOR', centralBodyCode, active: false });
    expect((await pool.query('SELECT version FROM app_user WHERE id = $1', [user.id])).rows[0].version).toBe(3);
  });

  it('refuses a stale form', async () => {
    const user = await createUserRow(pool, { role: 'ANALYST' });
    const result = await actions.updateUser(undefined, { id: user.id, fullName: 'X', role: 'ANALYST', active: true, version: 7 });
    expect(result).toMatchObject({ status: 'error', message: 'conflict' });
  });

  it('resets the password and the second factor, bumping the version each time', async () => {
    const user = await createUserRow(pool, { role: 'MANAGER', totpSecret: TOTP_SECRET });
    const storedSecret = (await pool.query('SELECT totp_secret FROM app_user WHERE id = $1', [user.id])).rows[0].totp_secret as string;
    expect(storedSecret).toBeTruthy();
    await pool.query(`INSERT INTO recovery_code (user_id, code_hash) VALUES ($1, 'a'), ($1, 'b')`, [user.id]);
    const weak = await actions.resetPassword(undefined, { id: user.id, password: 'short' });
    expect(weak).toMatchObject({ status: 'error', fields: { password: 'passwordTooShort' } });

    expect((await actions.resetPassword(undefined, { id: user.id, password: GOOD_PASSWORD })).status).toBe('ok');
    const afterPassword = (await pool.query('SELECT version, password_hash FROM app_user WHERE id = $1', [user.id])).rows[0];
    expect(afterPassword.version).toBe(2);
    expect(await verify(afterPassword.password_hash, GOOD_PASSWORD)).toBe(true);

    expect((await actions.resetSecondFactor(undefined, { id: user.id })).status).toBe('ok');
    const after2fa = (await pool.query('SELECT version, totp_enabled, totp_secret FROM app_user WHERE id = $1', [user.id])).rows[0];
    expect(after2fa).toEqual({ version: 3, totp_enabled: false, totp_secret: null });
    expect((await pool.query('SELECT count(*)::int AS n FROM recovery_code WHERE user_id = $1', [user.id])).rows[0].n).toBe(0);

    const audit = await auditRows(`entity = 'user' AND entity_id = $1`, [String(user.id)]);
    expect(audit.map((r) => r.action)).toEqual(['user.password_reset', 'user.second_factor_reset']);
    for (const r of audit) {
      expect(JSON.stringify([r.before, r.after])).not.toContain('argon2');
      expect(JSON.stringify([r.before, r.after])).not.toContain(storedSecret);
    }
  });
});

describe('API tokens', () => {
  it('returns the token once and stores only its sha256', async () => {
    const owner = await createUserRow(pool, { role: 'ANALYST' });
    const expiresOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const result = await actions.issueToken(undefined, { userId: owner.id, name: 'Выгрузка в Excel', scope: 'READ', expiresOn });
    expect(result.status).toBe('ok');
    const token = result.status === 'ok' ? (result.data as { token: string }).token : '';
    expect(token).toMatch(/^kz_[A-Za-z0-9_-]{32}$/);

    const { rows } = await pool.query('SELECT * FROM api_token WHERE user_id = $1', [owner.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(rows[0].prefix).toBe(token.slice(0, 10));
    expect(JSON.stringify(rows[0])).not.toContain(token);

    const audit = await auditRows(`entity = 'api_token' AND entity_id = $1`, [String(rows[0].id)]);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).not.toContain(token);
    expect(JSON.stringify(audit[0])).not.toContain(rows[0].token_hash);

    expect((await actions.revokeToken(undefined, { id: rows[0].id })).status).toBe('ok');
    expect((await pool.query('SELECT revoked_at FROM api_token WHERE id = $1', [rows[0].id])).rows[0].revoked_at).not.toBeNull();
  });

  it('refuses an expiry in the past or more than a year ahead', async () => {
    const owner = await createUserRow(pool, { role: 'ANALYST' });
    const past = await actions.issueToken(undefined, { userId: owner.id, name: 'Старый', scope: 'READ', expiresOn: '2020-01-01' });
    expect(past).toMatchObject({ status: 'error', fields: { expiresOn: 'expiryInPast' } });
    const far = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
    const tooFar = await actions.issueToken(undefined, { userId: owner.id, name: 'Вечный', scope: 'READ', expiresOn: far });
    expect(tooFar).toMatchObject({ status: 'error', fields: { expiresOn: 'expiryTooFar' } });
  });

  const expiresOn = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const liveTokens = async (userId: number) =>
    (await pool.query('SELECT count(*)::int AS n FROM api_token WHERE user_id = $1 AND revoked_at IS NULL', [userId])).rows[0].n as number;
  const giveTokens = async (userId: number) => {
    for (const scope of ['READ', 'READ_WRITE'] as const) {
      expect((await actions.issueToken(undefined, { userId, name: `t ${scope}`, scope, expiresOn: expiresOn() })).status).toBe('ok');
    }
    expect(await liveTokens(userId)).toBe(2);
  };

  it('stores the scope chosen and refuses a token without one (finding 6)', async () => {
    const owner = await createUserRow(pool, { role: 'ANALYST' });
    const none = await actions.issueToken(undefined, { userId: owner.id, name: 'X', expiresOn: expiresOn() } as never);
    expect(none).toMatchObject({ status: 'error', fields: { scope: 'tokenScope' } });
    await giveTokens(owner.id);
    const { rows } = await pool.query('SELECT scope::text FROM api_token WHERE user_id = $1 ORDER BY id', [owner.id]);
    expect(rows.map((r) => r.scope)).toEqual(['READ', 'READ_WRITE']);
  });

  it('refuses to issue a token to an admin (finding 6)', async () => {
    const owner = await createUserRow(pool, { role: 'ADMIN' });
    const result = await actions.issueToken(undefined, { userId: owner.id, name: 'Admin API', scope: 'READ', expiresOn: expiresOn() });
    expect(result).toMatchObject({ status: 'error', fields: { name: 'tokenOwnerAdmin' } });
    expect(await liveTokens(owner.id)).toBe(0);
  });

  it('revokes the tokens on a password reset and a second-factor reset (finding 8)', async () => {
    const owner = await createUserRow(pool, { role: 'ANALYST', totpSecret: TOTP_SECRET });
    await giveTokens(owner.id);
    expect((await actions.resetPassword(undefined, { id: owner.id, password: GOOD_PASSWORD })).status).toBe('ok');
    expect(await liveTokens(owner.id)).toBe(0);
    const [reset] = await auditRows(`action = 'user.password_reset' AND entity_id = $1`, [String(owner.id)]);
    expect(reset!.after).toMatchObject({ tokensRevoked: 2 });

    await giveTokens(owner.id);
    expect((await actions.resetSecondFactor(undefined, { id: owner.id })).status).toBe('ok');
    expect(await liveTokens(owner.id)).toBe(0);
  });

  it('revokes the tokens on a change of role or scope and on deactivation, not on a new name (finding 8)', async () => {
    const regionId = await createRegion(pool);
    const otherKato = await codeOf(pool, 'region', regionId);
    const owner = await createUserRow(pool, { role: 'ANALYST' });
    const base = { id: owner.id, fullName: 'Владелец', active: true };
    await giveTokens(owner.id);
    expect((await actions.updateUser(undefined, { ...base, role: 'ANALYST' })).status).toBe('ok');
    expect(await liveTokens(owner.id)).toBe(2);

    expect((await actions.updateUser(undefined, { ...base, role: 'AKIMAT_EDITOR', regionKato })).status).toBe('ok');
    expect(await liveTokens(owner.id)).toBe(0);
    await giveTokens(owner.id);
    expect((await actions.updateUser(undefined, { ...base, role: 'AKIMAT_EDITOR', regionKato: otherKato })).status).toBe('ok');
    expect(await liveTokens(owner.id)).toBe(0);
    await giveTokens(owner.id);
    expect((await actions.updateUser(undefined, { ...base, role: 'AKIMAT_EDITOR', regionKato: otherKato, active: false })).status).toBe('ok');
    expect(await liveTokens(owner.id)).toBe(0);
  });

  it('refuses an analyst', async () => {
    const owner = await createUserRow(pool, { role: 'ANALYST' });
    actAs(analyst);
    const expiresOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    expect((await actions.issueToken(undefined, { userId: owner.id, name: 'X', scope: 'READ', expiresOn })).status).toBe('error');
    expect((await pool.query('SELECT count(*)::int AS n FROM api_token WHERE user_id = $1', [owner.id])).rows[0].n).toBe(0);
  });
});
