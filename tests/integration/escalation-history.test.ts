// The central-level list as it stood on a date: an entry counts from the day it was put on its
// half-year's list, is selected from the day the body marked it, and has the disposition of its
// latest step by asOf. Written through the actions, and read through getEscalationStats and the
// list of selected issues; then, on entries built by the factories, getEscalationStats against a
// plain GROUP BY written here for several periods and dates. Last, the migration that brought the
// histories: existing entries get their dates by its backfill rules.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Caller } from '@/server/auth/caller';
import { callerFor, createEditorCallers, type EditorCallers } from '../factories/callers';
import { createEscalation } from '../factories/escalations';
import { createIssue, createMeeting } from '../factories/issues';
import { codeOf, createReference, type Reference } from '../factories/reference';
import { createUser } from '../factories/users';
import { applyMigrations, MIGRATIONS_DIR } from '@/server/db/migrations';
import { createTestDatabase, sqlPool } from '../support/database';
import { actionsByName, openActionDatabase, type ActionDatabase, type RunAction } from '../support/action-harness';

vi.mock('@/server/auth/caller', async (orig) => (await import('../support/action-harness')).mockGetCaller(orig));
vi.mock('next-intl/server', async () => (await import('../support/action-harness')).messagesAsKeys());

type App = typeof import('@/server/stats/filters') &
  typeof import('@/server/stats/queries/escalations') &
  typeof import('@/server/stats/queries/selected-escalations') &
  typeof import('@/lib/period');

let db: ActionDatabase;
let pool: pg.Pool;
let ref: Reference;
let editors: EditorCallers;
let admin: Caller;
let run: RunAction<keyof EditorCallers>;
let app: App;

beforeAll(async () => {
  db = await openActionDatabase();
  pool = db.pool;
  ref = await createReference(pool);
  editors = (await createEditorCallers(pool, ref)).callers;
  admin = callerFor(await createUser(pool, { role: 'ADMIN' }));
  run = await actionsByName(db.getCaller, editors, ['escalations']);
  app = {
    ...(await import('@/server/stats/filters')),
    ...(await import('@/server/stats/queries/escalations')),
    ...(await import('@/server/stats/queries/selected-escalations')),
    ...(await import('@/lib/period')),
  };
});

afterAll(() => db?.close());

const filterOf = (period: string, asOf: string) => app.nationalFilter(app.parsePeriod(period)!, asOf);

describe('an entry put on the list, then selected', () => {
  it('is absent before it was listed, listed and unselected between, selected after', async () => {
    const issue = await createIssue(pool, ref, await createMeeting(pool, ref, { heldOn: '2024-02-05' }), [{ to: 'ESCALATED', on: '2024-02-20' }]);
    const bodyCode = await codeOf(pool, 'central_body', ref.centralBodyId);
    const proposed = await run('proposeEscalationAction', { issueId: issue.id, year: 2024, half: 1, centralBodyCode: bodyCode, includedOn: '2024-03-01' }, 'akimat');
    expect(proposed).toMatchObject({ status: 'ok' });
    const id = (proposed.data as { id: number }).id;
    const decided = await run('decideEscalationAction', {
      id, version: 1, disposition: 'CONSIDER_AT_BUDGET_REFINEMENT', republicanAmountKzt: '250000000', selected: true, effectiveOn: '2024-04-10', comment: '',
    }, 'ministry');
    expect(decided).toMatchObject({ status: 'ok' });

    const at = async (asOf: string) => {
      const f = filterOf('2024-H1', asOf);
      const [stats, selected] = await Promise.all([app.getEscalationStats(f), app.listSelectedEscalations(editors.akimat, f)]);
      return { total: stats.total, selected: stats.selected, undecided: stats.undecided, consider: stats.byDisposition.CONSIDER_AT_BUDGET_REFINEMENT, list: selected.map((s) => [s.issueId, s.disposition, s.amountKzt]) };
    };
    const none = { count: 0, amountKzt: 0 };
    expect(await at('2024-02-29')).toEqual({ total: 0, selected: 0, undecided: 0, consider: none, list: [] });
    expect(await at('2024-03-01')).toEqual({ total: 1, selected: 0, undecided: 1, consider: none, list: [] });
    expect(await at('2024-04-09')).toEqual({ total: 1, selected: 0, undecided: 1, consider: none, list: [] });
    const selected = { total: 1, selected: 1, undecided: 0, consider: { count: 1, amountKzt: 250_000_000 }, list: [[issue.id, 'CONSIDER_AT_BUDGET_REFINEMENT', 250_000_000]] };
    expect(await at('2024-04-10')).toEqual(selected);
    // The period's end, the default asOf of a finished half-year.
    expect(await at('2024-06-30')).toEqual(selected);

    // Unmarked later: selected only in between.
    expect(await run('decideEscalationAction', {
      id, version: 2, disposition: 'CONSIDER_AT_BUDGET_REFINEMENT', republicanAmountKzt: '250000000', selected: false, effectiveOn: '2024-05-15', comment: 'Не отобран',
    }, 'ministry')).toMatchObject({ status: 'ok' });
    expect(await at('2024-05-14')).toEqual(selected);
    expect(await at('2024-05-15')).toMatchObject({ total: 1, selected: 0, list: [] });
    const { rows } = await pool.query(`SELECT selected, effective_on::text AS on, comment FROM escalation_selection_change WHERE escalation_id = $1 ORDER BY id`, [id]);
    expect(rows).toEqual([{ selected: true, on: '2024-04-10', comment: null }, { selected: false, on: '2024-05-15', comment: 'Не отобран' }]);
  });
});

// The definition, written here independently of the app's query: each entry's state on asOf is the
// latest step of each history on or before it (DISTINCT ON); an entry counts while its latest
// inclusion step includes it, on a list of a half-year the period overlaps, its issue and meeting live.
async function oracle(period: { from: string; to: string }, asOf: string) {
  const { rows } = await pool.query<{ disposition: string | null; n: number; amount: string | null; selected: number }>(
    `WITH latest_inclusion AS (
       SELECT DISTINCT ON (escalation_id) escalation_id, included FROM escalation_inclusion_change
       WHERE effective_on <= $3::date ORDER BY escalation_id, effective_on DESC, recorded_at DESC, id DESC),
     latest_mark AS (
       SELECT DISTINCT ON (escalation_id) escalation_id, selected FROM escalation_selection_change
       WHERE effective_on <= $3::date ORDER BY escalation_id, effective_on DESC, recorded_at DESC, id DESC),
     latest_disposition AS (
       SELECT DISTINCT ON (escalation_id) escalation_id, disposition, republican_amount_kzt FROM escalation_disposition_change
       WHERE effective_on <= $3::date ORDER BY escalation_id, effective_on DESC, recorded_at DESC, id DESC)
     SELECT ld.disposition::text, count(*)::int AS n, sum(ld.republican_amount_kzt)::text AS amount,
            count(*) FILTER (WHERE lm.selected)::int AS selected
     FROM escalation e
     JOIN latest_inclusion li ON li.escalation_id = e.id
     LEFT JOIN latest_mark lm ON lm.escalation_id = e.id
     LEFT JOIN latest_disposition ld ON ld.escalation_id = e.id
     JOIN raised_issue i ON i.id = e.issue_id
     JOIN meeting m ON m.id = i.meeting_id
     WHERE li.included AND i.deleted_at IS NULL AND m.deleted_at IS NULL
       AND make_date(e.year, 6 * e.half - 5, 1) <= $2::date
       AND make_date(e.year, 6 * e.half - 5, 1) + interval '6 months' > $1::date
     GROUP BY ld.disposition`,
    [period.from, period.to, asOf],
  );
  const byDisposition: Record<string, { count: number; amountKzt: number }> = {};
  for (const d of ['NO_DOCUMENTATION', 'ALREADY_FUNDED_IN_REPUBLICAN_BUDGET', 'CONSIDER_AT_BUDGET_REFINEMENT', 'IN_EXECUTION', 'NOT_SUPPORTED_LOCAL_COMPETENCE', 'EXECUTED']) {
    byDisposition[d] = { count: 0, amountKzt: 0 };
  }
  let total = 0;
  let selected = 0;
  let undecided = 0;
  for (const r of rows) {
    total += r.n;
    selected += r.selected;
    if (r.disposition === null) undecided += r.n;
    else byDisposition[r.disposition] = { count: r.n, amountKzt: Number(r.amount ?? 0) };
  }
  return { total, selected, undecided, byDisposition };
}

describe('getEscalationStats equals a plain GROUP BY', () => {
  it('for each period and asOf, on lists with removals, re-marks, same-day steps and a deleted issue', async () => {
    const m = await createMeeting(pool, ref, { heldOn: '2025-01-10' });
    const [a, b, c, e] = [
      await createIssue(pool, ref, m, [{ to: 'ESCALATED', on: '2025-01-25' }]),
      await createIssue(pool, ref, m),
      await createIssue(pool, ref, m),
      await createIssue(pool, ref, m),
    ];
    const deleted = await createIssue(pool, ref, m, [], { deleted: true });
    const body = ref.centralBodyId;
    // One issue on two half-years' lists, each entry with its own dates.
    await createEscalation(pool, {
      issueId: a.id, year: 2025, half: 1, centralBodyId: body, includedOn: '2025-02-01',
      dispositions: [{ disposition: 'IN_EXECUTION', on: '2025-03-01' }, { disposition: 'EXECUTED', on: '2025-05-01', amountKzt: 100_000_000 }],
      marks: [{ on: '2025-05-01', selected: true }],
    });
    await createEscalation(pool, {
      issueId: a.id, year: 2025, half: 2, centralBodyId: body, includedOn: '2025-07-15',
      dispositions: [{ disposition: 'CONSIDER_AT_BUDGET_REFINEMENT', on: '2025-09-01', amountKzt: 50_000_000 }],
      marks: [{ on: '2025-09-01', selected: true }, { on: '2025-11-01', selected: false }],
    });
    // Taken off the list later (the read allows it, though no form does it yet).
    await createEscalation(pool, { issueId: b.id, year: 2025, half: 1, centralBodyId: body, includedOn: '2025-06-20', removedOn: '2025-08-01' });
    await createEscalation(pool, {
      issueId: c.id, year: 2025, half: 2, centralBodyId: body, includedOn: '2025-12-30',
      dispositions: [{ disposition: 'NO_DOCUMENTATION', on: '2025-12-30' }], marks: [{ on: '2025-12-30', selected: true }],
    });
    // Two dispositions on one day: the one recorded later stands.
    await createEscalation(pool, {
      issueId: e.id, year: 2025, half: 1, centralBodyId: body, includedOn: '2025-03-10',
      dispositions: [{ disposition: 'NOT_SUPPORTED_LOCAL_COMPETENCE', on: '2025-04-01' }, { disposition: 'ALREADY_FUNDED_IN_REPUBLICAN_BUDGET', on: '2025-04-01', amountKzt: 10_000_000 }],
      marks: [{ on: '2025-04-01', selected: true }],
    });
    await createEscalation(pool, { issueId: deleted.id, year: 2025, half: 1, centralBodyId: body, includedOn: '2025-01-20', marks: [{ on: '2025-01-20', selected: true }] });

    const asOfs = ['2024-12-31', '2025-02-15', '2025-04-01', '2025-06-30', '2025-08-15', '2025-10-01', '2025-12-31', '2026-06-30'];
    let nonEmpty = 0;
    for (const code of ['2025-H1', '2025-H2', '2025', '2025-Q3', '2024-H2']) {
      const period = app.parsePeriod(code)!;
      for (const asOf of asOfs) {
        const f = app.nationalFilter(period, asOf);
        const { halves: _halves, ...got } = await app.getEscalationStats(f);
        const want = await oracle(period, asOf);
        expect(got, `${code} as of ${asOf}`).toEqual(want);
        // The list of selected issues agrees with the count.
        expect((await app.listSelectedEscalations(admin, f)).length, `${code} as of ${asOf}: selected issues`).toBe(want.selected);
        if (want.total > 0) nonEmpty += 1;
      }
    }
    expect(nonEmpty).toBeGreaterThan(20);
    // Spot checks of the definition itself.
    expect(await oracle(app.parsePeriod('2025-H1')!, '2025-06-30')).toMatchObject({ total: 3, selected: 2, undecided: 1 });
    expect(await oracle(app.parsePeriod('2025')!, '2025-10-01')).toMatchObject({ total: 3, selected: 3 });
    expect(await oracle(app.parsePeriod('2025')!, '2025-12-31')).toMatchObject({ total: 4, selected: 3 });
  });
});

describe('the migration that dates the existing entries', () => {
  it('dates inclusion by the last move to ESCALATED in the half, else the creation; selected by the latest disposition, else the creation', async () => {
    const name = fs.readdirSync(MIGRATIONS_DIR).find((d) => d.endsWith('_escalation_histories'))!;
    expect(name).toBeDefined();
    // The migrations before it, in a folder of their own.
    const before = fs.mkdtempSync(path.join(os.tmpdir(), 'kz-before-histories-'));
    for (const dir of fs.readdirSync(MIGRATIONS_DIR, { withFileTypes: true })) {
      if (dir.isDirectory() && dir.name < name) fs.cpSync(path.join(MIGRATIONS_DIR, dir.name), path.join(before, dir.name), { recursive: true });
    }
    fs.copyFileSync(path.join(MIGRATIONS_DIR, 'migration_lock.toml'), path.join(before, 'migration_lock.toml'));
    const database = await createTestDatabase({ migrate: false });
    const old = sqlPool(database.url);
    try {
      await applyMigrations(database.url, before);
      const r = await createReference(old);
      const proposer = await createUser(old, { role: 'AKIMAT_EDITOR', regionId: r.regionId });
      const minister = await createUser(old, { role: 'MINISTRY_EDITOR', centralBodyId: r.centralBodyId });
      const meeting = await createMeeting(old, r, { heldOn: '2024-01-15' });
      // Escalated twice in 2024-H1, reopened, escalated again in H2: on both halves' lists.
      const twice = await createIssue(old, r, meeting, [
        { to: 'ESCALATED', on: '2024-02-10' }, { to: 'IN_EXECUTION', on: '2024-03-01' }, { to: 'ESCALATED', on: '2024-05-20' },
        { to: 'IN_EXECUTION', on: '2024-07-05' }, { to: 'ESCALATED', on: '2024-08-03' },
      ]);
      // Never moved to ESCALATED within its list's half-year.
      const never = await createIssue(old, r, meeting, [{ to: 'ESCALATED', on: '2024-01-20' }]);
      const entry = async (issueId: number, year: number, half: number, selected: boolean, createdAt: string) =>
        (await old.query<{ id: number }>(
          `INSERT INTO escalation (issue_id, year, half, central_body_id, selected, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [issueId, year, half, r.centralBodyId, selected, createdAt],
        )).rows[0]!.id;
      const h1 = await entry(twice.id, 2024, 1, true, '2024-02-11T04:00:00Z');
      const h2 = await entry(twice.id, 2024, 2, false, '2024-08-04T04:00:00Z');
      // Created at 20:00 UTC: already the next day in Kazakhstan.
      const late = await entry(never.id, 2024, 2, true, '2024-09-04T20:00:00Z');
      await old.query(`INSERT INTO audit_log (user_id, action, entity, entity_id, at) VALUES ($1, 'escalation.propose', 'escalation', $2, '2024-02-11T04:00:00Z')`, [proposer.id, String(h1)]);
      const decision = (id: number, on: string, disposition: string, at: string) =>
        old.query(`INSERT INTO escalation_disposition_change (escalation_id, disposition, effective_on, author_id, recorded_at) VALUES ($1, $2::"Disposition", $3::date, $4, $5)`, [id, disposition, on, minister.id, at]);
      await decision(h1, '2024-06-15', 'CONSIDER_AT_BUDGET_REFINEMENT', '2024-06-15T05:00:00Z');
      await decision(h1, '2024-04-01', 'IN_EXECUTION', '2024-06-16T05:00:00Z'); // recorded later, dated earlier
      await decision(h2, '2024-09-01', 'IN_EXECUTION', '2024-09-01T05:00:00Z');

      // This one first; any later migrations after it.
      expect((await applyMigrations(database.url)).applied[0]).toBe(name);
      const steps = async (table: string, flag: string) =>
        (await old.query(`SELECT escalation_id AS id, ${flag} AS flag, effective_on::text AS on, author_id AS by, recorded_at AS at FROM ${table} ORDER BY escalation_id`)).rows;
      expect(await steps('escalation_inclusion_change', 'included')).toEqual([
        { id: h1, flag: true, on: '2024-05-20', by: proposer.id, at: new Date('2024-02-11T04:00:00Z') },
        { id: h2, flag: true, on: '2024-08-03', by: null, at: new Date('2024-08-04T04:00:00Z') },
        { id: late, flag: true, on: '2024-09-05', by: null, at: new Date('2024-09-04T20:00:00Z') },
      ]);
      expect(await steps('escalation_selection_change', 'selected')).toEqual([
        { id: h1, flag: true, on: '2024-06-15', by: minister.id, at: new Date('2024-06-15T05:00:00Z') },
        { id: late, flag: true, on: '2024-09-05', by: null, at: new Date('2024-09-04T20:00:00Z') },
      ]);
    } finally {
      await old.end();
      await database.drop();
      fs.rmSync(before, { recursive: true, force: true });
    }
  });
});
