// The central-level list, budget requests, action plans and schedule entries: each action
// valid; invalid (field named, nothing changed); out of scope; stale version.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callerFor, createEditorCallers, type EditorCallers } from '../factories/callers';
import { createUser } from '../factories/users';
import { createIssue, createMeeting } from '../factories/issues';
import { codeOf, createMinister, createReference, setKato, type Reference } from '../factories/reference';
import { actionsByName, openActionDatabase, type ActionDatabase, type RunAction } from '../support/action-harness';

vi.mock('@/server/auth/caller', async (orig) => (await import('../support/action-harness')).mockGetCaller(orig));
vi.mock('next-intl/server', async () => (await import('../support/action-harness')).messagesAsKeys());

let db: ActionDatabase;
let pool: pg.Pool;
let ref: Reference;
let bodyCode: string;
let otherMinister: number;
let kato: string;
let run: RunAction<keyof EditorCallers | 'unit'>;
let unitId: number;

beforeAll(async () => {
  db = await openActionDatabase();
  pool = db.pool;
  ref = await createReference(pool);
  kato = await setKato(pool, ref.regionId, '159999998');
  const editors = await createEditorCallers(pool, ref);
  otherMinister = await createMinister(pool, editors.otherBodyId);
  bodyCode = await codeOf(pool, 'central_body', ref.centralBodyId);
  unitId = (await pool.query<{ id: number }>(
    `INSERT INTO admin_unit (region_id, code, kind, name_ru, name_kk, name_en) VALUES ($1, '159999910', 'DISTRICT', 'Район', 'Аудан', 'District') RETURNING id`,
    [ref.regionId],
  )).rows[0]!.id;
  const unit = callerFor(await createUser(pool, { role: 'AKIMAT_EDITOR', regionId: ref.regionId, unitId }), { regionId: ref.regionId, unitId });
  run = await actionsByName(db.getCaller, { ...editors.callers, unit }, ['escalations', 'budget', 'action-plans', 'schedule']);
});

afterAll(() => db?.close());

const rows = async (table: string) => (await pool.query(`SELECT count(*)::int AS n, coalesce(sum(version), 0)::int AS v FROM ${table}`)).rows[0];

describe('central-level list', () => {
  it('an akimat proposes its issue; the addressed body decides; four ways each', async () => {
    const meeting = await createMeeting(pool, ref, { heldOn: '2024-02-05' });
    const issue = await createIssue(pool, ref, meeting);
    const proposal = { issueId: issue.id, year: 2024, half: 1, centralBodyCode: bodyCode, proposal: 'Нужна поддержка РБ', includedOn: '2024-02-10' };
    const ok = await run('proposeEscalationAction', proposal, 'akimat');
    expect(ok.status).toBe('ok');
    const id = (ok.data as { id: number }).id;
    const before = await rows('escalation');
    expect(await run('proposeEscalationAction', proposal, 'akimat')).toMatchObject({ fields: { issueId: 'entry.validation.alreadyListed' } });
    expect(await run('proposeEscalationAction', { ...proposal, half: 2, centralBodyCode: 'bad code' }, 'akimat')).toMatchObject({ fields: { centralBodyCode: 'entry.validation.bodyUnknown' } });
    expect(await run('proposeEscalationAction', { ...proposal, half: 2 }, 'otherAkimat')).toMatchObject({ message: 'forbidden' });
    expect(await run('proposeEscalationAction', { ...proposal, half: 2, includedOn: '2024-02-04' }, 'akimat')).toMatchObject({ fields: { includedOn: 'entry.validation.beforeRaised' } });
    expect(await rows('escalation')).toEqual(before);

    const decision = { id, version: 1, disposition: 'CONSIDER_AT_BUDGET_REFINEMENT', republicanAmountKzt: '250000000', selected: true, effectiveOn: '2024-04-10', comment: 'Рассмотрим' };
    expect(await run('decideEscalationAction', decision, 'ministry')).toMatchObject({ status: 'ok', data: { version: 2 } });
    const decided = await rows('escalation');
    expect(await run('decideEscalationAction', { ...decision, version: 2, disposition: 'MAYBE' }, 'ministry')).toMatchObject({ fields: { disposition: 'generic.invalid_value' } });
    expect(await run('decideEscalationAction', { ...decision, version: 2 }, 'otherMinistry')).toMatchObject({ message: 'forbidden' });
    expect(await run('decideEscalationAction', { ...decision, version: 1 }, 'ministry')).toMatchObject({ message: 'conflict' });
    expect(await rows('escalation')).toEqual(decided);
    const row = (await pool.query('SELECT disposition, republican_amount_kzt::text AS amount, selected, (SELECT count(*)::int FROM escalation_disposition_change WHERE escalation_id = $1) AS steps FROM escalation WHERE id = $1', [id])).rows[0];
    expect(row).toEqual({ disposition: 'CONSIDER_AT_BUDGET_REFINEMENT', amount: '250000000', selected: true, steps: 1 });
    // Inclusion and the mark are dated steps, by whoever took them.
    const steps = async (table: string, flag: string) =>
      (await pool.query(`SELECT ${flag} AS flag, effective_on::text AS on, author_id IS NOT NULL AS by FROM ${table} WHERE escalation_id = $1 ORDER BY id`, [id])).rows;
    expect(await steps('escalation_inclusion_change', 'included')).toEqual([{ flag: true, on: '2024-02-10', by: true }]);
    expect(await steps('escalation_selection_change', 'selected')).toEqual([{ flag: true, on: '2024-04-10', by: true }]);
  });
});

describe('budget requests', () => {
  it('draft, change, submit four ways; a submitted request is fixed', async () => {
    const meeting = await createMeeting(pool, ref, { heldOn: '2024-02-06' });
    const issue = await createIssue(pool, ref, meeting);
    const input = { centralBodyCode: bodyCode, amountKzt: '900000000', issueIds: [String(issue.id)] };
    const ok = await run('createBudgetRequestAction', input, 'akimat');
    expect(ok.status).toBe('ok');
    const id = (ok.data as { id: number }).id;
    const before = await rows('budget_request');
    expect(await run('createBudgetRequestAction', { ...input, amountKzt: '-1' }, 'akimat')).toMatchObject({ fields: { amountKzt: 'entry.validation.amount' } });
    expect(await run('createBudgetRequestAction', input, 'otherAkimat')).toMatchObject({ fields: { issueIds: 'entry.validation.issueUnknown' } });
    expect(await run('createBudgetRequestAction', input, 'ministry')).toMatchObject({ message: 'forbidden' });
    expect(await run('updateBudgetRequestAction', { ...input, id, version: 1 }, 'otherAkimat')).toMatchObject({ message: 'forbidden' });
    expect(await run('updateBudgetRequestAction', { ...input, id, version: 7 }, 'akimat')).toMatchObject({ message: 'conflict' });
    expect(await run('submitBudgetRequestAction', { id, version: 1, submittedOn: '2999-01-01' }, 'akimat')).toMatchObject({ fields: { submittedOn: 'entry.validation.dateInFuture' } });
    expect(await rows('budget_request')).toEqual(before);
    expect(await run('updateBudgetRequestAction', { ...input, id, version: 1, amountKzt: '950000000' }, 'akimat')).toMatchObject({ status: 'ok', data: { version: 2 } });
    expect(await run('submitBudgetRequestAction', { id, version: 2, submittedOn: '2024-03-01' }, 'akimat')).toMatchObject({ status: 'ok', data: { version: 3 } });
    expect(await run('updateBudgetRequestAction', { ...input, id, version: 3 }, 'akimat')).toMatchObject({ fields: { amountKzt: 'budgetRequests.validation.notDraft' } });
    expect(await run('submitBudgetRequestAction', { id, version: 3, submittedOn: '2024-03-02' }, 'akimat')).toMatchObject({ fields: { _: 'budgetRequests.validation.transition' } });
    const row = (await pool.query(`SELECT status, submitted_on::text, amount_kzt::text, (SELECT count(*)::int FROM budget_request_status_change WHERE request_id = $1) AS steps FROM budget_request WHERE id = $1`, [id])).rows[0];
    expect(row).toEqual({ status: 'SUBMITTED', submitted_on: '2024-03-01', amount_kzt: '950000000', steps: 1 });
  });
});

describe('action plans', () => {
  it('save creates, then changes at the version read; four ways', async () => {
    const plan = { year: 2024, half: 1, approvedOn: '2024-01-20', url: 'https://aktobe.gov.kz/plan', publishedOn: '2024-01-25' };
    expect(await run('saveActionPlanAction', plan, 'akimat')).toMatchObject({ status: 'ok', data: { version: 1 } });
    const before = await rows('action_plan');
    expect(await run('saveActionPlanAction', { ...plan, version: 1, url: 'ftp://x' }, 'akimat')).toMatchObject({ fields: { url: 'entry.validation.url' } });
    expect(await run('saveActionPlanAction', { ...plan, version: 1 }, 'ministry')).toMatchObject({ message: 'forbidden' });
    expect(await run('saveActionPlanAction', { ...plan, version: 3 }, 'akimat')).toMatchObject({ message: 'conflict' });
    expect(await run('saveActionPlanAction', plan, 'akimat')).toMatchObject({ message: 'conflict' });
    expect(await rows('action_plan')).toEqual(before);
    expect(await run('saveActionPlanAction', { ...plan, version: 1, publishedOn: '2024-02-01' }, 'akimat')).toMatchObject({ status: 'ok', data: { version: 2 } });
  });
});

describe('unit editors (finding 11)', () => {
  it('may not write their region’s action plans or budget requests, nor attach issues to them', async () => {
    const meeting = await createMeeting(pool, ref, { heldOn: '2024-02-07' });
    const issue = await createIssue(pool, ref, meeting);
    const plan = { year: 2023, half: 2, approvedOn: '2023-07-20', url: 'https://aktobe.gov.kz/plan2', publishedOn: '2023-07-25' };
    const request = { centralBodyCode: bodyCode, amountKzt: '5000000', status: 'SUBMITTED', submittedOn: '2024-03-02', issueIds: [String(issue.id)] };
    const [plans, requests] = [await rows('action_plan'), await rows('budget_request')];
    expect(await run('saveActionPlanAction', plan, 'unit')).toMatchObject({ message: 'forbidden' });
    expect(await run('createBudgetRequestAction', request, 'unit')).toMatchObject({ message: 'forbidden' });
    // The region's own request, made by the region's editor, stays out of the unit editor's reach.
    const made = await run('createBudgetRequestAction', request, 'akimat');
    const id = (made.data as { id: number }).id;
    expect(await run('updateBudgetRequestAction', { ...request, id, version: 1, amountKzt: '1' }, 'unit')).toMatchObject({ message: 'forbidden' });
    expect(await run('submitBudgetRequestAction', { id, version: 1, submittedOn: '2024-03-02' }, 'unit')).toMatchObject({ message: 'forbidden' });
    expect(await rows('action_plan')).toEqual(plans);
    expect((await pool.query('SELECT amount_kzt::text AS a FROM budget_request WHERE id = $1', [id])).rows[0].a).toBe('5000000');
    expect(requests.n + 1).toBe((await rows('budget_request')).n);
  });

  it('see the plans page without its forms', async () => {
    const { mayWriteRegionPlans } = await import('@/server/access/scopes/action-plan');
    const base = { role: 'AKIMAT_EDITOR' as const, regionId: ref.regionId, centralBodyId: null };
    expect(mayWriteRegionPlans({ ...base, unitId })).toBe(false);
    expect(mayWriteRegionPlans({ ...base, unitId: null })).toBe(true);
    expect(mayWriteRegionPlans({ role: 'ADMIN', regionId: null, unitId: null, centralBodyId: null })).toBe(true);
  });
});

describe('schedule entries', () => {
  it('a ministry plans its officials’ trips; four ways; deletion is audited', async () => {
    const entry = { year: 2024, half: 2, plannedMonth: 9, officialId: ref.ministerId, regionKato: kato };
    const ok = await run('createScheduleEntryAction', entry, 'ministry');
    expect(ok.status).toBe('ok');
    const id = (ok.data as { id: number }).id;
    const before = await rows('schedule_entry');
    expect(await run('createScheduleEntryAction', { ...entry, plannedMonth: 3 }, 'ministry')).toMatchObject({ fields: { plannedMonth: 'entry.validation.monthOutsideHalf' } });
    expect(await run('createScheduleEntryAction', { ...entry, officialId: otherMinister }, 'ministry')).toMatchObject({ message: 'forbidden' });
    expect(await run('updateScheduleEntryAction', { ...entry, id, version: 1 }, 'otherMinistry')).toMatchObject({ message: 'forbidden' });
    expect(await run('updateScheduleEntryAction', { ...entry, id, version: 2 }, 'ministry')).toMatchObject({ message: 'conflict' });
    expect(await rows('schedule_entry')).toEqual(before);
    expect(await run('updateScheduleEntryAction', { ...entry, id, version: 1, plannedMonth: 10 }, 'ministry')).toMatchObject({ status: 'ok', data: { version: 2 } });
    expect(await run('deleteScheduleEntryAction', { id, version: 2 }, 'ministry')).toMatchObject({ status: 'ok' });
    const audit = (await pool.query(`SELECT action FROM audit_log WHERE entity = 'schedule_entry' AND entity_id = $1 ORDER BY id`, [String(id)])).rows.map((r) => r.action);
    expect(audit).toEqual(['schedule_entry.create', 'schedule_entry.update', 'schedule_entry.delete']);
  });
});
