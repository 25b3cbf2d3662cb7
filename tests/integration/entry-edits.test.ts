// The actions behind the edit forms of issue 6's last gaps: an issue's category and
// description, an issue added to a recorded meeting, a budget request changed, a schedule
// entry changed, and a disposition decided. Each: valid (changed, with one audit row holding
// before and after); invalid (the field named, nothing changed); out of scope (refused,
// nothing changed, the denial audited); stale version (conflict, nothing changed); and a
// record in a closed half-year (refused, the field named, nothing changed).
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEditorCallers, type EditorCallers } from '../factories/callers';
import { createIssue, createMeeting } from '../factories/issues';
import { codeOf, createCategory, createReference, setKato, type Reference } from '../factories/reference';
import { actionsByName, openActionDatabase, type ActionDatabase, type RunAction } from '../support/action-harness';

vi.mock('@/server/auth/caller', async (orig) => (await import('../support/action-harness')).mockGetCaller(orig));
vi.mock('next-intl/server', async () => (await import('../support/action-harness')).messagesAsKeys());

let db: ActionDatabase;
let pool: pg.Pool;
let ref: Reference;
let categoryCode: string;
let otherCategoryCode: string;
let bodyCode: string;
let otherBodyCode: string;
let kato: string;
let run: RunAction<keyof EditorCallers>;

beforeAll(async () => {
  db = await openActionDatabase();
  pool = db.pool;
  ref = await createReference(pool);
  categoryCode = await codeOf(pool, 'issue_category', ref.categoryId);
  otherCategoryCode = await codeOf(pool, 'issue_category', await createCategory(pool));
  bodyCode = await codeOf(pool, 'central_body', ref.centralBodyId);
  kato = await setKato(pool, ref.regionId, '159999997');
  const editors = await createEditorCallers(pool, ref);
  otherBodyCode = await codeOf(pool, 'central_body', editors.otherBodyId);
  run = await actionsByName(db.getCaller, editors.callers, ['issues', 'escalations', 'budget', 'schedule']);
});

afterAll(() => db?.close());


/** Everything an entry action may touch, and the audit trail without denials. */
const state = async () => (await pool.query(`SELECT
  (SELECT json_agg(r ORDER BY r.id) FROM (SELECT id, category_id, description, responsible_level, status, version, deleted_at FROM raised_issue) r) AS issues,
  (SELECT count(*)::int FROM issue_status_change) AS steps,
  (SELECT json_agg(r ORDER BY r.id) FROM (SELECT id, central_body_id, amount_kzt::text, status, submitted_on, decided_on, note, version FROM budget_request) r) AS requests,
  (SELECT json_agg(r ORDER BY r.request_id, r.issue_id) FROM budget_request_issue r) AS request_issues,
  (SELECT count(*)::int FROM budget_request_status_change) AS request_steps,
  (SELECT json_agg(r ORDER BY r.id) FROM (SELECT id, official_id, region_id, year, half, planned_month, version FROM schedule_entry) r) AS schedule,
  (SELECT json_agg(r ORDER BY r.id) FROM (SELECT id, disposition, republican_amount_kzt::text, selected, version FROM escalation) r) AS escalations,
  (SELECT count(*)::int FROM escalation_disposition_change) AS dispositions,
  (SELECT count(*)::int FROM audit_log WHERE action <> 'access.denied') AS audit`)).rows[0];

const denials = async () => (await pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'access.denied'`)).rows[0].n as number;

const lastAudit = async (entity: string, id: number) =>
  (await pool.query(`SELECT action, before, after FROM audit_log WHERE entity = $1 AND entity_id = $2 ORDER BY id DESC LIMIT 1`, [entity, String(id)])).rows[0];

const close = (year: number, half: 1 | 2) => pool.query('INSERT INTO closed_period (year, half) VALUES ($1, $2)', [year, half]);

describe('an issue’s category, description and responsible level', () => {
  it('valid, invalid, out of scope, stale, closed half-year', async () => {
    const meeting = await createMeeting(pool, ref, { heldOn: '2024-03-04' });
    const issue = await createIssue(pool, ref, meeting);
    const change = { id: issue.id, version: 1, categoryCode: otherCategoryCode, description: 'Ремонт крыши школы № 7', responsibleLevel: 'DISTRICT' };

    const before = await state();
    expect(await run('updateIssueAction', { ...change, description: '   ' }, 'akimat')).toMatchObject({ status: 'error', fields: { description: 'entry.validation.description' } });
    expect(await run('updateIssueAction', { ...change, categoryCode: 'NO_SUCH' }, 'akimat')).toMatchObject({ status: 'error', fields: { categoryCode: 'entry.validation.categoryUnknown' } });
    const denied = await denials();
    expect(await run('updateIssueAction', change, 'otherAkimat')).toMatchObject({ status: 'error', message: 'forbidden' });
    expect(await run('updateIssueAction', change, 'ministry')).toMatchObject({ status: 'error', message: 'forbidden' });
    expect(await denials()).toBe(denied + 2);
    expect(await run('updateIssueAction', { ...change, version: 2 }, 'akimat')).toMatchObject({ status: 'error', message: 'conflict' });
    expect(await state()).toEqual(before);

    expect(await run('updateIssueAction', change, 'akimat')).toMatchObject({ status: 'ok', data: { id: issue.id, version: 2 } });
    const row = (await pool.query('SELECT c.code, i.description, i.responsible_level, i.status, i.version FROM raised_issue i JOIN issue_category c ON c.id = i.category_id WHERE i.id = $1', [issue.id])).rows[0];
    expect(row).toEqual({ code: otherCategoryCode, description: 'Ремонт крыши школы № 7', responsible_level: 'DISTRICT', status: 'RAISED', version: 2 });
    const audit = await lastAudit('raised_issue', issue.id);
    expect(audit).toMatchObject({ action: 'issue.update', before: { description: `Test issue of meeting ${meeting.id}`, version: 1 }, after: { description: 'Ремонт крыши школы № 7', version: 2 } });
    // The version read before this save is stale now.
    const saved = await state();
    expect(await run('updateIssueAction', { ...change, description: 'Старое' }, 'akimat')).toMatchObject({ message: 'conflict' });
    expect(await state()).toEqual(saved);

    const old = await createIssue(pool, ref, await createMeeting(pool, ref, { heldOn: '2019-03-04' }));
    await close(2019, 1);
    const closed = await state();
    expect(await run('updateIssueAction', { id: old.id, version: 1, description: 'Правка' }, 'akimat')).toMatchObject({ status: 'error', fields: { raisedOn: 'entry.validation.periodClosed' } });
    expect(await state()).toEqual(closed);
  });
});

describe('an issue added to a recorded meeting', () => {
  it('valid, invalid, out of scope, a deleted meeting, closed half-year', async () => {
    const meeting = await createMeeting(pool, ref, { heldOn: '2024-04-02' });
    const input = { meetingId: meeting.id, categoryCode, description: 'Освещение улицы', responsibleLevel: 'RURAL' };

    const before = await state();
    expect(await run('createIssueAction', { ...input, description: '' }, 'akimat')).toMatchObject({ status: 'error', fields: { description: 'entry.validation.description' } });
    expect(await run('createIssueAction', { ...input, meetingId: 'x' }, 'akimat')).toMatchObject({ status: 'error', fields: { meetingId: 'entry.validation.meeting' } });
    expect(await run('createIssueAction', input, 'otherAkimat')).toMatchObject({ status: 'error', message: 'forbidden' });
    const gone = await createMeeting(pool, ref, { heldOn: '2024-04-03', deleted: true });
    const withGone = await state();
    expect(withGone).toEqual(before);
    expect(await run('createIssueAction', { ...input, meetingId: gone.id }, 'akimat')).toMatchObject({ status: 'error', fields: { meetingId: 'entry.validation.meetingUnknown' } });
    expect(await state()).toEqual(before);

    const ok = await run('createIssueAction', input, 'akimat');
    expect(ok).toMatchObject({ status: 'ok', data: { version: 1 } });
    const id = (ok.data as { id: number }).id;
    const row = (await pool.query(`SELECT meeting_id, status, raised_on::text,
      (SELECT json_agg(json_build_object('to', to_status, 'on', effective_on::text)) FROM issue_status_change WHERE issue_id = i.id) AS steps
      FROM raised_issue i WHERE id = $1`, [id])).rows[0];
    expect(row).toMatchObject({ meeting_id: meeting.id, status: 'RAISED', raised_on: '2024-04-02', steps: [{ to: 'RAISED', on: '2024-04-02' }] });
    expect(await lastAudit('raised_issue', id)).toMatchObject({ action: 'issue.create', after: { description: 'Освещение улицы' } });

    const old = await createMeeting(pool, ref, { heldOn: '2019-09-10' });
    await close(2019, 2);
    const closed = await state();
    expect(await run('createIssueAction', { ...input, meetingId: old.id }, 'akimat')).toMatchObject({ status: 'error', fields: { meetingId: 'entry.validation.periodClosed' } });
    expect(await state()).toEqual(closed);
  });
});

describe('a budget request changed', () => {
  it('valid, invalid, out of scope, stale, closed half-year', async () => {
    const meeting = await createMeeting(pool, ref, { heldOn: '2024-02-12' });
    const [a, b] = [await createIssue(pool, ref, meeting), await createIssue(pool, ref, meeting)];
    const created = await run('createBudgetRequestAction', { centralBodyCode: bodyCode, amountKzt: '500000000', issueIds: `${a.id}` }, 'akimat');
    expect(created.status).toBe('ok');
    const id = (created.data as { id: number }).id;
    const change = { id, version: 1, centralBodyCode: otherBodyCode, amountKzt: '650000000', issueIds: `${a.id}, ${b.id}`, note: 'Уточнена смета' };

    const before = await state();
    expect(await run('updateBudgetRequestAction', { ...change, issueIds: `${a.id}, abc` }, 'akimat')).toMatchObject({ status: 'error', fields: { issueIds: 'entry.validation.issueUnknown' } });
    expect(await run('updateBudgetRequestAction', { ...change, amountKzt: '1,5' }, 'akimat')).toMatchObject({ status: 'error', fields: { amountKzt: 'entry.validation.amount' } });
    expect(await run('updateBudgetRequestAction', { ...change, amountKzt: '0' }, 'akimat')).toMatchObject({ status: 'error', fields: { amountKzt: 'entry.validation.amount' } });
    expect(await run('updateBudgetRequestAction', { ...change, centralBodyCode: 'NO_BODY' }, 'akimat')).toMatchObject({ status: 'error', fields: { centralBodyCode: 'entry.validation.bodyUnknown' } });
    const denied = await denials();
    expect(await run('updateBudgetRequestAction', change, 'otherAkimat')).toMatchObject({ status: 'error', message: 'forbidden' });
    expect(await run('updateBudgetRequestAction', change, 'ministry')).toMatchObject({ status: 'error', message: 'forbidden' });
    expect(await denials()).toBe(denied + 2);
    expect(await run('updateBudgetRequestAction', { ...change, version: 3 }, 'akimat')).toMatchObject({ status: 'error', message: 'conflict' });
    expect(await state()).toEqual(before);

    expect(await run('updateBudgetRequestAction', change, 'akimat')).toMatchObject({ status: 'ok', data: { id, version: 2 } });
    const row = (await pool.query(`SELECT cb.code, r.amount_kzt::text AS amount, r.status, r.note, r.version,
      (SELECT array_agg(issue_id ORDER BY issue_id) FROM budget_request_issue WHERE request_id = r.id) AS issues
      FROM budget_request r JOIN central_body cb ON cb.id = r.central_body_id WHERE r.id = $1`, [id])).rows[0];
    expect(row).toEqual({ code: otherBodyCode, amount: '650000000', status: 'DRAFT', note: 'Уточнена смета', version: 2, issues: [a.id, b.id].sort((x, y) => x - y) });
    expect(await lastAudit('budget_request', id)).toMatchObject({ action: 'budget_request.update', before: { amountKzt: '500000000', version: 1 }, after: { amountKzt: '650000000', version: 2 } });
    const saved = await state();
    expect(await run('updateBudgetRequestAction', { ...change, amountKzt: '1' }, 'akimat')).toMatchObject({ message: 'conflict' });
    expect(await state()).toEqual(saved);

    // A closed half-year refuses a submission, a withdrawal or a decision dated in it.
    const old = await run('createBudgetRequestAction', { centralBodyCode: bodyCode, amountKzt: '10', issueIds: '' }, 'akimat');
    expect(old.status).toBe('ok');
    const oldId = (old.data as { id: number }).id;
    expect(await run('submitBudgetRequestAction', { id: oldId, version: 1, submittedOn: '2018-02-01' }, 'akimat')).toMatchObject({ status: 'ok', data: { version: 2 } });
    await close(2018, 1);
    const closed = await state();
    expect(await run('withdrawBudgetRequestAction', { id: oldId, version: 2, effectiveOn: '2018-03-01', reason: 'Не нужно' }, 'akimat'))
      .toMatchObject({ status: 'error', fields: { effectiveOn: 'entry.validation.periodClosed' } });
    expect(await run('decideBudgetRequestAction', { id: oldId, version: 2, decision: 'APPROVED', effectiveOn: '2018-04-01' }, 'ministry'))
      .toMatchObject({ status: 'error', fields: { effectiveOn: 'entry.validation.periodClosed' } });
    expect(await run('submitBudgetRequestAction', { id, version: 2, submittedOn: '2018-05-01' }, 'akimat')).toMatchObject({ status: 'error', fields: { submittedOn: 'entry.validation.periodClosed' } });
    expect(await state()).toEqual(closed);
  });
});

describe('a schedule entry changed', () => {
  it('valid, invalid, out of scope, stale, closed half-year', async () => {
    const entry = { year: 2024, half: 2, plannedMonth: 8, officialId: ref.ministerId, regionKato: kato };
    const created = await run('createScheduleEntryAction', entry, 'ministry');
    expect(created.status).toBe('ok');
    const id = (created.data as { id: number }).id;
    const change = { ...entry, id, version: 1, plannedMonth: '11' };

    const before = await state();
    expect(await run('updateScheduleEntryAction', { ...change, plannedMonth: '13' }, 'ministry')).toMatchObject({ status: 'error', fields: { plannedMonth: 'entry.validation.month' } });
    expect(await run('updateScheduleEntryAction', { ...change, half: '1' }, 'ministry')).toMatchObject({ status: 'error', fields: { plannedMonth: 'entry.validation.monthOutsideHalf' } });
    expect(await run('updateScheduleEntryAction', { ...change, regionKato: '000000001' }, 'ministry')).toMatchObject({ status: 'error', fields: { regionKato: 'entry.validation.regionUnknown' } });
    const denied = await denials();
    expect(await run('updateScheduleEntryAction', change, 'otherMinistry')).toMatchObject({ status: 'error', message: 'forbidden' });
    expect(await run('updateScheduleEntryAction', change, 'akimat')).toMatchObject({ status: 'error', message: 'forbidden' });
    expect(await denials()).toBe(denied + 2);
    expect(await run('updateScheduleEntryAction', { ...change, version: 5 }, 'ministry')).toMatchObject({ status: 'error', message: 'conflict' });
    expect(await state()).toEqual(before);

    expect(await run('updateScheduleEntryAction', change, 'ministry')).toMatchObject({ status: 'ok', data: { id, version: 2 } });
    expect((await pool.query('SELECT planned_month, version FROM schedule_entry WHERE id = $1', [id])).rows[0]).toEqual({ planned_month: 11, version: 2 });
    expect(await lastAudit('schedule_entry', id)).toMatchObject({ action: 'schedule_entry.update', before: { plannedMonth: 8, version: 1 }, after: { plannedMonth: 11, version: 2 } });
    const saved = await state();
    expect(await run('updateScheduleEntryAction', { ...change, plannedMonth: '12' }, 'ministry')).toMatchObject({ message: 'conflict' });
    expect(await state()).toEqual(saved);

    const old = await run('createScheduleEntryAction', { ...entry, year: 2018, half: 2, plannedMonth: 9 }, 'ministry');
    expect(old.status).toBe('ok');
    await close(2018, 2);
    const closed = await state();
    const oldId = (old.data as { id: number }).id;
    expect(await run('updateScheduleEntryAction', { ...entry, id: oldId, version: 1, year: 2025, half: 1, plannedMonth: 3 }, 'ministry')).toMatchObject({ status: 'error', fields: { half: 'entry.validation.periodClosed' } });
    expect(await run('updateScheduleEntryAction', { ...change, version: 2, year: 2018, half: 2, plannedMonth: 10 }, 'ministry')).toMatchObject({ status: 'error', fields: { half: 'entry.validation.periodClosed' } });
    expect(await state()).toEqual(closed);
  });
});

describe('a disposition and `selected` decided', () => {
  it('valid, invalid, out of scope, stale, closed half-year', async () => {
    const issue = await createIssue(pool, ref, await createMeeting(pool, ref, { heldOn: '2024-01-15' }));
    const proposed = await run('proposeEscalationAction', { issueId: issue.id, year: '2024', half: '1', centralBodyCode: bodyCode, proposal: '', includedOn: '2024-01-20' }, 'akimat');
    expect(proposed).toMatchObject({ status: 'ok', data: { version: 1 } });
    const id = (proposed.data as { id: number }).id;
    const decision = { id, version: 1, disposition: 'ALREADY_FUNDED_IN_REPUBLICAN_BUDGET', republicanAmountKzt: '120000000', selected: true, effectiveOn: '2024-05-02', comment: '' };

    const before = await state();
    expect(await run('decideEscalationAction', { ...decision, disposition: '' }, 'ministry')).toMatchObject({ status: 'error', fields: { disposition: 'generic.invalid_value' } });
    expect(await run('decideEscalationAction', { ...decision, republicanAmountKzt: '-1' }, 'ministry')).toMatchObject({ status: 'error', fields: { republicanAmountKzt: 'entry.validation.amount' } });
    expect(await run('decideEscalationAction', decision, 'otherMinistry')).toMatchObject({ status: 'error', message: 'forbidden' });
    expect(await run('decideEscalationAction', decision, 'akimat')).toMatchObject({ status: 'error', message: 'forbidden' });
    expect(await run('decideEscalationAction', { ...decision, version: 2 }, 'ministry')).toMatchObject({ status: 'error', message: 'conflict' });
    expect(await run('decideEscalationAction', { ...decision, effectiveOn: '2024-01-19' }, 'ministry')).toMatchObject({ status: 'error', fields: { effectiveOn: 'entry.validation.beforeIncluded' } });
    expect(await state()).toEqual(before);

    expect(await run('decideEscalationAction', decision, 'ministry')).toMatchObject({ status: 'ok', data: { version: 2 } });
    expect(await lastAudit('escalation', id)).toMatchObject({ action: 'escalation.decide', before: { selected: false, version: 1 }, after: { selected: true, version: 2 } });
    const saved = await state();
    expect(await run('decideEscalationAction', { ...decision, selected: false }, 'ministry')).toMatchObject({ message: 'conflict' });
    expect(await state()).toEqual(saved);

    const oldIssue = await createIssue(pool, ref, await createMeeting(pool, ref, { heldOn: '2017-02-01' }));
    const old = await run('proposeEscalationAction', { issueId: oldIssue.id, year: '2017', half: '1', centralBodyCode: bodyCode }, 'akimat');
    expect(old.status).toBe('ok');
    await close(2017, 1);
    const closed = await state();
    expect(await run('decideEscalationAction', { ...decision, id: (old.data as { id: number }).id }, 'ministry')).toMatchObject({ status: 'error', fields: { half: 'entry.validation.periodClosed' } });
    expect(await state()).toEqual(closed);
  });
});
