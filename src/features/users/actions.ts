'use server';

import { randomBytes } from 'node:crypto';
import { Prisma } from '@/generated/prisma/client';
import { authorizedAction } from '@/server/action';
import { hashPassword } from '@/server/auth/password';
import { hashToken } from '@/server/auth/caller';
import { revokeUserTokens } from '@/server/auth/revoke-tokens';
import { AppError } from '@/server/errors';
import { publicUserSelect } from './queries';
import {
  createUserSchema,
  issueTokenSchema,
  resetPasswordSchema,
  revokeTokenSchema,
  tokenExpiresAt,
  updateUserSchema,
  userIdSchema,
  type Scope,
} from './schemas';

// User administration. Every change bumps the user's version, so it takes effect at their
// next request; audit rows carry the user without password hash, TOTP secret or token hash.

type Tx = Prisma.TransactionClient;

/** Region, unit and body ids of a scope; a unit must lie in the chosen region. */
async function resolveScope(tx: Tx, scope: Scope) {
  let regionId: number | null = null;
  let unitId: number | null = null;
  let centralBodyId: number | null = null;
  if (scope.regionKato) {
    const region = await tx.region.findUnique({ where: { kato: scope.regionKato }, select: { id: true } });
    if (!region) throw new AppError('VALIDATION', 'unknown region', { regionKato: 'validation.generic.invalid_value' });
    regionId = region.id;
    if (scope.unitId !== null) {
      const unit = await tx.adminUnit.findUnique({ where: { id: scope.unitId }, select: { regionId: true } });
      if (!unit || unit.regionId !== region.id) throw new AppError('VALIDATION', 'unit outside region', { unitId: 'validation.unitOutsideRegion' });
      unitId = scope.unitId;
    }
  }
  if (scope.centralBodyCode) {
    const body = await tx.centralBody.findUnique({ where: { code: scope.centralBodyCode }, select: { id: true } });
    if (!body) throw new AppError('VALIDATION', 'unknown body', { centralBodyCode: 'validation.generic.invalid_value' });
    centralBodyId = body.id;
  }
  return { role: scope.role, regionId, unitId, centralBodyId };
}

const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';

async function findUser(tx: Tx, id: number) {
  const user = await tx.user.findUnique({ where: { id }, select: publicUserSelect });
  if (!user) throw new AppError('NOT_FOUND', `user ${id}`);
  return user;
}

export const createUser = authorizedAction(
  { name: 'users.create', permission: 'users.manage', schema: createUserSchema, audit: { action: 'user.create', entity: 'user' } },
  async (input, { tx }) => {
    const taken = await tx.user.findUnique({ where: { username: input.username }, select: { id: true } });
    if (taken) throw new AppError('VALIDATION', 'username taken', { username: 'validation.usernameTaken' });
    const scope = await resolveScope(tx, input);
    const passwordHash = await hashPassword(input.password);
    try {
      const user = await tx.user.create({
        data: { username: input.username, fullName: input.fullName, passwordHash, ...scope },
        select: publicUserSelect,
      });
      return { entityId: user.id, after: user, data: { id: user.id } };
    } catch (error) {
      // Two admins creating the same name at once: the unique index decides.
      if (isUniqueViolation(error)) throw new AppError('VALIDATION', 'username taken', { username: 'validation.usernameTaken' });
      throw error;
    }
  },
);

export const updateUser = authorizedAction(
  { name: 'users.update', permission: 'users.manage', schema: updateUserSchema, audit: { action: 'user.update', entity: 'user' } },
  async (input, { caller, tx }) => {
    const before = await findUser(tx, input.id);
    if (input.version !== undefined && input.version !== before.version) throw new AppError('CONFLICT', 'user changed meanwhile');
    // An admin cannot lock themselves out: someone must be left to undo it.
    if (input.id === caller.userId && (input.role !== 'ADMIN' || !input.active)) {
      throw new AppError('VALIDATION', 'self lockout', { [input.active ? 'role' : 'active']: 'validation.selfLockout' });
    }
    const scope = await resolveScope(tx, input);
    const after = await tx.user.update({
      where: { id: input.id },
      data: { fullName: input.fullName, active: input.active, ...scope, version: { increment: 1 } },
      select: publicUserSelect,
    });
    // A token acts with its owner's current role and scope: one issued for the old ones goes.
    const changed = (['role', 'regionId', 'unitId', 'centralBodyId', 'active'] as const).some((k) => before[k] !== after[k]);
    const tokensRevoked = changed ? await revokeUserTokens(tx, after.id) : 0;
    return { entityId: after.id, before, after: tokensRevoked ? { ...after, tokensRevoked } : after };
  },
);

export const resetPassword = authorizedAction(
  { name: 'users.resetPassword', permission: 'users.manage', schema: resetPasswordSchema, audit: { action: 'user.password_reset', entity: 'user' } },
  async (input, { tx }) => {
    const before = await findUser(tx, input.id);
    const passwordHash = await hashPassword(input.password);
    const after = await tx.user.update({ where: { id: input.id }, data: { passwordHash, version: { increment: 1 } }, select: publicUserSelect });
    const tokensRevoked = await revokeUserTokens(tx, after.id);
    return { entityId: after.id, before: { version: before.version }, after: { version: after.version, passwordReset: true, tokensRevoked } };
  },
);

export const resetSecondFactor = authorizedAction(
  { name: 'users.resetSecondFactor', permission: 'users.manage', schema: userIdSchema, audit: { action: 'user.second_factor_reset', entity: 'user' } },
  async (input, { tx }) => {
    const before = await findUser(tx, input.id);
    const codes = await tx.recoveryCode.deleteMany({ where: { userId: input.id } });
    const after = await tx.user.update({
      where: { id: input.id },
      data: { totpSecret: null, totpEnabled: false, version: { increment: 1 } },
      select: publicUserSelect,
    });
    const tokensRevoked = await revokeUserTokens(tx, after.id);
    return {
      entityId: after.id,
      before: { version: before.version, totpEnabled: before.totpEnabled, recoveryCodes: codes.count },
      after: { version: after.version, totpEnabled: false, recoveryCodes: 0, tokensRevoked },
    };
  },
);

/** A new token: `kz_` and 32 url-safe random characters. Only its hash is kept. */
const newToken = () => `kz_${randomBytes(24).toString('base64url')}`;

export const issueToken = authorizedAction(
  { name: 'tokens.issue', permission: 'tokens.manage', schema: issueTokenSchema, audit: { action: 'api_token.issue', entity: 'api_token' } },
  async (input, { caller, tx }) => {
    const owner = await findUser(tx, input.userId);
    if (!owner.active) throw new AppError('VALIDATION', 'inactive owner', { name: 'validation.tokenOwnerInactive' });
    // A token skips the second factor, so an admin's would be an admin without one.
    if (owner.role === 'ADMIN') throw new AppError('VALIDATION', 'admin owner', { name: 'validation.tokenOwnerAdmin' });
    const token = newToken();
    const row = await tx.apiToken.create({
      data: {
        userId: owner.id, name: input.name, scope: input.scope, prefix: token.slice(0, 10), tokenHash: hashToken(token),
        createdById: caller.userId, expiresAt: tokenExpiresAt(input.expiresOn),
      },
      select: { id: true, userId: true, name: true, scope: true, prefix: true, expiresAt: true, createdById: true },
    });
    return { entityId: row.id, after: row, data: { id: row.id, token, prefix: row.prefix, expiresAt: row.expiresAt.toISOString() } };
  },
);

export const revokeToken = authorizedAction(
  { name: 'tokens.revoke', permission: 'tokens.manage', schema: revokeTokenSchema, audit: { action: 'api_token.revoke', entity: 'api_token' } },
  async (input, { tx }) => {
    const select = { id: true, userId: true, name: true, prefix: true, expiresAt: true, revokedAt: true } as const;
    const before = await tx.apiToken.findUnique({ where: { id: input.id }, select });
    if (!before) throw new AppError('NOT_FOUND', `token ${input.id}`);
    if (before.revokedAt) return { entityId: before.id, before, after: before };
    const after = await tx.apiToken.update({ where: { id: input.id }, data: { revokedAt: new Date() }, select });
    return { entityId: after.id, before, after };
  },
);
