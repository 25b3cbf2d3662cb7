// The statistics module's national figures (features/stats/queries/summary.ts) against the counting rules of
// features/issues/rules.ts, on small hand-made histories. Each case starts from empty
// meeting/issue tables; the expectation is computed with the rules over the same histories,
// and the case's intended figures are stated literally as well.
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { isResolvedDuring, statusOn } from '@/server/records/issues/rules';
import { parsePeriod, type Period } from '@/lib/period';
import { createIssue, createMeeting, type TestIssue, type TestMeeting } from '../factories/issues';
import { createReference, type Reference } from '../factories/reference';
import { openAppDatabase, type AppDatabase } from '../support/database';

type Queries = typeof import('@/server/stats/queries/summary') & typeof import('@/server/stats/filters');

let database: AppDatabase;
let pool: pg.Pool;
let queries: Queries;
let ref: Reference;

// What a case wrote, to compute the expectation from.
let meetings: TestMeeting[] = [];
let issues: TestIssue[] = [];

const period = (code: string): Period => {
  const p = parsePeriod(code);
  if (!p) throw new Error(`bad period ${code}`);
  return p;
};
const H1 = period('2031-H1');
const H2 = period('2031-H2');
const YEAR = period('2031');

async function meeting(heldOn: string, options: { kind?: 'AKIM' | 'CENTRAL'; deleted?: boolean } = {}) {
  const m = await createMeeting(pool, ref, { heldOn, ...options });
  meetings.push(m);
  return m;
}

async function issue(m: TestMeeting, steps: Parameters<typeof createIssue>[3] = [], options: { deleted?: boolean } = {}) {
  const i = await createIssue(pool, ref, m, steps, options);
  issues.push(i);
  return i;
}

type Figures = { meetings: number; issuesRaised: number; issuesResolved: number; raisedAndResolved: number; resolutionRate: number | null };

const within = (d: string, p: { from: string; to: string }) => d >= p.from && d <= p.to;

/**
 * The figures by the rules: akim meetings and issues that are not soft-deleted, as they stood on
 * asOf — nothing held or raised after it counts yet — with statuses read on asOf.
 */
function expected(p: Period, asOf = p.to): Figures {
  const liveMeetings = meetings.filter((m) => m.kind === 'AKIM' && !m.deleted && m.heldOn <= asOf);
  const liveIssues = issues.filter((i) => i.kind === 'AKIM' && !i.deleted && !i.meeting.deleted);
  const raised = liveIssues.filter((i) => within(i.raisedOn, p) && i.raisedOn <= asOf);
  const raisedAndResolved = raised.filter((i) => statusOn(i.history, asOf) === 'RESOLVED').length;
  // Resolved during the period: judged at its end, or on asOf when that comes first.
  const known = { from: p.from, to: asOf < p.to ? asOf : p.to };
  return {
    meetings: liveMeetings.filter((m) => within(m.heldOn, p)).length,
    issuesRaised: raised.length,
    issuesResolved: liveIssues.filter((i) => isResolvedDuring(i.history, known)).length,
    raisedAndResolved,
    resolutionRate: raised.length === 0 ? null : raisedAndResolved / raised.length,
  };
}

// The periods lie in 2031, after the real today; a period still running is read as of today,
// so calls without asOf run with the clock set to a day after 2031.
const AFTER_2031 = new Date('2032-03-01T09:00:00Z');

async function summaryAt(now: Date, p: Period, asOf?: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
  try {
    const f = queries.nationalFilter(p, asOf);
    const figures = await queries.getFigures(f);
    return { ...figures, period: p, raisedAndResolved: figures.issuesRaisedAndResolved };
  } finally {
    vi.useRealTimers();
  }
}

async function summary(p: Period, asOf?: string): Promise<Figures> {
  const s = await summaryAt(AFTER_2031, p, asOf);
  expect(s.asOf).toBe(asOf ?? p.to);
  return {
    meetings: s.meetings,
    issuesRaised: s.issuesRaised,
    issuesResolved: s.issuesResolved,
    raisedAndResolved: s.raisedAndResolved,
    resolutionRate: s.resolutionRate,
  };
}

/** Checks the SQL against the rules, and the rules against what the case means. */
async function check(p: Period, literal: Figures, asOf?: string) {
  const rules = expected(p, asOf);
  expect(rules, `rules on ${p.code}${asOf ? ` as of ${asOf}` : ''}`).toEqual(literal);
  expect(await summary(p, asOf), `getAkimSummary(${p.code}${asOf ? `, ${asOf}` : ''})`).toEqual(rules);
}

beforeAll(async () => {
  database = await openAppDatabase();
  queries = { ...(await import('@/server/stats/queries/summary')), ...(await import('@/server/stats/filters')) };
  pool = database.pool;
  ref = await createReference(pool);
});

beforeEach(async () => {
  await pool.query('TRUNCATE meeting, raised_issue, issue_status_change RESTART IDENTITY CASCADE');
  meetings = [];
  issues = [];
});

afterAll(() => database?.close());

describe('getAkimSummary against the rules', () => {
  it('gives nothing, and no rate, for a period without data', async () => {
    await check(H2, { meetings: 0, issuesRaised: 0, issuesResolved: 0, raisedAndResolved: 0, resolutionRate: null });
  });

  it('counts an issue raised in H1 and resolved in H2 as resolved during H2, not among H2’s raised', async () => {
    const march = await meeting('2031-03-15');
    await issue(march, [{ to: 'IN_EXECUTION', on: '2031-04-01' }, { to: 'RESOLVED', on: '2031-08-20' }]);
    const august = await meeting('2031-08-05');
    await issue(august);

    await check(H2, { meetings: 1, issuesRaised: 1, issuesResolved: 1, raisedAndResolved: 0, resolutionRate: 0 });
    await check(H1, { meetings: 1, issuesRaised: 1, issuesResolved: 0, raisedAndResolved: 0, resolutionRate: 0 });
    // Over the year it was raised and resolved inside the period.
    await check(YEAR, { meetings: 2, issuesRaised: 2, issuesResolved: 1, raisedAndResolved: 1, resolutionRate: 0.5 });
  });

  it('does not count an issue resolved, then reopened before the period ends', async () => {
    const m = await meeting('2031-07-05');
    await issue(m, [
      { to: 'IN_EXECUTION', on: '2031-07-10' },
      { to: 'RESOLVED', on: '2031-08-01' },
      { to: 'IN_EXECUTION', on: '2031-09-15', comment: 'the road cracked again' },
    ]);
    await check(H2, { meetings: 1, issuesRaised: 1, issuesResolved: 0, raisedAndResolved: 0, resolutionRate: 0 });
    // As it stood between the resolution and the reopening, it counted.
    await check(H2, { meetings: 1, issuesRaised: 1, issuesResolved: 1, raisedAndResolved: 1, resolutionRate: 1 }, '2031-08-15');
  });

  it('reads two changes on one date in the order they were recorded', async () => {
    const m = await meeting('2031-07-05');
    // Resolved and reopened the same day: it ends the day open.
    await issue(m, [
      { to: 'RESOLVED', on: '2031-08-01' },
      { to: 'IN_EXECUTION', on: '2031-08-01' },
    ]);
    // Put in execution and resolved the same day: it ends the day resolved.
    await issue(m, [
      { to: 'IN_EXECUTION', on: '2031-08-02' },
      { to: 'RESOLVED', on: '2031-08-02' },
    ]);
    await check(H2, { meetings: 1, issuesRaised: 2, issuesResolved: 1, raisedAndResolved: 1, resolutionRate: 0.5 });
    await check(H2, { meetings: 1, issuesRaised: 2, issuesResolved: 0, raisedAndResolved: 0, resolutionRate: 0 }, '2031-08-01');
    await check(H2, { meetings: 1, issuesRaised: 2, issuesResolved: 1, raisedAndResolved: 1, resolutionRate: 0.5 }, '2031-08-02');
  });

  it('counts an issue resolved, reopened and resolved again once', async () => {
    const m = await meeting('2031-07-05');
    await issue(m, [
      { to: 'RESOLVED', on: '2031-08-01' },
      { to: 'IN_EXECUTION', on: '2031-08-10' },
      { to: 'RESOLVED', on: '2031-09-01' },
    ]);
    // Resolved in H1, reopened in H1 and resolved again in H2: once, in H2, and not in H1.
    const may = await meeting('2031-05-05');
    await issue(may, [
      { to: 'RESOLVED', on: '2031-05-20' },
      { to: 'IN_EXECUTION', on: '2031-06-10' },
      { to: 'RESOLVED', on: '2031-07-20' },
    ]);
    await check(H2, { meetings: 1, issuesRaised: 1, issuesResolved: 2, raisedAndResolved: 1, resolutionRate: 1 });
    await check(H1, { meetings: 1, issuesRaised: 1, issuesResolved: 0, raisedAndResolved: 0, resolutionRate: 0 });
    await check(YEAR, { meetings: 2, issuesRaised: 2, issuesResolved: 2, raisedAndResolved: 2, resolutionRate: 1 });
  });

  it('leaves out central officials’ meetings and their issues', async () => {
    const akim = await meeting('2031-07-05');
    await issue(akim, [{ to: 'RESOLVED', on: '2031-07-20' }]);
    await issue(akim);
    const central = await meeting('2031-07-06', { kind: 'CENTRAL' });
    await issue(central, [{ to: 'RESOLVED', on: '2031-07-21' }]);
    await issue(central, [{ to: 'RESOLVED', on: '2031-07-22' }]);
    await issue(central, [{ to: 'NOT_SUPPORTED', on: '2031-07-22' }]);
    await check(H2, { meetings: 1, issuesRaised: 2, issuesResolved: 1, raisedAndResolved: 1, resolutionRate: 0.5 });
  });

  it('leaves out a soft-deleted issue', async () => {
    const m = await meeting('2031-07-05');
    await issue(m, [{ to: 'RESOLVED', on: '2031-07-20' }]);
    await issue(m, [{ to: 'RESOLVED', on: '2031-07-20' }], { deleted: true });
    await issue(m, [], { deleted: true });
    await issue(m);
    await check(H2, { meetings: 1, issuesRaised: 2, issuesResolved: 1, raisedAndResolved: 1, resolutionRate: 0.5 });
  });

  it('leaves out a soft-deleted meeting whose issues were soft-deleted with it', async () => {
    const live = await meeting('2031-07-05');
    await issue(live);
    const gone = await meeting('2031-07-06', { deleted: true });
    await issue(gone, [{ to: 'RESOLVED', on: '2031-07-20' }], { deleted: true });
    await issue(gone, [], { deleted: true });
    await check(H2, { meetings: 1, issuesRaised: 1, issuesResolved: 0, raisedAndResolved: 0, resolutionRate: 0 });
  });

  it('leaves out the issues of a soft-deleted meeting even when the issues themselves were not deleted', async () => {
    const live = await meeting('2031-07-05');
    await issue(live);
    const gone = await meeting('2031-07-06', { deleted: true });
    await issue(gone, [{ to: 'RESOLVED', on: '2031-07-20' }]);
    const rules = expected(H2);
    expect(rules).toEqual({ meetings: 1, issuesRaised: 1, issuesResolved: 0, raisedAndResolved: 0, resolutionRate: 0 });
    const got = await summary(H2);
    expect(got.meetings).toBe(1); // the meeting itself is left out already
    expect(got).toEqual(rules);
  });

  it('gives a lower rate as of a date before a resolution', async () => {
    const m = await meeting('2031-02-01');
    await issue(m, [{ to: 'IN_EXECUTION', on: '2031-03-01' }, { to: 'RESOLVED', on: '2031-05-10' }]);
    await issue(m, [{ to: 'RESOLVED', on: '2031-02-15' }]);
    await issue(m, [{ to: 'NOT_SUPPORTED', on: '2031-02-20' }]);
    await issue(m);

    await check(H1, { meetings: 1, issuesRaised: 4, issuesResolved: 2, raisedAndResolved: 2, resolutionRate: 0.5 });
    await check(H1, { meetings: 1, issuesRaised: 4, issuesResolved: 1, raisedAndResolved: 1, resolutionRate: 0.25 }, '2031-04-30');
    // The day of the resolution counts it.
    await check(H1, { meetings: 1, issuesRaised: 4, issuesResolved: 2, raisedAndResolved: 2, resolutionRate: 0.5 }, '2031-05-10');
    // Before the meeting was held, nothing had been raised yet: no rate to give.
    await check(H1, { meetings: 0, issuesRaised: 0, issuesResolved: 0, raisedAndResolved: 0, resolutionRate: null }, '2031-01-15');
  });

  it('judges "resolved during" at the period end even when the rate is read later', async () => {
    const m = await meeting('2031-02-01');
    // Resolved in May, reopened in August: resolved during H1, not RESOLVED at year end.
    await issue(m, [{ to: 'RESOLVED', on: '2031-05-10' }, { to: 'IN_EXECUTION', on: '2031-08-01' }]);
    // Resolved in May, reopened, resolved again in September: resolved during H1 and during H2.
    await issue(m, [{ to: 'RESOLVED', on: '2031-05-12' }, { to: 'IN_EXECUTION', on: '2031-08-02' }, { to: 'RESOLVED', on: '2031-09-03' }]);
    await check(H1, { meetings: 1, issuesRaised: 2, issuesResolved: 2, raisedAndResolved: 1, resolutionRate: 0.5 }, '2031-12-31');
  });

  it('reads a period still running as of today', async () => {
    const m = await meeting('2031-07-05');
    await issue(m, [{ to: 'RESOLVED', on: '2031-08-10' }]);
    await issue(m, [{ to: 'RESOLVED', on: '2031-08-20' }]);

    const midAugust = await summaryAt(new Date('2031-08-15T09:00:00Z'), H2);
    expect(midAugust.asOf).toBe('2031-08-15');
    const asOfToday = expected(H2, '2031-08-15');
    expect(asOfToday).toEqual({ meetings: 1, issuesRaised: 2, issuesResolved: 1, raisedAndResolved: 1, resolutionRate: 0.5 });
    expect(midAugust).toMatchObject(asOfToday);

    // A period already over is read on its last day, whatever today is.
    const later = await summaryAt(new Date('2031-08-15T09:00:00Z'), period('2031-Q2'));
    expect(later.asOf).toBe('2031-06-30');
  });

  it('agrees with the rules on all the cases together, for each half, the year and several dates', async () => {
    const a = await meeting('2031-03-15');
    await issue(a, [{ to: 'IN_EXECUTION', on: '2031-04-01' }, { to: 'RESOLVED', on: '2031-08-20' }]);
    await issue(a, [{ to: 'RESOLVED', on: '2031-05-20' }, { to: 'IN_EXECUTION', on: '2031-06-10' }, { to: 'RESOLVED', on: '2031-07-20' }]);
    await issue(a, [{ to: 'ESCALATED', on: '2031-04-10' }, { to: 'RESOLVED', on: '2031-06-30' }]);
    await issue(a, [], { deleted: true });
    const b = await meeting('2031-07-05');
    await issue(b, [{ to: 'RESOLVED', on: '2031-08-01' }, { to: 'IN_EXECUTION', on: '2031-09-15' }]);
    await issue(b, [{ to: 'RESOLVED', on: '2031-08-01' }, { to: 'IN_EXECUTION', on: '2031-08-10' }, { to: 'RESOLVED', on: '2031-12-31' }]);
    await issue(b, [{ to: 'NOT_SUPPORTED', on: '2031-07-06' }, { to: 'IN_EXECUTION', on: '2031-10-01' }, { to: 'RESOLVED', on: '2031-11-01' }]);
    const c = await meeting('2031-09-01', { kind: 'CENTRAL' });
    await issue(c, [{ to: 'RESOLVED', on: '2031-09-02' }]);
    const d = await meeting('2031-10-01', { deleted: true });
    await issue(d, [{ to: 'RESOLVED', on: '2031-10-02' }], { deleted: true });
    // Raised before 2031 and resolved in it.
    const e = await meeting('2030-12-20');
    await issue(e, [{ to: 'RESOLVED', on: '2031-01-10' }]);

    for (const p of [H1, H2, YEAR, period('2031-Q3'), period('2030-H2')]) {
      for (const asOf of [undefined, '2031-01-31', '2031-06-30', '2031-08-05', '2031-08-15', '2031-10-15', '2031-12-31']) {
        if (asOf && asOf > p.to) continue;
        expect(await summary(p, asOf), `${p.code} as of ${asOf ?? 'default'}`).toEqual(expected(p, asOf));
      }
    }
    // Spot checks of the rules themselves on this mix.
    expect(expected(H2).issuesResolved).toBe(4); // a#1, a#2, b#2, b#3
    expect(expected(H1)).toMatchObject({ issuesRaised: 3, issuesResolved: 2, raisedAndResolved: 1 }); // e#1 and a#3 resolved in H1
  });
});
