// The data-entry server actions called directly, each four ways: valid; invalid (the field
// named, nothing changed); out of scope; stale version. Plus soft deletion and restore, and
// closing and reopening a half-year, each leaving exactly one audit row.
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { callerFor, createEditorCallers } from '../factories/callers';
import { codeOf, createAkim, createReference, type Reference } from '../factories/reference';
import { createUser } from '../factories/users';
import { openActionDatabase, type Action, type ActionDatabase } from '../support/action-harness';

vi.mock('@/server/auth/caller', async (orig) => (await import('../support/action-harness')).mockGetCaller(orig));
vi.mock('next-intl/server', async () => (await import('../support/action-harness')).messagesAsKeys());

let db: ActionDatabase;
let pool: pg.Pool;
let ref: Reference;
let otherAkim: number;
let categoryCode: string;
let meetings: Record<string, Action>;
let issues: Record<string, Action>;
let periods: Record<string, Action>;
const as: Record<'akimat' | 'other' | 'admin' | 'manager', ReturnType<typeof callerFor>> = {} as never;

beforeAll(async () => {
  db = await openActionDatabase();
  pool = db.pool;
  ref = await createReference(pool);
  categoryCode = await codeOf(pool, 'issue_category', ref.categoryId);
  const editors = await createEditorCallers(pool, ref);
  otherAkim = await createAkim(pool, editors.otherRegionId);
  as.akimat = editors.callers.akimat;
  as.other = editors.callers.otherAkimat;
  as.admin = callerFor(await createUser(pool, { role: 'ADMIN', demo: true }));
  as.manager = callerFor(await createUser(pool, { role: 'MANAGER', demo: true }));
  meetings = (await import('@/features/meetings/actions')) as never;
  issues = (await import('@/features/issues/actions')) as never;
  periods = (await import('@/features/periods/actions')) as never;
});

afterAll(() => db?.close());

beforeEach(() => db.getCaller.mockResolvedValue(as.akimat));

const run = (action: Action, input: unknown, who: keyof typeof as = 'akimat') => {
  db.getCaller.mockResolvedValue(as[who]);
  return action(undefined, input);
};
const state = async () => (await pool.query(`SELECT
  (SELECT count(*)::int FROM meeting WHERE deleted_at IS NULL) AS meetings,
  (SELECT count(*)::int FROM raised_issue WHERE deleted_at IS NULL) AS issues,
  (SELECT count(*)::int FROM issue_status_change) AS steps,
  (SELECT count(*)::int FROM budget_allocation) AS money,
  (SELECT coalesce(sum(version), 0)::int FROM meeting) AS meeting_versions,
  (SELECT coalesce(sum(version), 0)::int FROM raised_issue) AS issue_versions,
  (SELECT count(*)::int FROM audit_log WHERE action <> 'access.denied') AS audit`)).rows[0];

const meetingInput = (over: Record<string, unknown> = {}) => ({
  kind: 'AKIM', officialId: ref.akimId, heldOn: '2024-02-10', venue: 'ONLINE',
  issues: [{ categoryCode, description: 'Водопровод', responsibleLevel: 'RURAL' }, { categoryCode, description: 'Дорога', responsibleLevel: 'REGION' }],
  ...over,
});

async function newMeeting() {
  const r = await run(meetings.createMeetingAction!, meetingInput());
  expect(r.status).toBe('ok');
  return r.data as { id: number; version: number; issueIds: number[] };
}

describe('meeting actions', () => {
  it('create: valid, invalid (field named, nothing written), out of scope', async () => {
    const before = await state();
    const m = await newMeeting();
    expect(m.issueIds).toHaveLength(2);
    expect(await state()).toMatchObject({ meetings: before.meetings + 1, issues: before.issues + 2, steps: before.steps + 2, audit: before.audit + 1 });
    const mid = await state();
    const bad = await run(meetings.createMeetingAction!, meetingInput({ heldOn: '2999-01-01', issues: [{ categoryCode, description: '', responsibleLevel: 'REGION' }] }));
    expect(bad).toMatchObject({ status: 'error', fields: { heldOn: 'entry.validation.dateInFuture', 'issues.0.description': 'entry.validation.description' } });
    expect((await run(meetings.createMeetingAction!, meetingInput({ officialId: otherAkim })))).toMatchObject({ status: 'error', message: 'forbidden' });
    expect(await state()).toEqual(mid);
  });

  it('update: valid, invalid, out of scope, stale', async () => {
    const m = await newMeeting();
    expect(await run(meetings.updateMeetingAction!, { id: m.id, version: m.version, attendance: '40' })).toMatchObject({ status: 'ok', data: { version: m.version + 1 } });
    const before = await state();
    expect(await run(meetings.updateMeetingAction!, { id: m.id, version: m.version + 1, attendance: '-1' })).toMatchObject({ status: 'error', fields: { attendance: 'entry.validation.count' } });
    expect(await run(meetings.updateMeetingAction!, { id: m.id, version: m.version + 1, attendance: '41' }, 'other')).toMatchObject({ status: 'error', message: 'forbidden' });
    expect(await run(meetings.updateMeetingAction!, { id: m.id, version: m.version, attendance: '42' })).toMatchObject({ status: 'error', message: 'conflict' });
    expect(await state()).toEqual(before);
  });

  it('delete takes the meeting and its issues out; an admin restores both; each leaves one audit row', async () => {
    const m = await newMeeting();
    const before = await state();
    expect(await run(meetings.deleteMeetingAction!, { id: m.id, version: m.version + 3 })).toMatchObject({ status: 'error', message: 'conflict' });
    expect(await run(meetings.deleteMeetingAction!, { id: m.id, version: m.version }, 'other')).toMatchObject({ status: 'error', message: 'forbidden' });
    expect(await run(meetings.deleteMeetingAction!, { id: m.id, version: m.version })).toMatchObject({ status: 'ok' });
    expect(await state()).toMatchObject({ meetings: before.meetings - 1, issues: before.issues - 2, audit: before.audit + 1 });
    expect(await run(meetings.restoreMeetingAction!, { id: m.id })).toMatchObject({ status: 'error', message: 'forbidden' });
    expect(await run(meetings.restoreMeetingAction!, { id: m.id }, 'admin')).toMatchObject({ status: 'ok' });
    expect(await state()).toMatchObject({ meetings: before.meetings, issues: before.issues, audit: before.audit + 2 });
    const audit = await pool.query(`SELECT action, before IS NOT NULL AS has_before, after->>'deletedAt' AS deleted FROM audit_log WHERE entity = 'meeting' AND entity_id = $1 ORDER BY id`, [String(m.id)]);
    expect(audit.rows.map((r) => r.action)).toEqual(['meeting.create', 'meeting.delete', 'meeting.restore']);
    expect(audit.rows[1].deleted).not.toBeNull();
    expect(audit.rows[2].deleted).toBeNull();
  });
});

describe('issue actions', () => {
  it('status change: valid, invalid, out of scope, stale; status follows the history', async () => {
    const m = await newMeeting();
    const id = m.issueIds[0]!;
    expect(await run(issues.changeIssueStatusAction!, { id, version: 1, toStatus: 'IN_EXECUTION', effectiveOn: '2024-03-01' })).toMatchObject({ status: 'ok', data: { version: 2 } });
    const before = await state();
    expect(await run(issues.changeIssueStatusAction!, { id, version: 2, toStatus: 'RESOLVED', effectiveOn: '2024-02-20' })).toMatchObject({ status: 'error', fields: { effectiveOn: 'entry.validation.beforeLastStep' } });
    expect(await run(issues.changeIssueStatusAction!, { id, version: 2, toStatus: 'RAISED', effectiveOn: '2024-03-20' })).toMatchObject({ status: 'error', fields: { toStatus: 'entry.validation.transition' } });
    expect(await run(issues.changeIssueStatusAction!, { id, version: 2, toStatus: 'RESOLVED', effectiveOn: '2024-03-20' }, 'other')).toMatchObject({ status: 'error', message: 'forbidden' });
    expect(await run(issues.changeIssueStatusAction!, { id, version: 1, toStatus: 'RESOLVED', effectiveOn: '2024-03-20' })).toMatchObject({ status: 'error', message: 'conflict' });
    expect(await state()).toEqual(before);
    expect(await run(issues.changeIssueStatusAction!, { id, version: 2, toStatus: 'RESOLVED', effectiveOn: '2024-03-20' })).toMatchObject({ status: 'ok' });
    const row = (await pool.query(`SELECT status, resolved_on::text FROM raised_issue WHERE id = $1`, [id])).rows[0];
    expect(row).toEqual({ status: 'RESOLVED', resolved_on: '2024-03-20' });
  });

  it('money entry: valid, invalid amount, out of scope, stale', async () => {
    const m = await newMeeting();
    const id = m.issueIds[1]!;
    expect(await run(issues.addMoneyEntryAction!, { id, version: 1, source: 'LOCAL', kind: 'NEED', amountKzt: '15000000', effectiveOn: '2024-02-15' })).toMatchObject({ status: 'ok' });
    const before = await state();
    for (const amountKzt of ['-5', '12.5', '99999999999999999', 'много']) {
      expect(await run(issues.addMoneyEntryAction!, { id, version: 2, source: 'LOCAL', kind: 'NEED', amountKzt, effectiveOn: '2024-02-15' })).toMatchObject({ status: 'error', fields: { amountKzt: 'entry.validation.amount' } });
    }
    expect(await run(issues.addMoneyEntryAction!, { id, version: 2, source: 'LOCAL', kind: 'NEED', amountKzt: '5', effectiveOn: '2024-02-01' })).toMatchObject({ status: 'error', fields: { effectiveOn: 'entry.validation.beforeRaised' } });
    expect(await run(issues.addMoneyEntryAction!, { id, version: 2, source: 'LOCAL', kind: 'NEED', amountKzt: '5', effectiveOn: '2024-02-15' }, 'other')).toMatchObject({ status: 'error', message: 'forbidden' });
    expect(await run(issues.addMoneyEntryAction!, { id, version: 1, source: 'LOCAL', kind: 'NEED', amountKzt: '5', effectiveOn: '2024-02-15' })).toMatchObject({ status: 'error', message: 'conflict' });
    expect(await state()).toEqual(before);
    expect((await pool.query('SELECT amount_kzt::text FROM budget_allocation WHERE issue_id = $1', [id])).rows).toEqual([{ amount_kzt: '15000000' }]);
  });

  it('create and update an issue; delete and restore it', async () => {
    const m = await newMeeting();
    const created = await run(issues.createIssueAction!, { meetingId: m.id, categoryCode, description: 'Газ', responsibleLevel: 'DISTRICT' });
    expect(created.status).toBe('ok');
    const id = (created.data as { id: number }).id;
    expect(await run(issues.createIssueAction!, { meetingId: m.id, categoryCode: 'NOPE', description: 'x', responsibleLevel: 'DISTRICT' })).toMatchObject({ fields: { categoryCode: 'entry.validation.categoryUnknown' } });
    expect(await run(issues.createIssueAction!, { meetingId: m.id, categoryCode, description: 'x', responsibleLevel: 'DISTRICT' }, 'other')).toMatchObject({ message: 'forbidden' });
    expect(await run(issues.updateIssueAction!, { id, version: 1, description: 'Газификация села' })).toMatchObject({ status: 'ok' });
    expect(await run(issues.updateIssueAction!, { id, version: 1, description: 'x' })).toMatchObject({ message: 'conflict' });
    expect(await run(issues.updateIssueAction!, { id, version: 2, description: 'x' }, 'other')).toMatchObject({ message: 'forbidden' });
    expect(await run(issues.updateIssueAction!, { id, version: 2, responsibleLevel: 'MOON' })).toMatchObject({ fields: { responsibleLevel: 'generic.invalid_value' } });
    expect(await run(issues.deleteIssueAction!, { id, version: 2 })).toMatchObject({ status: 'ok' });
    expect((await pool.query('SELECT deleted_at IS NOT NULL AS d FROM raised_issue WHERE id = $1', [id])).rows[0].d).toBe(true);
    expect(await run(issues.restoreIssueAction!, { id }, 'admin')).toMatchObject({ status: 'ok' });
    expect((await pool.query('SELECT deleted_at IS NOT NULL AS d FROM raised_issue WHERE id = $1', [id])).rows[0].d).toBe(false);
    const actions = (await pool.query(`SELECT action FROM audit_log WHERE entity = 'raised_issue' AND entity_id = $1 ORDER BY id`, [String(id)])).rows.map((r) => r.action);
    expect(actions).toEqual(['issue.create', 'issue.update', 'issue.delete', 'issue.restore']);
  });
});

describe('period actions', () => {
  it('only an admin closes a half-year by hand, and only one that has ended (finding 10)', async () => {
    // A manager closes a half-year only by issuing its briefing (exports.test.ts).
    expect(await run(periods.closePeriod!, { year: '2023', half: '2' }, 'manager')).toMatchObject({ message: 'forbidden' });
    expect(await run(periods.closePeriod!, { year: '2100', half: '1' }, 'admin')).toMatchObject({ fields: { half: 'entry.validation.periodNotEnded' } });
    const { todayInKazakhstan } = await import('@/lib/calendar');
    const today = todayInKazakhstan();
    const current = { year: today.slice(0, 4), half: Number(today.slice(5, 7)) <= 6 ? '1' : '2' };
    expect(await run(periods.closePeriod!, current, 'admin')).toMatchObject({ fields: { half: 'entry.validation.periodNotEnded' } });
    expect((await pool.query(`SELECT count(*)::int AS n FROM closed_period`)).rows[0].n).toBe(0);
  });

  it('an admin closes a half-year; writes dated in it are refused; only an admin reopens it, with a reason', async () => {
    const m = await newMeeting();
    expect(await run(periods.closePeriod!, { year: '2024', half: '1' }, 'akimat')).toMatchObject({ message: 'forbidden' });
    expect(await run(periods.closePeriod!, { year: '2024', half: '1' }, 'admin')).toMatchObject({ status: 'ok' });
    const before = await state();
    expect(await run(meetings.updateMeetingAction!, { id: m.id, version: m.version, attendance: '7' })).toMatchObject({ status: 'error', fields: { heldOn: 'entry.validation.periodClosed' } });
    expect(await run(issues.changeIssueStatusAction!, { id: m.issueIds[0], version: 1, toStatus: 'RESOLVED', effectiveOn: '2024-03-01' })).toMatchObject({ fields: { effectiveOn: 'entry.validation.periodClosed' } });
    expect(await run(meetings.deleteMeetingAction!, { id: m.id, version: m.version })).toMatchObject({ fields: { heldOn: 'entry.validation.periodClosed' } });
    expect(await state()).toEqual(before);
    expect(await run(periods.reopenPeriod!, { year: '2024', half: '1', reason: 'Исправление' }, 'manager')).toMatchObject({ message: 'forbidden' });
    expect(await run(periods.reopenPeriod!, { year: '2024', half: '1', reason: '' }, 'admin')).toMatchObject({ fields: { reason: 'entry.validation.reason' } });
    expect(await run(periods.reopenPeriod!, { year: '2024', half: '1', reason: 'Исправление' }, 'admin')).toMatchObject({ status: 'ok' });
    expect(await run(meetings.updateMeetingAction!, { id: m.id, version: m.version, attendance: '7' })).toMatchObject({ status: 'ok' });
    const rows = (await pool.query(`SELECT action FROM audit_log WHERE entity = 'closed_period' ORDER BY id`)).rows.map((r) => r.action);
    expect(rows).toEqual(['period.close', 'period.reopen']);
  });
});
