'use server';

import QRCode from 'qrcode';
import { authorizedAction } from '@/server/action';
import { AppError } from '@/server/errors';
import { hashPassword, passwordProblem, verifyPassword } from '@/server/auth/password';
import { revokeUserTokens } from '@/server/auth/revoke-tokens';
import { isLocked, recordFailure, userKey } from '@/server/auth/throttle';
import { decryptSecret, encryptSecret, hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpStep, totpUri } from '@/server/auth/totp';
import { writeAudit } from '@/server/audit';
import { changePasswordSchema, confirmTotpSchema, emptySchema } from './schemas';

// A user's own sign-in security: second factor and password. Each goes through the one
// mutation wrapper; secrets and codes never reach the audit trail.

export const beginTotpSetup = authorizedAction(
  { name: 'account.beginTotpSetup', permission: 'account.self', schema: emptySchema, audit: { action: 'account.totp_setup_started', entity: 'user' } },
  async (_input, { caller, tx }) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: caller.userId } });
    if (user.totpEnabled) throw new AppError('CONFLICT', 'second factor already on');
    const secret = newTotpSecret();
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: encryptSecret(secret) } });
    const uri = totpUri(secret, user.username);
    const qr = await QRCode.toDataURL(uri, { margin: 1, width: 220 });
    return { entityId: user.id, data: { secret, uri, qr } };
  },
);

export const confirmTotp = authorizedAction(
  { name: 'account.confirmTotp', permission: 'account.self', schema: confirmTotpSchema, audit: { action: 'account.totp_enabled', entity: 'user' } },
  async ({ code }, { caller, tx }) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: caller.userId } });
    if (user.totpEnabled) throw new AppError('CONFLICT', 'second factor already on');
    const step = user.totpSecret ? totpStep(decryptSecret(user.totpSecret), code) : null;
    if (step === null) {
      throw new AppError('VALIDATION', 'bad code', { code: 'validation.totpInvalid' });
    }
    const codes = newRecoveryCodes();
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId: user.id, codeHash: hashRecoveryCode(c) })) });
    // The confirming code is spent: it cannot sign in afterwards.
    await tx.user.update({ where: { id: user.id }, data: { totpEnabled: true, totpLastStep: step } });
    return { entityId: user.id, before: { totpEnabled: false }, after: { totpEnabled: true, recoveryCodes: codes.length }, data: { recoveryCodes: codes } };
  },
);

const WRONG_CURRENT_PASSWORD = 'wrong current password';

// A wrong current password is a failed sign-in: it counts against the account, under the same
// throttle and lock as sign-ins from unknown devices, and is audited (after the rollback).
export const changePassword = authorizedAction(
  {
    name: 'account.changePassword', permission: 'account.self', schema: changePasswordSchema, audit: { action: 'account.password_changed', entity: 'user' },
    onRefused: async (error, caller) => {
      if (error.message !== WRONG_CURRENT_PASSWORD) return;
      await recordFailure(userKey(caller.username));
      await writeAudit({ userId: caller.userId, action: 'auth.sign_in_failed', entity: 'user', entityId: caller.userId,
        after: { username: caller.username, reason: 'CURRENT_PASSWORD' }, ip: caller.ip });
    },
  },
  async ({ currentPassword, newPassword }, { caller, tx }) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: caller.userId } });
    if (await isLocked([userKey(user.username)], tx)) {
      throw new AppError('VALIDATION', 'locked', { currentPassword: 'validation.tooManyAttempts' });
    }
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new AppError('VALIDATION', WRONG_CURRENT_PASSWORD, { currentPassword: 'validation.currentPasswordWrong' });
    }
    const problem = passwordProblem(newPassword);
    if (problem) {
      const key = { TOO_SHORT: 'passwordTooShort', TOO_LONG: 'passwordTooLong', COMMON: 'passwordCommon' }[problem];
      throw new AppError('VALIDATION', 'weak password', { newPassword: `validation.${key}` });
    }
    // A new version ends every session of the user, this one included.
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(newPassword), version: { increment: 1 } } });
    // And every API token: a new password is what someone does who fears the old one is known.
    const tokensRevoked = await revokeUserTokens(tx, user.id);
    return { entityId: user.id, before: { version: user.version }, after: { version: user.version + 1, tokensRevoked } };
  },
);
