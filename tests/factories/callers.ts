import type { Role } from '@/generated/prisma/enums';
import type { Caller } from '@/server/auth/caller';

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
    ip: '127.0.0.1',
    ...overrides,
  };
}
