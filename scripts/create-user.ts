// npm run user:create -- --username admin --name "Full Name" [--role ADMIN] [--region 150000000] [--body EDUCATION]
// Creates a user (the first admin of a production database). The password comes from
// KEZDESU_PASSWORD or is asked for twice; it must pass the same policy as in the app.
import './load-env';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { z } from 'zod';
import type { AuditAction, AuditEntity } from '../src/server/audit-codes';
import { hashPassword, passwordProblem } from '../src/server/auth/password';
import { withDatabase } from '../src/server/db/with-database';

const { values } = parseArgs({
  options: {
    username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'ADMIN' },
    region: { type: 'string' }, body: { type: 'string' },
  },
});

const input = z
  .object({
    username: z.string().regex(/^[a-z0-9._-]{3,64}$/, 'lowercase letters, digits, dot, hyphen or underscore, 3–64 characters'),
    name: z.string().trim().min(1, 'required'),
    role: z.enum(['ADMIN', 'ANALYST', 'MANAGER', 'AKIMAT_EDITOR', 'MINISTRY_EDITOR']),
    region: z.string().regex(/^\d{9}$/, 'a 9-digit KATO code').optional(),
    body: z.string().optional(),
  })
  .refine((v) => v.role !== 'AKIMAT_EDITOR' || v.region, { path: ['region'], message: 'an akimat editor needs --region' })
  .refine((v) => v.role !== 'MINISTRY_EDITOR' || v.body, { path: ['body'], message: 'a ministry editor needs --body' })
  .safeParse(values);
if (!input.success) {
  for (const issue of input.error.issues) console.error(`--${issue.path.join('.')}: ${issue.message}`);
  process.exit(2);
}

async function askPassword(): Promise<string> {
  if (process.env.KEZDESU_PASSWORD) return process.env.KEZDESU_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const first = await rl.question('Password (12+ characters): ');
  const second = await rl.question('Repeat the password: ');
  rl.close();
  if (first !== second) throw new Error('The passwords do not match.');
  return first;
}

const password = await askPassword();
const problem = passwordProblem(password);
if (problem) {
  console.error({ TOO_SHORT: 'The password needs at least 12 characters.', TOO_LONG: 'The password may have at most 128 characters.', COMMON: 'This password is too common; choose another.' }[problem]);
  process.exit(2);
}
const u = input.data;
await withDatabase(async (url) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: number; region_id: number | null; central_body_id: number | null }>(
      `INSERT INTO app_user (username, full_name, password_hash, role, region_id, central_body_id)
       VALUES ($1, $2, $3, $4::"Role", (SELECT id FROM region WHERE kato = $5), (SELECT id FROM central_body WHERE code = $6))
       RETURNING id, region_id, central_body_id`,
      [u.username, u.name, await hashPassword(password), u.role, u.region ?? null, u.body ?? null],
    );
    const row = rows[0];
    if (!row) throw new Error('insert returned nothing');
    if (u.region && row.region_id === null) throw new Error(`No region with KATO ${u.region}.`);
    if (u.body && row.central_body_id === null) throw new Error(`No central body with code ${u.body}.`);
    // The app's own code for a new user (older versions wrote 'user.created'); `via` tells the two apart.
    const audit: { action: AuditAction; entity: AuditEntity } = { action: 'user.create', entity: 'user' };
    await client.query(
      `INSERT INTO audit_log (user_id, action, entity, entity_id, after) VALUES (NULL, $1, $2, $3, $4)`,
      [audit.action, audit.entity, String(row.id), JSON.stringify({ username: u.username, role: u.role, via: 'user:create' })],
    );
    await client.query('COMMIT');
    const mfa = u.role === 'ADMIN' || u.role === 'MANAGER' ? ' A second factor will be required at the first sign-in.' : '';
    console.log(`Created ${u.role} ${u.username}.${mfa}`);
  } catch (error) {
    await client.query('ROLLBACK');
    const message = error instanceof Error ? error.message : String(error);
    console.error(message.includes('app_user_username_key') ? `The username ${u.username} is taken.` : message);
    process.exitCode = 1;
  } finally {
    await client.end();
  }
});
