import { verify } from '@node-rs/argon2';
import type pg from 'pg';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';

// The demo stays a demo: demo accounts (one shared, published password and no enforced second
// factor) go only where asked for, never into production, and never face the network.

export type DemoSeedDecision = { seed: boolean; refusal: string | null };

/** Whether `npm start` / `npm run db:seed` may load the demo data: always into the embedded database, into DATABASE_URL only with SEED_DEMO=1 and never in production. */
export function demoSeedDecision(o: { embedded: boolean; seedDemo: boolean; nodeEnv: string }): DemoSeedDecision {
  if (o.seedDemo && o.nodeEnv === 'production') {
    return {
      seed: false,
      refusal: 'SEED_DEMO=1 is refused with NODE_ENV=production: the demo accounts share a published password. ' +
        'Create a real admin with `npm run user:create -- --username NAME --name "Full name" --role ADMIN`.',
    };
  }
  return { seed: o.embedded || o.seedDemo, refusal: null };
}

/** Where `npm start` listens: HOST, else 127.0.0.1 for a demo (the embedded database, or SEED_DEMO=1) and every interface otherwise. */
export const listenHost = (o: { HOST?: string; DATABASE_URL?: string; SEED_DEMO?: boolean }) =>
  o.HOST ?? (o.DATABASE_URL && !o.SEED_DEMO ? '0.0.0.0' : '127.0.0.1');

/** 127.0.0.0/8, ::1 and localhost: only this machine can reach the app. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h) || /^::ffff:127(?:\.\d{1,3}){3}$/.test(h);
}

/** Active demo accounts (the `demo` flag or a demo username) whose password is still the demo one. */
export async function demoAccountsWithDemoPassword(client: pg.ClientBase | pg.Pool): Promise<string[]> {
  const { rows } = await client.query<{ username: string; password_hash: string | null }>(
    `SELECT username, password_hash FROM app_user WHERE active AND (demo OR username = ANY($1::text[])) ORDER BY username`,
    [DEMO_USERS.map((u) => u.username)],
  );
  const found: string[] = [];
  for (const row of rows) {
    if (row.password_hash && (await verify(row.password_hash, DEMO_PASSWORD).catch(() => false))) found.push(row.username);
  }
  return found;
}

export const demoExposedMessage = (host: string, usernames: string[]) =>
  `Refusing to listen on ${host}: the demo accounts ${usernames.join(', ')} still have the published demo password. ` +
  'Keep the demo on this machine (unset HOST, or HOST=127.0.0.1), or run on a database without demo data: create a real admin with ' +
  '`npm run user:create -- --username NAME --name "Full name" --role ADMIN` and disable the demo accounts or change their passwords.';
