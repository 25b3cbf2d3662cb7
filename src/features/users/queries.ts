import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { db } from '@/server/db/client';

// Reads for the user administration pages. Secrets (password hash, TOTP secret, token
// hashes) are never selected, so they cannot reach page props or the audit trail.

/** The user as the admin pages and audit rows show it. */
export const publicUserSelect = {
  id: true,
  username: true,
  fullName: true,
  role: true,
  regionId: true,
  unitId: true,
  centralBodyId: true,
  active: true,
  version: true,
  totpEnabled: true,
  demo: true,
  lastSignInAt: true,
  createdAt: true,
} as const satisfies Prisma.UserSelect;


const scopeNames = {
  region: { select: { kato: true, nameRu: true, nameKk: true, nameEn: true } },
  unit: { select: { nameRu: true, nameKk: true, nameEn: true } },
  centralBody: { select: { code: true, shortRu: true, nameRu: true, nameKk: true, nameEn: true } },
} as const;

export const USERS_PAGE_SIZE = 25;

export async function listUsers(page: number, pageSize = USERS_PAGE_SIZE) {
  const [total, rows] = await Promise.all([
    db().user.count(),
    db().user.findMany({
      select: { ...publicUserSelect, ...scopeNames },
      orderBy: [{ active: 'desc' }, { username: 'asc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  return { rows, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
export type UserListRow = Awaited<ReturnType<typeof listUsers>>['rows'][number];

export async function getUserForAdmin(id: number) {
  return db().user.findUnique({ where: { id }, select: { ...publicUserSelect, ...scopeNames } });
}

/** A user's API tokens, newest first; the hash stays in the database. */
export async function listUserTokens(userId: number) {
  return db().apiToken.findMany({
    where: { userId },
    select: { id: true, name: true, scope: true, prefix: true, createdAt: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
    orderBy: { createdAt: 'desc' },
  });
}
export type TokenRow = Awaited<ReturnType<typeof listUserTokens>>[number];

/** Regions, the districts and cities inside them, and central bodies, for the scope fields. */
export async function getScopeOptions() {
  const [regions, units, bodies] = await Promise.all([
    db().region.findMany({ select: { id: true, kato: true, nameRu: true, nameKk: true, nameEn: true }, orderBy: { nameRu: 'asc' } }),
    db().adminUnit.findMany({
      where: { kind: { in: ['DISTRICT', 'CITY'] } },
      select: { id: true, regionId: true, nameRu: true, nameKk: true, nameEn: true },
      orderBy: { nameRu: 'asc' },
    }),
    db().centralBody.findMany({ select: { code: true, shortRu: true, nameRu: true, nameKk: true, nameEn: true }, orderBy: { nameRu: 'asc' } }),
  ]);
  return { regions, units, bodies };
}
