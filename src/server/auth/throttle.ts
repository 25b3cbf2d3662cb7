import 'server-only';
import { db } from '@/server/db/client';

// Failed sign-ins counted per username and per IP in the database, so a lock holds
// across processes and restarts. Keys for unknown usernames are counted the same way.
export const THROTTLE = {
  windowMinutes: 15,
  lockMinutes: 15,
  perUser: 5,
  perIp: 30,
} as const;

export const userKey = (username: string) => `user:${username.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

export async function isLocked(keys: string[]): Promise<boolean> {
  const rows = await db().signInThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: new Date() } }, select: { key: true } });
  return rows.length > 0;
}

/** Counts one failure against the key, locking it once the limit is reached within the window. */
export async function recordFailure(key: string, limit: number): Promise<void> {
  const window = `${THROTTLE.windowMinutes} minutes`;
  const lock = `${THROTTLE.lockMinutes} minutes`;
  await db().$executeRaw`
    INSERT INTO sign_in_throttle (key, failures, first_failure_at, locked_until)
    VALUES (${key}, 1, now(), CASE WHEN 1 >= ${limit} THEN now() + ${lock}::interval END)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN sign_in_throttle.first_failure_at < now() - ${window}::interval THEN 1 ELSE sign_in_throttle.failures + 1 END,
      first_failure_at = CASE WHEN sign_in_throttle.first_failure_at < now() - ${window}::interval THEN now() ELSE sign_in_throttle.first_failure_at END,
      locked_until = CASE
        WHEN (CASE WHEN sign_in_throttle.first_failure_at < now() - ${window}::interval THEN 1 ELSE sign_in_throttle.failures + 1 END) >= ${limit}
        THEN now() + ${lock}::interval ELSE sign_in_throttle.locked_until END`;
}

export const clearFailures = (key: string) => db().signInThrottle.deleteMany({ where: { key } });
