import type pg from 'pg';
import type { Role } from '@/generated/prisma/enums';
import type { Caller } from '@/server/auth/caller';
import { createCentralBody, createRegion, type Reference } from './reference';
import { createUser } from './users';

// The Caller the app would derive for a signed-in user, so action tests can act as any
// role with getCaller mocked.

export function callerFor(user: { id: number; username: string; role: Role }, overrides: Partial<Caller> = {}): Caller {
  return {
    userId: user.id,
    username: user.username,
    fullName: `Test ${user.username}`,
    role: user.role,
    regionId: null,
    unitId: null,
    centralBodyId: null,
    mfaPending: false,
    via: 'session',
    sessionId: null,
    tokenId: null,
    tokenScope: null,
    ip: '127.0.0.1',
    ...overrides,
  };
}

export type EditorCallers = Record<'akimat' | 'otherAkimat' | 'ministry' | 'otherMinistry', Caller>;

/**
 * An akimat editor of the reference region and a ministry editor of its central body, each
 * with a twin scoped to another region or body made here, for the out-of-scope cases.
 */
export async function createEditorCallers(
  db: pg.ClientBase | pg.Pool,
  ref: Pick<Reference, 'regionId' | 'centralBodyId'>,
): Promise<{ callers: EditorCallers; otherRegionId: number; otherBodyId: number }> {
  const otherRegionId = await createRegion(db);
  const otherBodyId = await createCentralBody(db);
  const editor = async (role: Role, scope: { regionId: number } | { centralBodyId: number }) =>
    callerFor(await createUser(db, { role, ...scope }), scope);
  const callers = {
    akimat: await editor('AKIMAT_EDITOR', { regionId: ref.regionId }),
    otherAkimat: await editor('AKIMAT_EDITOR', { regionId: otherRegionId }),
    ministry: await editor('MINISTRY_EDITOR', { centralBodyId: ref.centralBodyId }),
    otherMinistry: await editor('MINISTRY_EDITOR', { centralBodyId: otherBodyId }),
  };
  return { callers, otherRegionId, otherBodyId };
}
