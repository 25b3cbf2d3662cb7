import fs from 'node:fs';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../prisma/seed/seed-demo';
import { createTestDatabase, sqlPool, type TestDatabase } from '../support/database';

// Every figure of the 2022 briefing, checked against the seeded database with SQL written
// here, independent of the app's statistics code.

type Range = { range: [number, number] };
const figures = JSON.parse(fs.readFileSync('tests/fixtures/seed-figures-2022.json', 'utf8'));
const akim = figures.akimMeetings;
const central = figures.centralOfficialMeetings['2022'];

const inRange = (value: number, { range }: Range) => {
  expect(value).toBeGreaterThanOrEqual(range[0]);
  expect(value).toBeLessThan(range[1]);
};

let db: TestDatabase;
let pool: pg.Pool;
const one = async <T = Record<string, string>>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows[0] as T;
const num = async (sql: string, params: unknown[] = []) => Number(Object.values(await one(sql, params))[0]);

// Status of every issue as of a date, from its history, with the date it last became RESOLVED.
const STATUS_AS_OF = `
  WITH ranked AS (
    SELECT c.issue_id, c.to_status,
      row_number() OVER (PARTITION BY c.issue_id ORDER BY c.effective_on DESC, c.recorded_at DESC, c.id DESC) AS rn
    FROM issue_status_change c WHERE c.effective_on <= $1::date
  ), resolved AS (
    SELECT issue_id, max(effective_on) AS last_resolved FROM issue_status_change
    WHERE to_status = 'RESOLVED' AND effective_on <= $1::date GROUP BY issue_id
  )
  SELECT i.id, i.region_id, i.raised_on, ranked.to_status AS status, resolved.last_resolved
  FROM raised_issue i
  LEFT JOIN ranked ON ranked.issue_id = i.id AND ranked.rn = 1
  LEFT JOIN resolved ON resolved.issue_id = i.id
  WHERE i.meeting_kind = 'AKIM'`;

beforeAll(async () => {
  db = await createTestDatabase();
  const result = await seedDemoData(db.url);
  expect(result.seeded).toBe(true);
  pool = sqlPool(db.url);
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

describe('akim meetings (MNE line)', () => {
  const meetings = (from: string, to: string) =>
    num(`SELECT count(*) FROM meeting WHERE kind = 'AKIM' AND held_on BETWEEN $1 AND $2`, [from, to]);
  const raised = (from: string, to: string) =>
    num(`SELECT count(*) FROM raised_issue WHERE meeting_kind = 'AKIM' AND raised_on BETWEEN $1 AND $2`, [from, to]);

  it('2022-H2: meetings, issues raised and issues resolved during the half', async () => {
    inRange(await meetings('2022-07-01', '2022-12-31'), akim['2022-H2'].meetings);
    inRange(await raised('2022-07-01', '2022-12-31'), akim['2022-H2'].issuesRaised);
    const resolvedDuring = await num(
      `SELECT count(*) FROM (${STATUS_AS_OF}) s WHERE status = 'RESOLVED' AND last_resolved BETWEEN '2022-07-01' AND '2022-12-31'`,
      ['2022-12-31'],
    );
    inRange(resolvedDuring, akim['2022-H2'].issuesResolvedDuringPeriod);
  });

  it('2022: meetings, raised, resolved, rate and H2 over H1', async () => {
    const year = await meetings('2022-01-01', '2022-12-31');
    inRange(year, akim['2022'].meetings);
    const issues = await raised('2022-01-01', '2022-12-31');
    inRange(issues, akim['2022'].issuesRaised);
    const resolved = await num(
      `SELECT count(*) FROM (${STATUS_AS_OF}) s WHERE status = 'RESOLVED' AND raised_on BETWEEN '2022-01-01' AND '2022-12-31'`,
      ['2022-12-31'],
    );
    inRange(resolved, akim['2022'].issuesResolved);
    inRange((resolved / issues) * 100, akim['2022'].resolutionRatePct);
    const ratio = (await meetings('2022-07-01', '2022-12-31')) / (await meetings('2022-01-01', '2022-06-30'));
    inRange(ratio, akim['2022'].meetingsH2overH1);
  });

  it('2022: the top three and bottom three regions by resolution rate', async () => {
    const { rows } = await pool.query<{ kato: string; rate: string }>(
      `SELECT r.kato, round(100.0 * count(*) FILTER (WHERE s.status = 'RESOLVED') / count(*), 1) AS rate
       FROM (${STATUS_AS_OF}) s JOIN region r ON r.id = s.region_id
       WHERE s.raised_on BETWEEN '2022-01-01' AND '2022-12-31'
       GROUP BY r.kato ORDER BY rate DESC`,
      ['2022-12-31'],
    );
    expect(rows).toHaveLength(20);
    const rates = Object.fromEntries(rows.map((r) => [r.kato, Number(r.rate)]));
    const { highest, lowest } = akim['2022'].regionResolutionRatePct;
    expect(rows.slice(0, 3).map((r) => r.kato)).toEqual(Object.keys(highest));
    expect(rows.slice(-3).map((r) => r.kato).sort()).toEqual(Object.keys(lowest).sort());
    for (const [kato, pct] of Object.entries({ ...highest, ...lowest })) expect(rates[kato]).toBe(pct);
    for (const r of rows.slice(3, -3)) {
      expect(Number(r.rate)).toBeGreaterThan(54.5);
      expect(Number(r.rate)).toBeLessThan(92.8);
    }
  });

  it('2022-H2: local-budget need, allocation and share over the half’s issues', async () => {
    const row = await one<{ need: string; allocated: string }>(
      `SELECT coalesce(sum(b.amount_kzt) FILTER (WHERE b.kind = 'NEED'), 0) AS need,
              coalesce(sum(b.amount_kzt) FILTER (WHERE b.kind = 'ALLOCATED'), 0) AS allocated
       FROM budget_allocation b JOIN raised_issue i ON i.id = b.issue_id
       WHERE b.source = 'LOCAL' AND i.meeting_kind = 'AKIM' AND b.effective_on <= '2022-12-31'
         AND i.raised_on BETWEEN '2022-07-01' AND '2022-12-31'`,
    );
    inRange(Number(row.need), akim['2022-H2'].localBudgetNeedKZT);
    inRange(Number(row.allocated), akim['2022-H2'].localBudgetAllocatedKZT);
    const share = Math.round((Number(row.allocated) / Number(row.need)) * 1000) / 10;
    expect(`${share}%`).toBe(akim['2022-H2'].allocatedShareOfNeedPct.report);
  });

  const list = async (half: number) => {
    const { rows } = await pool.query<{ disposition: string; n: string; amount: string; selected: string }>(
      `SELECT disposition, count(*) AS n, coalesce(sum(republican_amount_kzt), 0) AS amount, count(*) FILTER (WHERE selected) AS selected
       FROM escalation WHERE year = 2022 AND half = $1 GROUP BY disposition`,
      [half],
    );
    return Object.fromEntries(rows.map((r) => [r.disposition, { n: Number(r.n), amount: Number(r.amount), selected: Number(r.selected) }]));
  };

  it('2022-H2: the central-level list by disposition, with amounts and the selected', async () => {
    const expected = akim['2022-H2'].centralLevelList;
    const got = await list(2);
    const total = Object.values(got).reduce((s, d) => s + d.n, 0);
    expect(total).toBe(expected.total);
    for (const [code, spec] of Object.entries<number | { count: number; amountKZT: Range }>(expected.byDisposition)) {
      const count = typeof spec === 'number' ? spec : spec.count;
      expect(got[code]?.n, code).toBe(count);
      if (typeof spec !== 'number') inRange(got[code]?.amount ?? 0, spec.amountKZT);
    }
    expect(Object.values(got).reduce((s, d) => s + d.selected, 0)).toBe(expected.selectedForCentralDecision);
  });

  it('2022-H1: the central-level list', async () => {
    const expected = akim['2022-H1'].centralLevelList;
    const got = await list(1);
    expect(Object.values(got).reduce((s, d) => s + d.n, 0)).toBe(expected.total);
    for (const [code, count] of Object.entries<number>(expected.byDisposition)) expect(got[code]?.n, code).toBe(count);
  });

  it('the dispositions’ dated history ends on the current disposition', async () => {
    const mismatched = await num(
      `SELECT count(*) FROM escalation e WHERE e.disposition IS DISTINCT FROM (
         SELECT h.disposition FROM escalation_disposition_change h WHERE h.escalation_id = e.id
         ORDER BY h.effective_on DESC, h.recorded_at DESC, h.id DESC LIMIT 1)`,
    );
    expect(mismatched).toBe(0);
  });

  // Each entry's latest step of a history on or before $2, for the list of 2022-H$1.
  const listOn = (half: number, on: string) =>
    one<{ total: string; selected: string }>(
      `SELECT count(*) AS total, count(*) FILTER (WHERE (
         SELECT sc.selected FROM escalation_selection_change sc WHERE sc.escalation_id = e.id AND sc.effective_on <= $2::date
         ORDER BY sc.effective_on DESC, sc.recorded_at DESC, sc.id DESC LIMIT 1)) AS selected
       FROM escalation e
       WHERE e.year = 2022 AND e.half = $1 AND (
         SELECT ic.included FROM escalation_inclusion_change ic WHERE ic.escalation_id = e.id AND ic.effective_on <= $2::date
         ORDER BY ic.effective_on DESC, ic.recorded_at DESC, ic.id DESC LIMIT 1)`,
      [half, on],
    );

  it('the lists as they stood at each half’s end, from the dated histories, are the briefing’s; earlier they were shorter', async () => {
    const h2 = akim['2022-H2'].centralLevelList;
    expect(await listOn(2, '2022-12-31')).toEqual({ total: String(h2.total), selected: String(h2.selectedForCentralDecision) });
    expect(Number((await listOn(1, '2022-06-30')).total)).toBe(akim['2022-H1'].centralLevelList.total);
    const midway = await listOn(2, '2022-09-30');
    expect(Number(midway.total)).toBeGreaterThan(0);
    expect(Number(midway.total)).toBeLessThan(h2.total);
    expect(Number(midway.selected)).toBeLessThan(h2.selectedForCentralDecision);
  });

  it('dates each entry as the migration dates existing ones: listed on its issue’s last move to ESCALATED in the half, selected on its latest disposition', async () => {
    const misdated = await num(
      `SELECT count(*) FROM escalation e WHERE (
         SELECT array_agg(ic.effective_on) FROM escalation_inclusion_change ic WHERE ic.escalation_id = e.id AND ic.included
       ) IS DISTINCT FROM ARRAY[(
         SELECT max(s.effective_on) FROM issue_status_change s
         WHERE s.issue_id = e.issue_id AND s.to_status = 'ESCALATED'
           AND s.effective_on BETWEEN make_date(e.year, 6 * e.half - 5, 1) AND (make_date(e.year, 6 * e.half - 5, 1) + interval '6 months' - interval '1 day')::date)]`,
    );
    expect(misdated).toBe(0);
    const marks = await num(
      `SELECT count(*) FROM escalation e WHERE (
         SELECT array_agg(sc.effective_on) FROM escalation_selection_change sc WHERE sc.escalation_id = e.id AND sc.selected
       ) IS DISTINCT FROM CASE WHEN e.selected THEN ARRAY[(
         SELECT max(h.effective_on) FROM escalation_disposition_change h WHERE h.escalation_id = e.id)] END`,
    );
    expect(marks).toBe(0);
  });

  it('action plans: the five akimats that had not published, for 2022-H2 and for 2022', async () => {
    const expected = [...akim['2022-H2'].actionPlansNotPublished.regions].sort();
    const unpublished = async (halves: number[]) =>
      (
        await pool.query<{ kato: string }>(
          `SELECT DISTINCT r.kato FROM action_plan p JOIN region r ON r.id = p.region_id
           WHERE p.year = 2022 AND p.half = ANY($1) AND (p.published_on IS NULL OR p.published_on > '2022-12-31')
           ORDER BY r.kato`,
          [halves],
        )
      ).rows.map((r) => r.kato);
    expect(await unpublished([2])).toEqual(expected);
    expect(await unpublished([1, 2])).toEqual(expected);
    expect(await num(`SELECT count(*) FROM action_plan WHERE year = 2022 AND half = 2`)).toBe(20);
  });
});

describe('central officials’ meetings (MIOR line)', () => {
  it('2022 schedule: planned by half, held by half, with nine held early and fifteen never held', async () => {
    const row = await one(
      `SELECT count(*) FILTER (WHERE s.half = 1) AS planned_h1, count(*) FILTER (WHERE s.half = 2) AS planned_h2,
              count(m.id) FILTER (WHERE m.held_on < '2022-07-01') AS held_h1,
              count(m.id) FILTER (WHERE m.held_on >= '2022-07-01') AS held_h2,
              count(*) FILTER (WHERE s.half = 2 AND m.held_on < '2022-07-01') AS early,
              count(*) FILTER (WHERE m.id IS NULL) AS not_held
       FROM schedule_entry s LEFT JOIN meeting m ON m.id = s.meeting_id WHERE s.year = 2022`,
    );
    const { scheduledMeetings, heldMeetings } = central;
    expect(Number(row.planned_h1) + Number(row.planned_h2)).toBe(scheduledMeetings.total);
    expect(Number(row.planned_h1)).toBe(scheduledMeetings.H1);
    expect(Number(row.planned_h2)).toBe(scheduledMeetings.H2);
    expect(Number(row.held_h1)).toBe(heldMeetings.H1);
    expect(Number(row.held_h2)).toBe(heldMeetings.H2);
    expect(Number(row.early)).toBe(9);
    expect(Number(row.not_held)).toBe(15);
    const held = await num(`SELECT count(*) FROM meeting WHERE kind = 'CENTRAL' AND held_on BETWEEN '2022-05-01' AND '2022-12-31'`);
    expect(held).toBe(heldMeetings.total);
    expect(Math.round((heldMeetings.H2 / heldMeetings.H1) * 10) / 10).toBe(2.3);
  });

  it('2022 personal receptions and their outcomes', async () => {
    const row = await one(
      `SELECT count(*) AS n, sum(citizens_received) AS citizens, sum(issues_voiced) AS voiced,
              sum(issues_resolved) AS resolved, sum(issues_in_execution) AS in_execution
       FROM personal_reception p JOIN meeting m ON m.id = p.meeting_id
       WHERE m.kind = 'CENTRAL' AND p.held_on BETWEEN '2022-01-01' AND '2022-12-31'`,
    );
    expect(Number(row.n)).toBe(central.personalReceptions.count);
    expect(Number(row.citizens)).toBe(central.citizensReceived);
    expect(Number(row.voiced)).toBe(central.issuesVoiced);
    expect(Number(row.resolved)).toBe(central.issuesResolved.count);
    expect(Number(row.in_execution)).toBe(central.issuesInExecution);
    expect(Math.round((Number(row.resolved) / Number(row.voiced)) * 100)).toBe(central.issuesResolved.pct);
  });
});

describe('the dataset as a whole', () => {
  it('holds 2023-H1 data as a third point for trends', async () => {
    expect(await num(`SELECT count(*) FROM meeting WHERE kind = 'AKIM' AND held_on BETWEEN '2023-01-01' AND '2023-06-30'`)).toBeGreaterThan(1000);
    expect(await num(`SELECT count(*) FROM escalation WHERE year = 2023`)).toBeGreaterThan(0);
  });

  it('keeps every issue’s current status equal to the last entry of its history', async () => {
    const mismatched = await num(
      `SELECT count(*) FROM raised_issue i WHERE i.status <> (
         SELECT c.to_status FROM issue_status_change c WHERE c.issue_id = i.id
         ORDER BY c.effective_on DESC, c.recorded_at DESC, c.id DESC LIMIT 1)`,
    );
    expect(mismatched).toBe(0);
  });

  it('adds nothing when seeded again', async () => {
    const before = await num(`SELECT count(*) FROM raised_issue`);
    const again = await seedDemoData(db.url);
    expect(again.seeded).toBe(false);
    expect(await num(`SELECT count(*) FROM raised_issue`)).toBe(before);
  });
});
