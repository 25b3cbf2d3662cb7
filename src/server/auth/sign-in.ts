import 'server-only';
import { randomUUID } from 'node:crypto';
import { env } from '@/env';
import { db } from '@/server/db/client';
import { writeAudit } from '@/server/audit';
import { type DeviceCookie, deviceCookieName, newDeviceCookie, verifyDeviceCookie } from './device';
import { verifyPassword } from './password';
import { clearFailures, deviceKey, isLocked, recordFailure, userKey } from './throttle';
import { decryptSecret, hashRecoveryCode, totpStep } from './totp';

// The credentials check behind next-auth. The same answer for an unknown user and a wrong
// password. Failures are throttled per account for unknown devices and per device cookie for
// browsers the user signed in from before (throttle.ts), never per address.

export type SignInFailure = 'INVALID' | 'LOCKED' | 'TOTP_REQUIRED' | 'TOTP_INVALID';

export class SignInError extends Error {
  constructor(readonly reason: SignInFailure) {
    super(reason);
    this.name = 'SignInError';
  }
}

export type SignInInput = {
  username: string; password: string; totp?: string; recoveryCode?: string; ip: string | null; userAgent: string | null;
  /** The request's cookies, where the user's device cookie may be. */
  cookies?: Record<string, string>;
};
export type SignedIn = { userId: number; sessionId: string; version: number; fullName: string; device: DeviceCookie };

export async function signInWithPassword(raw: SignInInput): Promise<SignedIn> {
  const input = { ...raw, ip: raw.ip?.slice(0, 64) || null };
  const username = input.username.trim().toLowerCase();
  // A browser with this user's valid device cookie, not itself locked, is a known device: the
  // account's lock against unknown devices does not apply to it, and its failures count on its own.
  const nonce = verifyDeviceCookie(username, input.cookies?.[deviceCookieName(username)]);
  const known = nonce !== null && !(await isLocked([deviceKey(nonce)]));
  const key = known ? deviceKey(nonce) : userKey(username);
  const fail = async (reason: SignInFailure, userId: number | null): Promise<never> => {
    if (reason !== 'TOTP_REQUIRED') await recordFailure(key);
    await writeAudit({ userId, action: 'auth.sign_in_failed', entity: 'user', entityId: userId, after: { username, reason, knownDevice: known }, ip: input.ip });
    throw new SignInError(reason);
  };

  if (await isLocked([key])) {
    await writeAudit({ userId: null, action: 'auth.sign_in_locked', entity: 'user', after: { username }, ip: input.ip });
    throw new SignInError('LOCKED');
  }
  const user = await db().user.findUnique({ where: { username } });
  const passwordOk = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !passwordOk || !user.active) return fail('INVALID', user?.id ?? null);

  if (user.totpEnabled) {
    // A second factor marked on without a secret is a broken record: refuse rather than skip it.
    if (!user.totpSecret) return fail('TOTP_INVALID', user.id);
    const code = input.totp?.trim();
    const recovery = input.recoveryCode?.trim();
    if (!code && !recovery) return fail('TOTP_REQUIRED', user.id);
    if (code) {
      const step = totpStep(decryptSecret(user.totpSecret), code);
      if (step === null) return fail('TOTP_INVALID', user.id);
      // Each code works once: a step at or before the last accepted one is a replay.
      const taken = await db().user.updateMany({
        where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
        data: { totpLastStep: step },
      });
      if (taken.count !== 1) return fail('TOTP_INVALID', user.id);
    } else if (recovery) {
      const used = await db().recoveryCode.updateMany({
        where: { userId: user.id, codeHash: hashRecoveryCode(recovery), usedAt: null },
        data: { usedAt: new Date() },
      });
      if (used.count !== 1) return fail('TOTP_INVALID', user.id);
    }
  }

  await clearFailures(known ? [key] : [key, ...(nonce ? [deviceKey(nonce)] : [])]);
  const sessionId = randomUUID();
  await db().$transaction(async (tx) => {
    await tx.userSession.create({
      data: {
        id: sessionId, userId: user.id, ip: input.ip, userAgent: input.userAgent?.slice(0, 256) ?? null,
        expiresAt: new Date(Date.now() + env.SESSION_MAX_HOURS * 3_600_000),
      },
    });
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await writeAudit({ userId: user.id, action: 'auth.sign_in', entity: 'user', entityId: user.id, ip: input.ip, after: { sessionId } }, tx);
  });
  return { userId: user.id, sessionId, version: user.version, fullName: user.fullName, device: newDeviceCookie(username) };
}

export async function endSession(sessionId: string, userId: number | null): Promise<void> {
  await db().$transaction(async (tx) => {
    const ended = await tx.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (ended.count > 0) await writeAudit({ userId, action: 'auth.sign_out', entity: 'user', entityId: userId, after: { sessionId } }, tx);
  });
}
