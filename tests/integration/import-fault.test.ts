// The connection is cut in the middle of an import's commit: nothing of it remains, and a
// retry of the same checked file writes everything. Needs a real server (pg_terminate_backend).
import iconv from 'iconv-lite';
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { IMPORT_COLUMNS } from '@/features/import/columns';
import { createAkim, createCategory, createRegion } from '../factories/reference';
import { callerFor, createUser } from '../factories/users';
import { NEEDS_REAL_SERVER, openAppDatabase, hasRealServer, type AppDatabase } from '../support/database';

let database: AppDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  if (!hasRealServer) return;
  database = await openAppDatabase();
  pool = database.pool;
});

afterAll(async () => {
  if (!hasRealServer) return;
  await database?.close();
});

it.skipIf(!hasRealServer)(`leaves nothing when the connection is cut mid-commit, and a retry imports everything ${NEEDS_REAL_SERVER}`, async () => {
  const regionId = await createRegion(pool);
  await createAkim(pool, regionId);
  const category = (await pool.query<{ code: string }>('SELECT code FROM issue_category WHERE id = $1', [await createCategory(pool)])).rows[0]!.code;
  const kato = (await pool.query<{ kato: string }>('SELECT kato FROM region WHERE id = $1', [regionId])).rows[0]!.kato;
  const user = await createUser(pool, { role: 'AKIMAT_EDITOR', regionId });
  const caller = callerFor(user);
  const lines = [IMPORT_COLUMNS.map((c) => c.ru).join(';')];
  for (let m = 1; m <= 40; m += 1) {
    for (let n = 1; n <= 5; n += 1) {
      lines.push([kato, `F-${m}`, '10.02.2024', 'REGION', '', 'ONLINE', '', n, category, `Вопрос ${m}.${n}`, 'REGION',
        n % 2 ? 'RESOLVED' : 'IN_EXECUTION', '01.03.2024', '', '1 000', ''].join(';'));
    }
  }
  const file = iconv.encode(lines.join('\r\n'), 'win1251');
  const { checkImport, commitImport } = await import('@/features/import/service');
  const checked = await checkImport(caller, { name: 'fault.csv', bytes: file });
  expect(checked.errors).toEqual([]);
  const written = async () => (await pool.query<{ meetings: number; issues: number; history: number; money: number }>(
    `SELECT (SELECT count(*) FROM meeting WHERE region_id = $1)::int AS meetings,
            (SELECT count(*) FROM raised_issue WHERE region_id = $1)::int AS issues,
            (SELECT count(*) FROM issue_status_change h JOIN raised_issue i ON i.id = h.issue_id WHERE i.region_id = $1)::int AS history,
            (SELECT count(*) FROM budget_allocation b JOIN raised_issue i ON i.id = b.issue_id WHERE i.region_id = $1)::int AS money`, [regionId])).rows[0]!;

  // Cut the commit's own connection once the meetings and issues are written, before the statuses.
  let cut = false;
  await expect(commitImport(caller, checked.id, {
    onStep: async (step, pid) => {
      if (step !== 'issues') return;
      cut = true;
      await pool.query('SELECT pg_terminate_backend($1)', [pid]);
    },
  })).rejects.toThrow();
  expect(cut).toBe(true);
  expect(await written()).toEqual({ meetings: 0, issues: 0, history: 0, money: 0 });
  expect((await pool.query(`SELECT status FROM import_batch WHERE id = $1`, [checked.id])).rows[0].status).toBe('CHECKED');
  const cube = await pool.query(`SELECT count(*)::int AS n FROM stat_issue_cube WHERE region_id = $1`, [regionId]);
  expect(cube.rows[0].n).toBe(0);

  const retry = await commitImport(caller, checked.id);
  expect(retry).toMatchObject({ status: 'committed', counts: { meetings: 40, issues: 200, statuses: 200, money: 200 } });
  expect(await written()).toEqual({ meetings: 40, issues: 200, history: 400, money: 200 });
  const resolved = await pool.query(`SELECT count(*)::int AS n FROM raised_issue WHERE region_id = $1 AND status = 'RESOLVED' AND resolved_on = '2024-03-01'`, [regionId]);
  expect(resolved.rows[0].n).toBe(120);
});
