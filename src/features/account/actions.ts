'use server';

import QRCode from 'qrcode';
import { authorizedAction } from '@/server/action';
import { AppError } from '@/server/errors';
import { hashPassword, passwordProblem, verifyPassword } from '@/server/auth/password';
import { revokeUserTokens } from '@/server/auth/revoke-tokens';
import { decryptSecret, encryptSecret, hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri, verifyTotp } from '@/server/auth/totp';
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
    if (!user.totpSecret || !verifyTotp(decryptSecret(user.totpSecret), code)) {
      throw new AppError('VALIDATION', 'bad code', { code: 'validation.totpInvalid' });
    }
    const codes = newRecoveryCodes();
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId: user.id, codeHash: hashRecoveryCode(c) })) });
    await tx.user.update({ where: { id: user.id }, data: { totpEnabled: true } });
    return { entityId: user.id, before: { totpEnabled: false }, after: { totpEnabled: true, recoveryCodes: codes.length }, data: { recoveryCodes: codes } };
  },
);

export const changePassword = authorizedAction(
  { name: 'account.changePassword', permission: 'account.self', schema: changePasswordSchema, audit: { action: 'account.password_changed', entity: 'user' } },
  async ({ currentPassword, newPassword }, { caller, tx }) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: caller.userId } });
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new AppError('VALIDATION', 'wrong password', { currentPassword: 'validation.currentPasswordWrong' });
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
