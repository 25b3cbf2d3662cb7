// compare=previous|yearAgo on the stats routes, and the breakdown rows that explain themselves
// (issuesRaisedAndResolved beside issuesResolved, previous and change), on a database of this
// file's own with hand-made histories; answers checked against the response schemas.
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createIssue, createMeeting } from '../factories/issues';
import { codeOf, createReference, createRegion, setKato, type Reference } from '../factories/reference';
import { createToken, createUser } from '../factories/users';
import { openAppDatabase, type AppDatabase } from '../support/database';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Schemas = typeof import('@/server/stats/response-schemas');
const ROUTES = ['summary', 'regions', 'categories', 'levels', 'central-meetings'] as const;
type Route = (typeof ROUTES)[number];

let database: AppDatabase;
let pool: pg.Pool;
let schemas: Schemas;
let ref: Reference;
let kato: string;
let category: string;
let body: string;
let headers: Record<string, string>;
const handlers = new Map<Route, Handler>();

beforeAll(async () => {
  database = await openAppDatabase();
  pool = database.pool;
  ref = await createReference(pool);
  kato = await setKato(pool, ref.regionId, '990000001');
  await setKato(pool, await createRegion(pool), '990000002'); // a region without meetings
  category = await codeOf(pool, 'issue_category', ref.categoryId);
  body = await codeOf(pool, 'central_body', ref.centralBodyId);
  headers = (await createToken(pool, (await createUser(pool, { role: 'ANALYST' })).id)).headers;

  // 2021-H2, the same half a year before: 2 meetings, 4 issues, one resolved within the half,
  // one resolved only in 2022-H2 (resolved during 2022-H2, though raised earlier).
  const ago = [await createMeeting(pool, ref, { heldOn: '2021-08-10' }), await createMeeting(pool, ref, { heldOn: '2021-11-02' })];
  await createIssue(pool, ref, ago[0]!, [{ to: 'RESOLVED', on: '2021-09-01' }]);
  await createIssue(pool, ref, ago[0]!, [{ to: 'IN_EXECUTION', on: '2021-09-01' }, { to: 'RESOLVED', on: '2022-09-01' }]);
  await createIssue(pool, ref, ago[1]!);
  await createIssue(pool, ref, ago[1]!, [{ to: 'IN_EXECUTION', on: '2021-12-01' }]);
  // 2022-H1, the half before: 1 meeting, 1 issue, resolved.
  await createIssue(pool, ref, await createMeeting(pool, ref, { heldOn: '2022-03-10' }), [{ to: 'RESOLVED', on: '2022-04-01' }]);
  // 2022-H2: 3 meetings, 6 issues, 3 of them resolved.
  const now = [
    await createMeeting(pool, ref, { heldOn: '2022-08-15' }), await createMeeting(pool, ref, { heldOn: '2022-09-20' }),
    await createMeeting(pool, ref, { heldOn: '2022-10-05' }),
  ];
  for (const [i, m] of [now[0], now[0], now[1], now[1], now[2], now[2]].entries()) {
    await createIssue(pool, ref, m!, i < 3 ? [{ to: 'RESOLVED', on: '2022-11-01' }] : []);
  }
  // Central officials' meetings: one in 2021-H2, two in 2022-H2, one in 2022-H1.
  for (const heldOn of ['2021-10-01', '2022-05-05', '2022-08-01', '2022-12-01']) await createMeeting(pool, ref, { heldOn, kind: 'CENTRAL' });

  for (const route of ROUTES) {
    handlers.set(route, ((await import(path.resolve(`src/app/api/v1/stats/${route}/route.ts`))) as { GET: Handler }).GET);
  }
  schemas = await import('@/server/stats/response-schemas');
});

afterAll(() => database?.close());

async function call(route: Route, query: string) {
  const response = await handlers.get(route)!(new Request(`http://localhost/api/v1/stats/${route}?${query}`, { headers }), { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** GET a route, expecting 200 and a body its response schema accepts. */
async function get<R extends Route>(route: R, query: string): Promise<z.infer<Schemas['STATS_RESPONSES'][R]>> {
  const { status, body } = await call(route, query);
  expect(status, `${route}?${query}: ${JSON.stringify(body).slice(0, 300)}`).toBe(200);
  const parsed = (schemas.STATS_RESPONSES[route] as z.ZodType).safeParse(body);
  expect(parsed.success, `${route}?${query} against its schema: ${parsed.error?.message}`).toBe(true);
  return body as never;
}

const H2_2021 = { code: '2021-H2', from: '2021-07-01', to: '2021-12-31' };
const H1_2022 = { code: '2022-H1', from: '2022-01-01', to: '2022-06-30' };

describe('summary with compare', () => {
  it('compare=yearAgo: 2022-H2 against 2021-H2, read as of 2021-H2’s end', async () => {
    const s = await get('summary', 'period=2022-H2&compare=yearAgo');
    expect(s).toMatchObject({ meetings: 3, issuesRaised: 6, issuesResolved: 4, issuesRaisedAndResolved: 3, resolutionRate: 0.5 });
    expect(s.previous.period).toEqual(H2_2021);
    expect(s.previous.asOf).toBe('2021-12-31');
    // The issue resolved in September 2022 was still in execution at the end of 2021.
    expect(s.previous).toMatchObject({ meetings: 2, issuesRaised: 4, issuesResolved: 1, issuesRaisedAndResolved: 1, resolutionRate: 0.25, issuesInExecution: 2 });
    expect(s.change).toEqual({
      meetings: { ratio: 1.5, difference: 1 },
      issuesRaised: { ratio: 1.5, difference: 2 },
      issuesResolved: { ratio: 4, difference: 3 },
      resolutionRate: { ratio: 2, difference: 0.25 },
    });
  });

  it('compare=previous, and no compare, give the half before', async () => {
    const [given, defaulted] = await Promise.all([get('summary', 'period=2022-H2&compare=previous'), get('summary', 'period=2022-H2')]);
    expect(defaulted).toEqual(given);
    expect(given.previous.period).toEqual(H1_2022);
    expect(given.previous).toMatchObject({ meetings: 1, issuesRaised: 1, issuesResolved: 1, resolutionRate: 1 });
    expect(given.change.meetings).toEqual({ ratio: 3, difference: 2 });
  });

  it('compares a year with the year before, and a from..to range with the same days a year earlier', async () => {
    expect((await get('summary', 'period=2022&compare=yearAgo')).previous).toMatchObject({ period: { code: '2021' }, meetings: 2, issuesRaised: 4 });
    const range = await get('summary', 'from=2022-08-01&to=2022-09-30&compare=yearAgo');
    expect(range.previous.period).toEqual({ code: '2021-08-01..2021-09-30', from: '2021-08-01', to: '2021-09-30' });
    expect(range).toMatchObject({ meetings: 2, issuesRaised: 4, previous: { meetings: 1, issuesRaised: 2, issuesResolved: 1 } });
  });

  it('reads the compared period as of asOf when that comes before its end', async () => {
    const s = await get('summary', 'period=2022-H2&compare=yearAgo&asOf=2021-10-15');
    expect(s.previous.asOf).toBe('2021-10-15');
    expect(s.previous).toMatchObject({ meetings: 1, issuesRaised: 2, issuesResolved: 1 });
  });
});

describe('breakdown rows', () => {
  const counts = { issuesRaised: 6, issuesResolved: 4, issuesRaisedAndResolved: 3, resolutionRate: 0.5 };
  const yearAgo = {
    previous: { issuesRaised: 4, issuesResolved: 1, resolutionRate: 0.25 },
    change: { issuesRaised: { ratio: 1.5, difference: 2 }, issuesResolved: { ratio: 4, difference: 3 }, resolutionRate: { ratio: 2, difference: 0.25 } },
  };
  const read = { period: H2_2021, asOf: '2021-12-31' };

  it('regions: each row with both counts of resolved, the year-ago figures and the change', async () => {
    const r = await get('regions', 'period=2022-H2&compare=yearAgo');
    expect(r.previous).toEqual(read);
    expect(r.regions.find((x) => x.kato === kato)).toEqual({
      kato, name: expect.any(String), meetings: 3, ...counts, budget: expect.any(Object), republicanBudget: expect.any(Object), rank: null, ...yearAgo,
    });
    // The rate is checkable from the row; a region with no data has no rate and no ratio.
    for (const row of r.regions) {
      expect(row.resolutionRate).toBe(row.issuesRaised === 0 ? null : row.issuesRaisedAndResolved / row.issuesRaised);
    }
    const empty = r.regions.find((x) => x.kato === '990000002')!;
    expect(empty).toMatchObject({ issuesRaised: 0, resolutionRate: null, previous: { issuesRaised: 0, resolutionRate: null } });
    expect(empty.change).toEqual({ issuesRaised: { ratio: null, difference: 0 }, issuesResolved: { ratio: null, difference: 0 }, resolutionRate: { ratio: null, difference: 0 } });
  });

  it('categories and levels carry the same', async () => {
    const [c, l] = await Promise.all([get('categories', 'period=2022-H2&compare=yearAgo'), get('levels', 'period=2022-H2&compare=yearAgo')]);
    expect(c.previous).toEqual(read);
    expect(c.categories.find((x) => x.code === category)).toEqual({ code: category, name: expect.any(String), ...counts, ...yearAgo });
    expect(l.previous).toEqual(read);
    expect(l.levels.find((x) => x.level === 'REGION')).toEqual({ level: 'REGION', ...counts, ...yearAgo });
    expect(l.levels.find((x) => x.level === 'DISTRICT')).toMatchObject({ issuesRaised: 0, issuesRaisedAndResolved: 0, previous: { issuesRaised: 0, resolutionRate: null } });
  });

  it('the default is the half before', async () => {
    const r = await get('levels', `period=2022-H2&region=${kato}&category=${category}`);
    expect(r.previous).toEqual({ period: H1_2022, asOf: '2022-06-30' });
    expect(r.levels.find((x) => x.level === 'REGION')).toMatchObject({ ...counts, previous: { issuesRaised: 1, issuesResolved: 1, resolutionRate: 1 } });
  });
});

describe('central meetings with compare', () => {
  it('gives the compared period’s counts, overall and per body, and the change', async () => {
    const [ago, before] = await Promise.all([
      get('central-meetings', `period=2022-H2&compare=yearAgo&body=${body}`),
      get('central-meetings', `period=2022-H2&body=${body}`),
    ]);
    expect(ago.held).toBe(2);
    expect(ago.previous).toMatchObject({ period: H2_2021, asOf: '2021-12-31', held: 1, scheduled: 0 });
    expect(ago.change.held).toEqual({ ratio: 2, difference: 1 });
    expect(ago.byBody).toEqual([expect.objectContaining({ code: body, held: 2, previous: { scheduled: 0, held: 1 }, change: { scheduled: { ratio: null, difference: 0 }, held: { ratio: 2, difference: 1 } } })]);
    expect(before.previous).toMatchObject({ period: H1_2022, held: 1 });
  });
});

describe('a bad compare', () => {
  it.each(ROUTES)('is a 400 naming the parameter on %s', async (route) => {
    const { status, body } = await call(route, 'period=2022-H2&compare=lastYear');
    expect(status).toBe(400);
    expect(Object.keys((body.error as { fields?: Record<string, string> }).fields ?? {})).toEqual(['compare']);
  });
});
