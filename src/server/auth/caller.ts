import 'server-only';
import { createHash } from 'node:crypto';
import { headers } from 'next/headers';
import { cache } from 'react';
import { decode } from 'next-auth/jwt';
import type { Role, TokenScope } from '@/generated/prisma/enums';
import { env } from '@/env';
import { db } from '@/server/db/client';
import { ROLES_REQUIRING_TOTP } from '@/server/access/policy';
import { clientAddressFrom } from '@/server/http/client-address';
import { authSecret } from './secret';

// Who is asking, decided from the database on every request: the session cookie only names
// a session row and the token only names a token row. Disabling a user, changing their role
// or scope, signing out or letting a session idle all take effect at the next request.

export type Caller = {
  userId: number;
  username: string;
  fullName: string;
  role: Role;
  regionId: number | null;
  unitId: number | null;
  centralBodyId: number | null;
  /** An admin or manager who has not yet set up the required second factor: may only do that. */
  mfaPending: boolean;
  via: 'session' | 'token';
  sessionId: string | null;
  tokenId: number | null;
  /** A token's scope (READ refuses writes); null for a session. */
  tokenScope?: TokenScope | null;
  ip: string | null;
};

export const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];
const TOUCH_AFTER_MS = 60_000;

/** The address the app's own server decided from the socket and TRUSTED_PROXIES; never X-Forwarded-For as sent. */
export const clientIp = (h: Headers): string | null => clientAddressFrom(h);

const userSelect = {
  id: true, username: true, fullName: true, role: true, regionId: true, unitId: true, centralBodyId: true,
  active: true, version: true, totpEnabled: true, demo: true,
} as const;

type UserRow = { id: number; username: string; fullName: string; role: Role; regionId: number | null; unitId: number | null;
  centralBodyId: number | null; active: boolean; version: number; totpEnabled: boolean; demo: boolean };

function toCaller(u: UserRow, via: Caller['via'], ip: string | null, ids: { sessionId?: string; tokenId?: number; tokenScope?: TokenScope }): Caller {
  return {
    userId: u.id, username: u.username, fullName: u.fullName, role: u.role,
    regionId: u.regionId, unitId: u.unitId, centralBodyId: u.centralBodyId,
    mfaPending: ROLES_REQUIRING_TOTP.includes(u.role) && !u.totpEnabled && !u.demo,
    via, sessionId: ids.sessionId ?? null, tokenId: ids.tokenId ?? null, tokenScope: ids.tokenScope ?? null, ip,
  };
}

export async function callerFromSession(sessionId: string, userId: number, version: number, ip: string | null): Promise<Caller | null> {
  const session = await db().userSession.findUnique({ where: { id: sessionId }, include: { user: { select: userSelect } } });
  if (!session || session.userId !== userId || session.revokedAt) return null;
  const now = Date.now();
  const idleLimit = session.lastSeenAt.getTime() + env.SESSION_IDLE_MINUTES * 60_000;
  if (session.expiresAt.getTime() <= now || idleLimit <= now) {
    await db().userSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    return null;
  }
  const u = session.user;
  if (!u.active || u.version !== version) return null;
  if (now - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db().userSession.update({ where: { id: sessionId }, data: { lastSeenAt: new Date() } });
  }
  return toCaller(u, 'session', ip, { sessionId });
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function callerFromToken(token: string, ip: string | null): Promise<Caller | null> {
  if (!/^kz_[A-Za-z0-9_-]{20,}$/.test(token)) return null;
  const row = await db().apiToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: { select: userSelect } } });
  if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now() || !row.user.active) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  // A token acts with its owner's current role and scope, never the second-factor exemption of a session.
  return { ...toCaller(row.user, 'token', ip, { tokenId: row.id, tokenScope: row.scope }), mfaPending: false };
}

/** A forged cookie's bad escapes (`%E0%A4`) make it absent rather than an error. */
const decodeOrNull = (v: string) => {
  try {
    return decodeURIComponent(v);
  } catch {
    return null;
  }
};

function cookieValue(cookieHeader: string | null, names: readonly string[]): string | null {
  if (!cookieHeader) return null;
  const pairs = cookieHeader.split(';').map((part) => {
    const i = part.indexOf('=');
    return [part.slice(0, i).trim(), part.slice(i + 1).trim()] as const;
  });
  for (const name of names) {
    const found = pairs.find(([k]) => k === name);
    if (found?.[1]) return decodeOrNull(found[1]);
  }
  return null;
}

/**
 * The caller named by a request's headers; null when anonymous. Only the API's route handlers
 * pass `bearer: true` (the default is false): a token is for /api/v1 alone, so pages and server
 * actions read the session cookie and ignore an Authorization header.
 */
export async function callerFromHeaders(h: Headers, options: { bearer: boolean } = { bearer: false }): Promise<Caller | null> {
  const ip = clientIp(h);
  const authorization = h.get('authorization');
  if (options.bearer && authorization?.toLowerCase().startsWith('bearer ')) return callerFromToken(authorization.slice(7).trim(), ip);
  const raw = cookieValue(h.get('cookie'), SESSION_COOKIES);
  if (!raw) return null;
  const jwt = await decode({ token: raw, secret: authSecret() }).catch(() => null);
  const sid = jwt?.sid;
  const uid = jwt?.uid;
  const ver = jwt?.ver;
  if (typeof sid !== 'string' || typeof uid !== 'number' || typeof ver !== 'number') return null;
  return callerFromSession(sid, uid, ver, ip);
}

/**
 * The caller of the current request in pages and server actions: a session, never a token.
 * Once per request: the layout, the page and its sections all ask, and each ask is a read.
 */
export const getCaller = cache(async (): Promise<Caller | null> => callerFromHeaders(await headers(), { bearer: false }));
