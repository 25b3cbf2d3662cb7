// The /meetings and /issues pages' lists: numbered pages, totals, sorts and scope, each
// checked against the same question asked in SQL on the seeded demo data.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../prisma/seed/seed-demo';
import { callerFor } from '../factories/callers';
import { openAppDatabase, type AppDatabase } from '../support/database';
import type { Caller } from '@/server/auth/caller';

let database: AppDatabase;
let pool: pg.Pool;
let meetings: typeof import('@/features/meetings/queries');
let issues: typeof import('@/features/issues/queries');
let meetingSchemas: typeof import('@/server/records/meetings/schemas');
let issueSchemas: typeof import('@/server/records/issues/schemas');
let analyst: Caller;
let aktobeEditor: Caller;

beforeAll(async () => {
  database = await openAppDatabase();
  await seedDemoData(database.url);
  pool = database.pool;
  meetings = await import('@/features/meetings/queries');
  issues = await import('@/features/issues/queries');
  meetingSchemas = await import('@/server/records/meetings/schemas');
  issueSchemas = await import('@/server/records/issues/schemas');
  const aktobe = (await pool.query<{ id: number }>(`SELECT id FROM region WHERE kato = '150000000'`)).rows[0]!.id;
  analyst = callerFor({ id: 1, username: 'analyst', role: 'ANALYST' });
  aktobeEditor = callerFor({ id: 2, username: 'akimat.aktobe', role: 'AKIMAT_EDITOR' }, { regionId: aktobe });
});

afterAll(() => database?.close());

const ids = async (sql: string, params: unknown[] = []) => (await pool.query<{ id: number }>(sql, params)).rows.map((r) => r.id);
const total = async (sql: string, params: unknown[] = []) => (await pool.query<{ n: number }>(sql, params)).rows[0]!.n;

describe('the meetings page list', () => {
  const aktobeH2 = `m.deleted_at IS NULL AND m.region_id = (SELECT id FROM region WHERE kato = '150000000') AND m.held_on BETWEEN '2022-07-01' AND '2022-12-31'`;

  it('gives a numbered page and the total of a filtered list', async () => {
    const { params, invalid } = meetingSchemas.parseMeetingPageParams({ region: '150000000', period: '2022-H2', page: '2' });
    expect(invalid).toEqual([]);
    const list = await meetings.listMeetingsPage(analyst, params);
    expect(list.total).toBe(await total(`SELECT count(*)::int AS n FROM meeting m WHERE ${aktobeH2}`));
    expect(list.pageCount).toBe(Math.ceil(list.total / 50));
    expect(list.rows.map((r) => r.id)).toEqual(await ids(`SELECT id FROM meeting m WHERE ${aktobeH2} ORDER BY held_on DESC, id LIMIT 50 OFFSET 50`));
  });

  it('sorts by the number of issues on the server', async () => {
    const { params } = meetingSchemas.parseMeetingPageParams({ region: '150000000', period: '2022-H2', sort: '-issues' });
    const list = await meetings.listMeetingsPage(analyst, params);
    const expected = await ids(
      `SELECT m.id FROM meeting m LEFT JOIN raised_issue i ON i.meeting_id = m.id WHERE ${aktobeH2}
       GROUP BY m.id, m.held_on ORDER BY count(i.id) DESC, m.held_on DESC, m.id LIMIT 50`,
    );
    expect(list.rows.map((r) => r.id)).toEqual(expected);
    const counts = list.rows.map((r) => r._count.issues);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('keeps an akimat to its own region, whatever region is asked for', async () => {
    const own = await meetings.listMeetingsPage(aktobeEditor, meetingSchemas.parseMeetingPageParams({}).params);
    expect(own.total).toBe(await total(`SELECT count(*)::int AS n FROM meeting m WHERE m.deleted_at IS NULL AND m.kind = 'AKIM' AND m.region_id = $1`, [aktobeEditor.regionId]));
    expect(new Set(own.rows.map((r) => r.region.kato))).toEqual(new Set(['150000000']));
    // Asking for another region is refused (and audited), not answered with an empty page.
    await expect(meetings.listMeetingsPage(aktobeEditor, meetingSchemas.parseMeetingPageParams({ region: '750000000' }).params))
      .rejects.toMatchObject({ code: 'FORBIDDEN', fields: { region: expect.any(String) } });
  });

  it('drops and names a value that does not parse, instead of failing', () => {
    const { params, invalid } = meetingSchemas.parseMeetingPageParams({ period: '2022-H7', sort: 'name', page: '0', kind: 'AKIM' });
    expect(invalid.sort()).toEqual(['page', 'period', 'sort']);
    expect(params).toMatchObject({ kind: 'AKIM', sort: '-heldOn', page: 1 });
    expect(params.period).toBeUndefined();
  });

  it('finds meetings by the name of who held them', async () => {
    const list = await meetings.listMeetingsPage(analyst, meetingSchemas.parseMeetingPageParams({ q: 'КАСЫМОВ', period: '2022' }).params);
    expect(list.total).toBe(
      await total(`SELECT count(*)::int AS n FROM meeting m JOIN official o ON o.id = m.official_id
        LEFT JOIN admin_unit u ON u.id = m.unit_id
        WHERE m.deleted_at IS NULL AND m.held_on BETWEEN '2022-01-01' AND '2022-12-31'
          AND (o.full_name ILIKE '%касымов%' OR u.name_ru ILIKE '%касымов%' OR u.name_kk ILIKE '%касымов%' OR u.name_en ILIKE '%касымов%' OR m.external_ref ILIKE '%касымов%')`),
    );
    expect(list.total).toBeGreaterThan(0);
  });

  it('gives a meeting with its names, and refuses one outside the scope', async () => {
    const [almaty] = await ids(`SELECT id FROM meeting WHERE region_id = (SELECT id FROM region WHERE kato = '750000000') ORDER BY id LIMIT 1`);
    const page = await meetings.getMeetingPage(analyst, almaty!);
    expect(page.names.region.nameRu).toBe('город Алматы');
    expect(page.announcementMinDays).toBe(3);
    await expect(meetings.getMeetingPage(aktobeEditor, almaty!)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(meetings.getMeetingPage(analyst, 2_000_000_000)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the issues page list', () => {
  it('gives a numbered page and the total of a filtered list, in both orders', async () => {
    const where = `i.deleted_at IS NULL AND i.status = 'RESOLVED' AND i.category_id = (SELECT id FROM issue_category WHERE code = 'ROADS')
      AND i.raised_on BETWEEN '2022-01-01' AND '2022-12-31'`;
    for (const [sort, order] of [['-raisedOn', 'DESC'], ['raisedOn', 'ASC']] as const) {
      const { params } = issueSchemas.parseIssuePageParams({ period: '2022', status: 'RESOLVED', category: 'ROADS', sort, page: '3' });
      const list = await issues.listIssuesPage(analyst, params);
      expect(list.total).toBe(await total(`SELECT count(*)::int AS n FROM raised_issue i WHERE ${where}`));
      expect(list.rows.map((r) => r.id)).toEqual(await ids(`SELECT id FROM raised_issue i WHERE ${where} ORDER BY raised_on ${order}, id LIMIT 50 OFFSET 100`));
    }
  });

  it('filters by the level of the akim who held the meeting', async () => {
    const { params } = issueSchemas.parseIssuePageParams({ period: '2022-H1', level: 'RURAL', region: '150000000' });
    const list = await issues.listIssuesPage(analyst, params);
    expect(list.total).toBe(
      await total(`SELECT count(*)::int AS n FROM raised_issue i JOIN meeting m ON m.id = i.meeting_id
        WHERE i.deleted_at IS NULL AND m.deleted_at IS NULL AND m.akim_level = 'RURAL' AND i.region_id = (SELECT id FROM region WHERE kato = '150000000')
          AND i.raised_on BETWEEN '2022-01-01' AND '2022-06-30'`),
    );
  });

  it('gives an issue with its escalation and dated dispositions', async () => {
    const [escalated] = await ids(`SELECT issue_id AS id FROM escalation e WHERE EXISTS (SELECT 1 FROM escalation_disposition_change c WHERE c.escalation_id = e.id) ORDER BY issue_id LIMIT 1`);
    const page = await issues.getIssuePage(analyst, escalated!);
    expect(page.escalations.length).toBeGreaterThan(0);
    expect(page.escalations[0]!.history.length).toBeGreaterThan(0);
    expect(page.escalations[0]!.history[0]!.effectiveOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Dated on the list no later than its first disposition (the seed lists it when the issue moved to ESCALATED).
    expect(page.escalations[0]!.includedOn! <= page.escalations[0]!.history[0]!.effectiveOn).toBe(true);
    expect(page.issue.statusHistory.length).toBeGreaterThan(0);
  });
});
