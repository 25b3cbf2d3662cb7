// The records API's filters, pages and answers to bad parameters, on the seeded demo data,
// each list checked against the same question asked in SQL.
import fc from 'fast-check';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../prisma/seed/seed-demo';
import { createSession, userIdOf } from '../factories/users';
import { openAppDatabase, type AppDatabase } from '../support/database';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Json = Record<string, unknown> & { items?: Array<Record<string, unknown>>; nextCursor?: string | null };

let database: AppDatabase;
let pool: pg.Pool;
let handlers: Record<'meetings' | 'meeting' | 'issues' | 'issue', Handler>;
let analyst: Record<string, string>;

beforeAll(async () => {
  database = await openAppDatabase();
  await seedDemoData(database.url);
  pool = database.pool;
  handlers = {
    meetings: (await import('@/app/api/v1/meetings/route')).GET as Handler,
    meeting: (await import('@/app/api/v1/meetings/[id]/route')).GET as Handler,
    issues: (await import('@/app/api/v1/issues/route')).GET as Handler,
    issue: (await import('@/app/api/v1/issues/[id]/route')).GET as Handler,
  };
  analyst = (await createSession(pool, await userIdOf(pool, 'analyst'))).headers;
});

afterAll(() => database?.close());

async function get(which: keyof typeof handlers, query = '', params: Record<string, string> = {}) {
  const response = await handlers[which](new Request(`http://localhost/api/v1/x${query}`, { headers: analyst }), { params: Promise.resolve(params) });
  return { status: response.status, body: (await response.json()) as Json };
}

/** Every page of a list, following nextCursor. */
async function walk(which: 'meetings' | 'issues', query: string) {
  const ids: number[] = [];
  let cursor: string | null | undefined = null;
  do {
    const { status, body } = await get(which, `?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(status, JSON.stringify(body)).toBe(200);
    ids.push(...body.items!.map((i) => i.id as number));
    cursor = body.nextCursor;
  } while (cursor);
  return ids;
}

const sqlIds = async (sql: string, params: unknown[] = []) => (await pool.query<{ id: number }>(sql, params)).rows.map((r) => r.id);

describe('GET /api/v1/meetings', () => {
  it('gives 50 by default, newest first, with the documented fields', async () => {
    const { status, body } = await get('meetings');
    expect(status).toBe(200);
    expect(body.items).toHaveLength(50);
    expect(typeof body.nextCursor).toBe('string');
    const first = body.items![0]!;
    expect(Object.keys(first).sort()).toEqual(
      ['body', 'heldOn', 'id', 'issuesCount', 'kind', 'level', 'regionKato', 'unitCode', 'unitName', 'venue', 'version'].sort(),
    );
    const expected = await sqlIds(`SELECT id FROM meeting WHERE deleted_at IS NULL ORDER BY held_on DESC, id LIMIT 50`);
    expect(body.items!.map((m) => m.id)).toEqual(expected);
    const counts = await pool.query<{ id: number; n: number }>(
      `SELECT meeting_id AS id, count(*)::int AS n FROM raised_issue WHERE deleted_at IS NULL AND meeting_id = ANY($1) GROUP BY meeting_id`,
      [expected],
    );
    const byId = new Map(counts.rows.map((r) => [r.id, r.n]));
    for (const m of body.items!) expect(m.issuesCount).toBe(byId.get(m.id as number) ?? 0);
  });

  it('pages through a filtered list in both orders without gaps or repeats', async () => {
    const where = `deleted_at IS NULL AND kind = 'AKIM' AND akim_level = 'DISTRICT' AND region_id = (SELECT id FROM region WHERE kato = '150000000')
      AND held_on BETWEEN '2022-07-01' AND '2022-09-30'`;
    const desc = await sqlIds(`SELECT id FROM meeting WHERE ${where} ORDER BY held_on DESC, id`);
    const asc = await sqlIds(`SELECT id FROM meeting WHERE ${where} ORDER BY held_on, id`);
    expect(desc.length).toBeGreaterThan(20);
    expect(await walk('meetings', 'region=150000000&period=2022-Q3&level=DISTRICT&kind=AKIM&limit=7')).toEqual(desc);
    expect(await walk('meetings', 'region=150000000&from=2022-07-01&to=2022-09-30&level=DISTRICT&sort=heldOn&limit=13')).toEqual(asc);
  });

  it('filters central meetings by body and half-year', async () => {
    const expected = await sqlIds(
      `SELECT m.id FROM meeting m JOIN central_body b ON b.id = m.central_body_id
       WHERE m.deleted_at IS NULL AND b.code = 'EDUCATION' AND m.held_on BETWEEN '2022-07-01' AND '2022-12-31' ORDER BY m.held_on DESC, m.id`,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(await walk('meetings', 'body=EDUCATION&period=2022-H2&kind=CENTRAL&limit=200')).toEqual(expected);
  });

  it('leaves out deleted meetings, and answers 404 for them and their issues', async () => {
    const { rows } = await pool.query<{ id: number; issue_id: number }>(
      `SELECT m.id, min(i.id) AS issue_id FROM meeting m JOIN raised_issue i ON i.meeting_id = m.id
       WHERE m.held_on = '2023-06-30' GROUP BY m.id ORDER BY m.id LIMIT 1`,
    );
    const { id, issue_id: issueId } = rows[0]!;
    await pool.query(`UPDATE meeting SET deleted_at = now() WHERE id = $1`, [id]);
    expect((await walk('meetings', 'from=2023-06-30&limit=200'))).not.toContain(id);
    expect((await get('meeting', '', { id: String(id) })).status).toBe(404);
    expect((await get('issue', '', { id: String(issueId) })).status).toBe(404);
  });
});

describe('GET /api/v1/meetings/{id}', () => {
  it('gives a meeting with its issues and receptions', async () => {
    // In the demo data receptions belong to central meetings and issues to akims' meetings.
    const withReceptions = await sqlIds(`SELECT meeting_id AS id FROM personal_reception ORDER BY meeting_id LIMIT 1`);
    const withIssues = await sqlIds(`SELECT meeting_id AS id FROM raised_issue WHERE deleted_at IS NULL ORDER BY id LIMIT 1`);
    for (const id of [...withReceptions, ...withIssues]) {
      const { status, body } = await get('meeting', '', { id: String(id) });
      expect(status).toBe(200);
      const issues = await sqlIds(`SELECT id FROM raised_issue WHERE meeting_id = $1 AND deleted_at IS NULL ORDER BY id`, [id]);
      const receptions = await sqlIds(`SELECT id FROM personal_reception WHERE meeting_id = $1 ORDER BY held_on, id`, [id]);
      expect(issues.length + receptions.length).toBeGreaterThan(0);
      expect((body.issues as Json[]).map((i) => i.id)).toEqual(issues);
      expect((body.receptions as Json[]).map((r) => r.id)).toEqual(receptions);
      expect(body).toMatchObject({ id, heldOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), official: { fullName: expect.any(String) } });
    }
  });
});

describe('GET /api/v1/issues and /api/v1/issues/{id}', () => {
  it('filters by status, category and period', async () => {
    const expected = await sqlIds(
      `SELECT i.id FROM raised_issue i JOIN meeting m ON m.id = i.meeting_id JOIN issue_category c ON c.id = i.category_id
       JOIN region r ON r.id = i.region_id
       WHERE i.deleted_at IS NULL AND m.deleted_at IS NULL AND i.status = 'RESOLVED' AND r.kato = '750000000'
         AND c.code = (SELECT code FROM issue_category ORDER BY id LIMIT 1) AND i.raised_on BETWEEN '2022-01-01' AND '2022-03-31'
       ORDER BY i.raised_on DESC, i.id`,
    );
    expect(expected.length).toBeGreaterThan(0);
    const category = (await pool.query<{ code: string }>(`SELECT code FROM issue_category ORDER BY id LIMIT 1`)).rows[0]!.code;
    expect(await walk('issues', `status=RESOLVED&region=750000000&category=${category}&period=2022-Q1&limit=37`)).toEqual(expected);
  });

  it('gives an issue with its dated history and budget entries, money as strings', async () => {
    const { rows } = await pool.query<{ id: number }>(
      `SELECT b.issue_id AS id FROM budget_allocation b JOIN issue_status_change c ON c.issue_id = b.issue_id
       GROUP BY b.issue_id HAVING count(DISTINCT c.id) > 2 ORDER BY b.issue_id LIMIT 1`,
    );
    const id = rows[0]!.id;
    const { status, body } = await get('issue', '', { id: String(id) });
    expect(status).toBe(200);
    const history = await pool.query(
      `SELECT id, to_status FROM issue_status_change WHERE issue_id = $1 ORDER BY effective_on, recorded_at, id`, [id],
    );
    expect((body.statusHistory as Json[]).map((c) => [c.id, c.toStatus])).toEqual(history.rows.map((r) => [r.id, r.to_status]));
    const money = await pool.query(`SELECT id, amount_kzt::text AS amount FROM budget_allocation WHERE issue_id = $1 ORDER BY effective_on, id`, [id]);
    expect((body.budgetEntries as Json[]).map((b) => [b.id, b.amountKzt])).toEqual(money.rows.map((r) => [r.id, r.amount]));
  });
});

describe('bad parameters', () => {
  it.each([
    ['meetings', '?region=12345', 'region'],
    ['meetings', '?region=999999999', 'region'],
    ['meetings', '?kind=PRIVATE', 'kind'],
    ['meetings', '?level=COUNTRY', 'level'],
    ['meetings', '?body=education', 'body'],
    ['meetings', '?body=NO_SUCH_BODY', 'body'],
    ['meetings', '?period=2022-H3', 'period'],
    ['meetings', '?period=2022&from=2022-01-01', 'period'],
    ['meetings', '?from=2022-02-30', 'from'],
    ['meetings', '?from=2022-06-01&to=2022-01-01', 'to'],
    ['meetings', '?sort=venue', 'sort'],
    ['meetings', '?limit=0', 'limit'],
    ['meetings', '?limit=201', 'limit'],
    ['meetings', '?limit=ten', 'limit'],
    ['meetings', '?cursor=not-a-cursor', 'cursor'],
    ['issues', '?status=DONE', 'status'],
    ['issues', '?category=NO_SUCH_CATEGORY', 'category'],
    ['issues', '?responsible=GOD', 'responsible'],
  ] as const)('GET %s%s → 400 naming %s', async (which, query, field) => {
    const { status, body } = await get(which, query);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'VALIDATION', fields: { [field]: expect.any(String) } });
  });

  it('refuses a cursor read in another order', async () => {
    const first = await get('meetings', '?limit=5');
    const again = await get('meetings', `?limit=5&sort=heldOn&cursor=${first.body.nextCursor}`);
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({ fields: { cursor: expect.any(String) } });
  });

  it('never answers 5xx to random parameters', async () => {
    const names = ['period', 'from', 'to', 'region', 'kind', 'level', 'body', 'sort', 'limit', 'cursor', 'status', 'category', 'responsible'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('meetings', 'issues', 'meeting', 'issue'),
        fc.dictionary(fc.constantFrom(...names), fc.oneof(fc.string({ unit: 'binary' }), fc.stringMatching(/^-?\d{1,12}$/))),
        fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String)),
        async (which, query, id) => {
          const qs = `?${new URLSearchParams(query).toString()}`;
          const { status, body } = await get(which as keyof typeof handlers, qs, { id });
          expect([200, 400, 404], `${which} ${qs} id=${JSON.stringify(id)} → ${JSON.stringify(body)}`).toContain(status);
        },
      ),
      { numRuns: 150 },
    );
  });
});
