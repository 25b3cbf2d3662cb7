// Every server action called directly, bypassing the UI, as every role, with no session and
// with a token: each gets exactly what the policy table says. The test fails when an exported
// action was not built with the one wrapper, or has no policy entry.
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '@/generated/prisma/enums';
import { callerFor } from '../factories/callers';
import { createCentralBody, createRegion } from '../factories/reference';
import { createUser } from '../factories/users';
import { openActionDatabase, type ActionDatabase } from '../support/action-harness';

vi.mock('@/server/auth/caller', async (orig) => (await import('../support/action-harness')).mockGetCaller(orig));
vi.mock('next-intl/server', async () => (await import('../support/action-harness')).messagesAsKeys());

const ROLES: Role[] = ['ADMIN', 'ANALYST', 'MANAGER', 'AKIMAT_EDITOR', 'MINISTRY_EDITOR'];
const ACTION_FILES = fs.readdirSync('src/features', { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join('src/features', d.name, 'actions.ts')))
  .map((d) => d.name);

let db: ActionDatabase;
let pool: pg.Pool;
let getCaller: ActionDatabase['getCaller'];
let wrapper: typeof import('@/server/action');
let policy: typeof import('@/server/access/policy');
const actions = new Map<string, (prev: undefined, input: FormData) => Promise<{ status: string; message?: string }>>();
const users = new Map<Role, { id: number; username: string; role: Role; regionId: number | null; centralBodyId: number | null }>();

beforeAll(async () => {
  db = await openActionDatabase();
  ({ pool, getCaller } = db);
  wrapper = await import('@/server/action');
  policy = await import('@/server/access/policy');
  for (const feature of ACTION_FILES) {
    const mod = (await import(`@/features/${feature}/actions.ts`)) as Record<string, unknown>;
    for (const [exportName, fn] of Object.entries(mod)) {
      const name = typeof fn === 'function' ? wrapper.ACTION_NAMES.get(fn) : undefined;
      if (!name) throw new Error(`${feature}/actions.ts exports ${exportName}, which is not built with authorizedAction`);
      actions.set(name, fn as never);
    }
  }
  const region = await createRegion(pool);
  const body = await createCentralBody(pool);
  for (const role of ROLES) {
    const scope = role === 'AKIMAT_EDITOR' ? { regionId: region } : role === 'MINISTRY_EDITOR' ? { centralBodyId: body } : {};
    const u = await createUser(pool, { role, demo: true, ...scope });
    users.set(role, { ...u, regionId: u.regionId, centralBodyId: u.centralBodyId });
  }
});

afterAll(() => db?.close());

async function call(name: string) {
  const fn = actions.get(name);
  if (!fn) throw new Error(`no action ${name}`);
  return fn(undefined, new FormData());
}

describe('server actions', () => {
  it('finds actions in every feature that has them, each with a policy entry', () => {
    expect(ACTION_FILES.length).toBeGreaterThan(0);
    expect(actions.size).toBeGreaterThan(5);
    for (const name of actions.keys()) expect(policy.POLICY[wrapper.ACTION_POLICIES.get(name) as keyof typeof policy.POLICY], name).toBeDefined();
  });

  it('refuses every action without a session, and writes nothing', async () => {
    const before = await pool.query('SELECT count(*)::int AS n FROM app_user');
    for (const name of actions.keys()) {
      getCaller.mockResolvedValue(null);
      expect(await call(name), name).toMatchObject({ status: 'error', message: 'unauthenticated' });
    }
    expect((await pool.query('SELECT count(*)::int AS n FROM app_user')).rows[0]).toEqual(before.rows[0]);
  });

  for (const role of ROLES) {
    for (const via of ['session', 'token'] as const) {
      it(`gives ${role} (${via}) exactly what the policy table says`, async () => {
        const user = users.get(role);
        if (!user) throw new Error('user missing');
        for (const [name, permission] of wrapper.ACTION_POLICIES) {
          if (!actions.has(name)) continue;
          getCaller.mockResolvedValue(callerFor(user, { regionId: user.regionId, centralBodyId: user.centralBodyId, via }));
          const result = await call(name);
          const allowed = policy.can(role, permission);
          if (allowed) expect(result.message ?? result.status, `${role} ${name}`).not.toMatch(/^(forbidden|unauthenticated)$/);
          else expect(result, `${role} ${name}`).toMatchObject({ status: 'error', message: 'forbidden' });
        }
      });
    }
  }

  it('lets an admin without the required second factor only set it up', async () => {
    const admin = users.get('ADMIN');
    if (!admin) throw new Error('admin missing');
    for (const [name, permission] of wrapper.ACTION_POLICIES) {
      if (!actions.has(name)) continue;
      getCaller.mockResolvedValue(callerFor(admin, { mfaPending: true }));
      const result = await call(name);
      if (permission === 'account.self') expect(result.message ?? result.status, name).not.toBe('forbidden');
      else expect(result, name).toMatchObject({ status: 'error', message: 'forbidden' });
    }
  });

  it('records each denial in the audit trail', async () => {
    const analyst = users.get('ANALYST');
    if (!analyst) throw new Error('analyst missing');
    const count = async () => (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'access.denied' AND user_id = $1`, [analyst.id])).rows[0]?.n ?? 0;
    const before = await count();
    getCaller.mockResolvedValue(callerFor(analyst));
    await call('users.create');
    expect(await count()).toBe(before + 1);
  });
});
