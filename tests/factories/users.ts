import { randomBytes, randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import type pg from 'pg';
import type { Role } from '@/generated/prisma/enums';
import type { Caller } from '@/server/auth/caller';

export type { Role };

// Users, their signed-in sessions and API tokens, written with plain SQL. The app's own
// modules that read the environment (token hashing, TOTP encryption) are imported only when
// called, so a test can point DATABASE_URL at its database before anything reads it.

type Db = pg.ClientBase | pg.Pool;

export type TestUser = {
  id: number; username: string; fullName: string; password: string; role: Role;
  regionId: number | null; unitId: number | null; centralBodyId: number | null;
};

/** Stored as the secret of a user whose second factor is on but whose codes no test computes. */
export const PLACEHOLDER_TOTP_SECRET = 'encrypted-test-secret';

let counter = 0;

export async function createUser(
  db: Db,
  options: {
    role: Role;
    username?: string;
    password?: string;
    regionId?: number | null;
    unitId?: number | null;
    centralBodyId?: number | null;
    active?: boolean;
    demo?: boolean;
    /** A base32 TOTP secret: stored encrypted, with the second factor turned on. */
    totpSecret?: string;
    /** Second factor on without a usable secret (see PLACEHOLDER_TOTP_SECRET); ignored when totpSecret is given. */
    totpEnabled?: boolean;
    fullName?: string;
  },
): Promise<TestUser> {
  counter += 1;
  const username = options.username ?? `user.${process.pid}.${counter}`;
  const password = options.password ?? `correct horse ${randomBytes(6).toString('hex')}`;
  const { hashPassword } = await import('@/server/auth/password');
  const totp = options.totpSecret
    ? (await import('@/server/auth/totp')).encryptSecret(options.totpSecret)
    : options.totpEnabled ? PLACEHOLDER_TOTP_SECRET : null;
  const fullName = options.fullName ?? `Test ${username}`;
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO app_user (username, full_name, password_hash, role, region_id, unit_id, central_body_id, active, demo, totp_secret, totp_enabled)
     VALUES ($1, $2, $3, $4::"Role", $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      username, fullName, await hashPassword(password), options.role,
      options.regionId ?? null, options.unitId ?? null, options.centralBodyId ?? null,
      options.active ?? true, options.demo ?? false, totp, totp !== null,
    ],
  );
  return {
    id: rows[0]!.id, username, fullName, password, role: options.role,
    regionId: options.regionId ?? null, unitId: options.unitId ?? null, centralBodyId: options.centralBodyId ?? null,
  };
}

/** The same as createUser; the name the user-administration tests use. */


/** The caller a signed-in session of this user resolves to, for code that takes a Caller directly. */
export function callerFor(
  user: Pick<TestUser, 'id' | 'username' | 'role'> & Partial<Pick<TestUser, 'fullName' | 'regionId' | 'unitId' | 'centralBodyId'>>,
  overrides: Partial<Caller> = {},
): Caller {
  return {
    userId: user.id, username: user.username, fullName: user.fullName ?? `Test ${user.username}`, role: user.role,
    regionId: user.regionId ?? null, unitId: user.unitId ?? null, centralBodyId: user.centralBodyId ?? null,
    mfaPending: false, via: 'session', sessionId: null, tokenId: null, tokenScope: null, ip: null,
    ...overrides,
  };
}

export async function userIdOf(db: Db, username: string): Promise<number> {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM app_user WHERE username = $1', [username]);
  if (!rows[0]) throw new Error(`no user ${username}`);
  return rows[0].id;
}

export type TestSession = { sessionId: string; headers: Record<string, string> };

/**
 * A session row and the cookie next-auth would have set for it. The JWT carries the user's
 * current version unless `version` says otherwise.
 */
export async function createSession(
  db: Db,
  userId: number,
  options: { version?: number; expiresAt?: Date; lastSeenAt?: Date; revokedAt?: Date } = {},
): Promise<TestSession> {
  const sessionId = randomUUID();
  await db.query(
    `INSERT INTO user_session (id, user_id, expires_at, last_seen_at, revoked_at) VALUES ($1, $2, $3, $4, $5)`,
    [sessionId, userId, options.expiresAt ?? new Date(Date.now() + 3_600_000), options.lastSeenAt ?? new Date(), options.revokedAt ?? null],
  );
  const version = options.version ?? (await db.query<{ version: number }>('SELECT version FROM app_user WHERE id = $1', [userId])).rows[0]!.version;
  return { sessionId, headers: sessionHeaders(await sessionJwt({ sid: sessionId, uid: userId, ver: version })) };
}

/** A next-auth session JWT signed with the tests' AUTH_SECRET (or another secret, to forge one). */
export async function sessionJwt(claims: Record<string, unknown>, secret = process.env.AUTH_SECRET): Promise<string> {
  if (!secret) throw new Error('AUTH_SECRET is not set; vitest.config.ts sets it');
  return encode({ token: claims, secret });
}

export const sessionHeaders = (jwt: string) => ({ cookie: `next-auth.session-token=${jwt}` });

export type TestToken = { id: number; token: string; headers: Record<string, string> };

export async function createToken(
  db: Db,
  userId: number,
  options: { expiresAt?: Date; revokedAt?: Date; scope?: 'READ' | 'READ_WRITE' } = {},
): Promise<TestToken> {
  const { hashToken } = await import('@/server/auth/caller');
  const token = `kz_${randomBytes(24).toString('base64url')}`;
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO api_token (user_id, name, prefix, token_hash, expires_at, revoked_at, scope)
     VALUES ($1, $2, $3, $4, $5, $6, $7::"TokenScope") RETURNING id`,
    [userId, 'test token', token.slice(0, 10), hashToken(token), options.expiresAt ?? new Date(Date.now() + 86_400_000), options.revokedAt ?? null,
      options.scope ?? 'READ_WRITE'],
  );
  return { id: rows[0]!.id, token, headers: { authorization: `Bearer ${token}` } };
}
