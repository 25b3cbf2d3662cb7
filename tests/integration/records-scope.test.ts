// The records lists' search text and filters against the caller's scope (issue 14, findings 12
// and 16): `%`, `_` and `\` are plain characters on the pages and in the API, which takes the
// pages' `q`; a filter outside the caller's scope is a 403 with an audited denial.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../factories/callers';
import { createIssue, createMeeting } from '../factories/issues';
import { codeOf, createReference, setKato, type Reference } from '../factories/reference';
import { createSession, createUser } from '../factories/users';
import { openAppDatabase, type AppDatabase } from '../support/database';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Json = { items?: Array<{ id: number }>; error?: { code: string; fields?: Record<string, string> } };

let database: AppDatabase;
let pool: pg.Pool;
let ref: Reference;
let other: Reference;
let otherKato: string;
let ownKato: string;
let bodyCode: string;
let otherBodyCode: string;
let handlers: Record<'meetings' | 'issues', Handler>;
const auth: Record<'analyst' | 'akimat' | 'ministry', Record<string, string>> = {} as never;
const users: Record<'akimat' | 'ministry', number> = {} as never;
/** Issue ids by their description. */
const issueIds = new Map<string, number>();

const DESCRIPTIONS = ['Скидка 100% на проезд', 'Тариф 50%_итог', 'Путь C:\\школа', 'Дорога до села', 'Ремонт_крыши школы', 'Свет на улице'];

beforeAll(async () => {
  database = await openAppDatabase();
  pool = database.pool;
  ref = await createReference(pool);
  other = await createReference(pool);
  ownKato = await setKato(pool, ref.regionId, '159999997');
  otherKato = await setKato(pool, other.regionId, '759999997');
  bodyCode = await codeOf(pool, 'central_body', ref.centralBodyId);
  otherBodyCode = await codeOf(pool, 'central_body', other.centralBodyId);
  const meeting = await createMeeting(pool, ref, { heldOn: '2024-02-01' });
  await pool.query(`UPDATE meeting SET external_ref = 'A%1' WHERE id = $1`, [meeting.id]);
  await createMeeting(pool, ref, { heldOn: '2024-02-02' });
  for (const description of DESCRIPTIONS) {
    const issue = await createIssue(pool, ref, meeting);
    await pool.query('UPDATE raised_issue SET description = $1 WHERE id = $2', [description, issue.id]);
    issueIds.set(description, issue.id);
  }
  await createMeeting(pool, other, { heldOn: '2024-02-03' });
  await createMeeting(pool, ref, { heldOn: '2024-02-04', kind: 'CENTRAL' });
  users.akimat = (await createUser(pool, { role: 'AKIMAT_EDITOR', regionId: ref.regionId })).id;
  users.ministry = (await createUser(pool, { role: 'MINISTRY_EDITOR', centralBodyId: ref.centralBodyId })).id;
  auth.analyst = (await createSession(pool, (await createUser(pool, { role: 'ANALYST' })).id)).headers;
  auth.akimat = (await createSession(pool, users.akimat)).headers;
  auth.ministry = (await createSession(pool, users.ministry)).headers;
  handlers = {
    meetings: (await import('@/app/api/v1/meetings/route')).GET as Handler,
    issues: (await import('@/app/api/v1/issues/route')).GET as Handler,
  };
});

afterAll(() => database?.close());

async function get(which: keyof typeof handlers, who: keyof typeof auth, query: Record<string, string>) {
  const response = await handlers[which](
    new Request(`http://localhost/api/v1/${which}?${new URLSearchParams(query)}`, { headers: auth[who] }),
    { params: Promise.resolve({}) },
  );
  return { status: response.status, body: (await response.json()) as Json };
}

const descriptionsOf = (ids: number[]) => DESCRIPTIONS.filter((d) => ids.includes(issueIds.get(d)!)).sort();

describe('search text is literal (finding 12)', () => {
  it('in the records API, which takes the pages’ q', async () => {
    const search = async (q: string) => descriptionsOf((await get('issues', 'analyst', { q })).body.items!.map((i) => i.id));
    expect(await search('%%')).toEqual([]);
    expect(await search('%_'.repeat(50))).toEqual([]);
    expect(await search('0%')).toEqual(['Скидка 100% на проезд', 'Тариф 50%_итог'].sort());
    expect(await search('%_')).toEqual(['Тариф 50%_итог']);
    expect(await search('_к')).toEqual(['Ремонт_крыши школы']);
    expect(await search('C:\\')).toEqual(['Путь C:\\школа']);
    expect(await search('школ')).toEqual(['Путь C:\\школа', 'Ремонт_крыши школы'].sort());
    // Meetings by their own number, as on the page.
    expect((await get('meetings', 'analyst', { q: '%%' })).body.items).toEqual([]);
    expect((await get('meetings', 'analyst', { q: 'a%' })).body.items).toHaveLength(1);
    // The pages' bounds: 2 to 100 characters.
    expect((await get('issues', 'analyst', { q: 'x' })).status).toBe(400);
    expect((await get('meetings', 'analyst', { q: 'x'.repeat(101) })).status).toBe(400);
  });

  it('on the /issues and /meetings pages', async () => {
    const issues = await import('@/features/issues/queries');
    const meetings = await import('@/features/meetings/queries');
    const { parseIssuePageParams } = await import('@/server/records/issues/schemas');
    const { parseMeetingPageParams } = await import('@/server/records/meetings/schemas');
    const analyst = callerFor({ id: 1, username: 'analyst', role: 'ANALYST' });
    const page = async (q: string) => (await issues.listIssuesPage(analyst, parseIssuePageParams({ q }).params)).total;
    expect(await page('%%')).toBe(0);
    expect(await page('%_')).toBe(1);
    expect(await page('\\ш')).toBe(1);
    expect((await meetings.listMeetingsPage(analyst, parseMeetingPageParams({ q: '%%' }).params)).total).toBe(0);
  });
});

describe('filters outside the caller’s scope (finding 16)', () => {
  const denials = async (userId: number) =>
    (await pool.query<{ entity_id: string; permission: string }>(
      `SELECT entity_id, after->>'permission' AS permission FROM audit_log WHERE action = 'access.denied' AND user_id = $1 ORDER BY id`, [userId],
    )).rows;

  it('an akimat editor asking for another region, a body or central meetings gets 403, audited', async () => {
    expect((await get('meetings', 'akimat', { region: ownKato })).status).toBe(200);
    expect((await get('issues', 'akimat', { region: ownKato, q: 'школ' })).status).toBe(200);
    const refused = await get('meetings', 'akimat', { region: otherKato });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'FORBIDDEN', fields: { region: expect.any(String) } });
    expect((await get('issues', 'akimat', { region: otherKato })).status).toBe(403);
    expect((await get('meetings', 'akimat', { body: bodyCode })).status).toBe(403);
    expect((await get('issues', 'akimat', { kind: 'CENTRAL' })).status).toBe(403);
    expect(await denials(users.akimat)).toEqual([
      { entity_id: 'GET /api/v1/meetings', permission: 'records.read:region' },
      { entity_id: 'GET /api/v1/issues', permission: 'records.read:region' },
      { entity_id: 'GET /api/v1/meetings', permission: 'records.read:body' },
      { entity_id: 'GET /api/v1/issues', permission: 'records.read:kind' },
    ]);
  });

  it('a ministry editor asking for another body or akim meetings gets 403; any region is in scope', async () => {
    expect((await get('meetings', 'ministry', { body: bodyCode, region: otherKato })).status).toBe(200);
    expect((await get('meetings', 'ministry', { body: otherBodyCode })).status).toBe(403);
    expect((await get('issues', 'ministry', { kind: 'AKIM' })).status).toBe(403);
    expect((await denials(users.ministry)).map((d) => d.permission)).toEqual(['records.read:body', 'records.read:kind']);
  });

  it('the /issues and /meetings pages refuse them too, audited, instead of an empty list', async () => {
    const issues = await import('@/features/issues/queries');
    const meetings = await import('@/features/meetings/queries');
    const { parseIssuePageParams } = await import('@/server/records/issues/schemas');
    const { parseMeetingPageParams } = await import('@/server/records/meetings/schemas');
    const before = (await denials(users.akimat)).length;
    const akimat = callerFor({ id: users.akimat, username: 'akimat', role: 'AKIMAT_EDITOR' }, { regionId: ref.regionId });
    await expect(issues.listIssuesPage(akimat, parseIssuePageParams({ region: otherKato }).params)).rejects.toMatchObject({ code: 'FORBIDDEN', fields: { region: expect.any(String) } });
    await expect(meetings.listMeetingsPage(akimat, parseMeetingPageParams({ body: bodyCode }).params)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await issues.listIssuesPage(akimat, parseIssuePageParams({ region: ownKato }).params)).total).toBeGreaterThanOrEqual(0);
    expect((await denials(users.akimat)).slice(before)).toEqual([
      { entity_id: 'GET /issues', permission: 'records.read:region' },
      { entity_id: 'GET /meetings', permission: 'records.read:body' },
    ]);
  });

  it('an analyst filters freely', async () => {
    expect((await get('meetings', 'analyst', { region: otherKato, body: otherBodyCode, kind: 'CENTRAL' })).status).toBe(200);
  });
});
