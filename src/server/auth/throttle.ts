import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { db } from '@/server/db/client';

// Failed sign-ins, counted in the database so a lock holds across processes and restarts.
// Two kinds of key (OWASP's device-cookie pattern):
// - `user:<name>`: failures from browsers without a valid device cookie for that user (unknown
//   devices). Its lock holds only unknown devices back, so a guesser cannot keep the user out.
// - `device:<nonce>`: failures from one browser that holds the user's device cookie.
// The first 5 failures are free; then each one locks the key for 1 minute, doubling with every
// further failure up to 15 minutes: about 9 guesses in the first 15 minutes, 4 an hour after.
// Failures are forgotten an hour after the last one and cleared by a successful sign-in.
// There is no lock per address: an address is shared by a whole office behind its NAT.
export const THROTTLE = {
  freeFailures: 5,
  firstLockSeconds: 60,
  maxLockMinutes: 15,
  forgetAfterMinutes: 60,
} as const;

export const userKey = (username: string) => `user:${username.trim().toLowerCase()}`;
export const deviceKey = (nonce: string) => `device:${nonce}`;

type Client = Pick<Prisma.TransactionClient, 'signInThrottle'>;

export async function isLocked(keys: string[], client: Client = db()): Promise<boolean> {
  const rows = await client.signInThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: new Date() } }, select: { key: true } });
  return rows.length > 0;
}

/** Counts one failure against the key and, past the free ones, locks it for a time that doubles with each failure. */
export async function recordFailure(key: string): Promise<void> {
  const { freeFailures: free, firstLockSeconds: first } = THROTTLE;
  const maxSeconds = THROTTLE.maxLockMinutes * 60;
  // The failure count this one makes: 1 when the earlier ones were forgotten.
  const n = Prisma.sql`(CASE WHEN t.last_failure_at < now() - ${`${THROTTLE.forgetAfterMinutes} minutes`}::interval THEN 1 ELSE t.failures + 1 END)`;
  const lockFor = (count: Prisma.Sql) => Prisma.sql`CASE WHEN ${count} >= ${free}::int
    THEN now() + make_interval(secs => least(${maxSeconds}::int, ${first}::int * power(2, least(${count} - ${free}::int, 20)))) END`;
  await db().$executeRaw`
    INSERT INTO sign_in_throttle AS t (key, failures, first_failure_at, last_failure_at, locked_until)
    VALUES (${key}, 1, now(), now(), ${lockFor(Prisma.sql`1`)})
    ON CONFLICT (key) DO UPDATE SET
      failures = ${n},
      first_failure_at = CASE WHEN ${n} = 1 THEN now() ELSE t.first_failure_at END,
      last_failure_at = now(),
      locked_until = ${lockFor(n)}`;
}

export const clearFailures = (keys: string[]) => db().signInThrottle.deleteMany({ where: { key: { in: keys } } });
