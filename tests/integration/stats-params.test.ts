// Query parameters of the stats routes and the records lists: each bad parameter is a 400
// whose JSON names it, and no query string at all — random keys and values, unicode, huge
// numbers, repeated keys, broken percent-escapes — gets a 5xx, a non-JSON body or a trace.
// Route handlers are called directly, as an analyst with an API token, on small factory data.
import path from 'node:path';
import fc from 'fast-check';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIssue, createMeeting } from '../factories/issues';
import { createReference, type Reference } from '../factories/reference';
import { createToken, createUser } from '../factories/users';
import { openAppDatabase, type AppDatabase } from '../support/database';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const STATS = ['summary', 'regions', 'categories', 'levels', 'escalations', 'central-meetings', 'action-plans'] as const;
const ROUTES = [...STATS.map((s) => `/api/v1/stats/${s}`), '/api/v1/meetings', '/api/v1/issues'];

let database: AppDatabase;
let pool: pg.Pool;
let ref: Reference;
let auth: Record<string, string>;
let categoryCode: string;
let bodyCode: string;
const handlers = new Map<string, Handler>();

const KATO = '750000000';

beforeAll(async () => {
  database = await openAppDatabase();
  pool = database.pool;
  ref = await createReference(pool);
  // A real 9-digit code, so that well-formed region filters reach the queries.
  await pool.query('UPDATE region SET kato = $1 WHERE id = $2', [KATO, ref.regionId]);
  categoryCode = (await pool.query<{ code: string }>('SELECT code FROM issue_category WHERE id = $1', [ref.categoryId])).rows[0]!.code;
  bodyCode = (await pool.query<{ code: string }>('SELECT code FROM central_body WHERE id = $1', [ref.centralBodyId])).rows[0]!.code;
  for (const heldOn of ['2022-02-10', '2022-08-20', '2022-11-05']) {
    const meeting = await createMeeting(pool, ref, { heldOn });
    await createIssue(pool, ref, meeting, [{ to: 'RESOLVED', on: '2022-12-01' }]);
    await createIssue(pool, ref, meeting);
  }
  await createMeeting(pool, ref, { heldOn: '2022-09-09', kind: 'CENTRAL' });
  const analyst = await createUser(pool, { role: 'ANALYST' });
  auth = (await createToken(pool, analyst.id)).headers;
  for (const route of ROUTES) {
    const mod = (await import(path.resolve(`src/app${route}/route.ts`))) as { GET: Handler };
    handlers.set(route, mod.GET);
  }
});

afterAll(() => database?.close());

async function call(route: string, query: string, headers: Record<string, string> = {}) {
  const handler = handlers.get(route);
  if (!handler) throw new Error(`no handler for ${route}`);
  const response = await handler(new Request(`http://localhost${route}${query}`, { headers: { ...auth, ...headers } }), {
    params: Promise.resolve({}),
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type') ?? '', text };
}

const fieldsOf = (text: string) => (JSON.parse(text) as { error?: { code?: string; fields?: Record<string, string> } }).error;

describe('bad parameters of the stats routes: 400 naming each', () => {
  const cases: Array<[query: string, names: string[]]> = [
    ['period=2022-H3', ['period']],
    ['period=2022-Q5', ['period']],
    ['period=1999', ['period']],
    ['region=12', ['region']],
    ['region=999999999', ['region']],
    ['category=NOPE', ['category']],
    ['category=nope', ['category']],
    ['body=NOPE', ['body']],
    ['unit=99999', ['unit']],
    ['level=x', ['level']],
    ['asOf=2022-13-01', ['asOf']],
    ['asOf=2022-02-30', ['asOf']],
    ['lang=de', ['lang']],
    ['from=2022-01-01&to=2021-12-31', ['to']],
    ['period=2022&from=2022-01-01&to=2022-02-01', ['period']],
    ['period=2022-H3&region=12&level=x&asOf=2022-13-01&lang=de', ['period', 'region', 'level', 'asOf', 'lang']],
  ];

  it.each(STATS)('%s', async (route) => {
    for (const [query, names] of cases) {
      const { status, type, text } = await call(`/api/v1/stats/${route}`, `?${query}`);
      expect(status, `${route}?${query}`).toBe(400);
      expect(type).toContain('application/json');
      const error = fieldsOf(text);
      expect(error?.code, query).toBe('VALIDATION');
      for (const name of names) expect(Object.keys(error?.fields ?? {}), `${route}?${query}`).toContain(name);
    }
    // from without to (and the other way round) names the missing half of the pair.
    for (const query of ['from=2022-01-01', 'to=2022-12-31']) {
      const { status, text } = await call(`/api/v1/stats/${route}`, `?${query}`);
      expect(status, query).toBe(400);
      const fields = Object.keys(fieldsOf(text)?.fields ?? {});
      expect(fields.some((f) => f === 'from' || f === 'to'), `${query}: ${fields.join(', ')}`).toBe(true);
    }
  });

  it('accepts the well-formed forms of every parameter', async () => {
    const good = [
      'period=2022', 'period=2022-H2', 'period=2022-Q3', 'from=2022-03-01&to=2022-09-30', `region=${KATO}`, `category=${categoryCode}`,
      'level=RURAL', `body=${bodyCode}`, 'asOf=2023-01-15', 'lang=kk', 'period=2022&period=2022-H1',
    ];
    for (const route of STATS) {
      for (const query of good) expect((await call(`/api/v1/stats/${route}`, `?${query}`)).status, `${route}?${query}`).toBe(200);
    }
  });
});

describe('well-formed periods and dates at the edges of the calendar', () => {
  // Zod's date format takes any four-digit year; PostgreSQL has no year 0, and the previous
  // period of a range starting in year 1 would fall in it. The summary of 2000 compares it with
  // 1999, a year parsePeriod refuses.
  const queries = [
    'period=2000', 'period=2000-H1', 'period=2000-Q1', 'period=2100-H2', 'from=1900-01-01&to=2199-12-31',
    'asOf=0000-01-01', 'period=2022&asOf=0001-01-01', 'from=0001-01-01&to=0001-01-31', 'from=0000-01-01&to=0000-12-31',
    'from=0001-01-01&to=9999-12-31', 'from=9999-12-01&to=9999-12-31', 'asOf=9999-12-31', 'period=2022&asOf=1000-06-30',
  ];
  it.each(ROUTES)('%s', async (route) => {
    for (const query of queries) {
      const { status, text } = await call(route, `?${query}`);
      expect(status, `${route}?${query} → ${text.slice(0, 200)}`).toBeLessThan(500);
    }
  });
});

// ---------- any query string at all ----------

const PARAMS = ['period', 'from', 'to', 'region', 'unit', 'category', 'level', 'body', 'asOf', 'lang', 'kind', 'status', 'responsible', 'sort', 'limit', 'cursor'];

const plausible = () =>
  fc.oneof(
    fc.constantFrom(
      '2022', '2022-H1', '2022-H2', '2022-Q3', '2000', '2100-H2', '2031-Q1', '2022-H3', '2022-h1', ' 2022 ', '2022-Q0',
      '2022-01-01', '2022-12-31', '2022-02-29', '2024-02-29', '0000-01-01', '0001-01-01', '1970-01-01', '1999-12-31', '2101-01-01',
      '9999-12-31', '2022-1-1', KATO, '999999999', '000000000', '12', categoryCode, bodyCode, 'NOPE', 'REGION', 'RURAL', 'AKIM',
      'CENTRAL', 'RESOLVED', 'heldOn', '-raisedOn', 'ru', 'kk', 'en', 'de', '1', '0', '-1', '200', '201', '1e3', 'NaN', 'null',
      'undefined', 'true', '[]', '{}', '__proto__', 'constructor', 'eyJhIjoxfQ', 'WyJoZWxkT24iLCIyMDIyLTAxLTAxIiwxXQ',
    ),
    fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.bigInt({ min: -(10n ** 40n), max: 10n ** 400n }).map(String),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.stringMatching(/^\d{1,20}$/),
    fc.stringMatching(/^[A-Z_]{1,50}$/),
  );

// Values shaped for the parameter they are given to, edges included, so that well-formed
// but unusual values reach the queries; and anything at all for any name.
const dateValue = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('0000-01-01', '0001-01-01', '1899-12-31', '1900-01-01', '2199-12-31', '2200-01-01', '9999-12-31', '2022-02-29', '2024-02-29') },
  fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2033-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const SHAPED: Record<string, fc.Arbitrary<string>> = {
  period: fc.oneof(fc.integer({ min: -1, max: 10_000 }).chain((y) => fc.constantFrom(`${y}`, `${y}-H1`, `${y}-H2`, `${y}-Q1`, `${y}-Q4`, `${y}-H3`)), plausible()),
  from: dateValue,
  to: dateValue,
  asOf: dateValue,
  region: fc.oneof(fc.constant(KATO), fc.stringMatching(/^\d{9}$/), plausible()),
  unit: fc.oneof(fc.stringMatching(/^\d{5,16}$/), plausible()),
  category: fc.oneof(fc.constantFrom('TEST', 'ROADS'), fc.stringMatching(/^[A-Z][A-Z0-9_]{0,45}$/)),
  body: fc.stringMatching(/^[A-Z][A-Z0-9_]{0,35}$/),
  limit: fc.oneof(fc.integer({ min: -5, max: 1000 }).map(String), plausible()),
};
const pair = fc.oneof(
  fc.constantFrom(...PARAMS).chain((key) => fc.tuple(fc.constant(key), SHAPED[key] ?? plausible())),
  fc.tuple(fc.oneof(fc.constantFrom(...PARAMS), fc.string({ unit: 'grapheme', maxLength: 12 })), plausible()),
);

const queryString = fc.oneof(
  // Mostly valid values of a few known parameters, so that the query runs with unusual ones.
  fc
    .record(
      {
        period: fc.constantFrom('2022', '2022-H1', '2022-H2', '2000', '2100-Q4'),
        from: dateValue, to: dateValue, asOf: dateValue,
        region: fc.constant(KATO), level: fc.constantFrom('REGION', 'DISTRICT', 'RURAL'), lang: fc.constantFrom('ru', 'kk', 'en'),
        kind: fc.constantFrom('AKIM', 'CENTRAL'), sort: fc.constantFrom('heldOn', '-raisedOn'), limit: fc.integer({ min: 1, max: 200 }).map(String),
      },
      { requiredKeys: [] },
    )
    .map((params) => `?${new URLSearchParams(params as Record<string, string>).toString()}`),
  // Well-encoded: known and random keys, values of every kind, keys repeated (an "array").
  fc.array(pair, { maxLength: 8 }).map((pairs) => `?${new URLSearchParams(pairs).toString()}`),
  // Raw: whatever characters, broken percent-escapes and separators included.
  fc
    .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('%', '%E0%A4%A', '%00', '%FF%FE', '&&', '==', '+', '#', ';', '[]=', 'period[]=2022')), { maxLength: 8 })
    .map((parts) => `?${parts.join('')}`),
);

const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,40}$/);

describe('any query string: never a 5xx, always JSON, never a trace', () => {
  it.each(ROUTES)('%s', async (route) => {
    await fc.assert(
      fc.asyncProperty(queryString, fc.option(headerValue, { nil: undefined }), async (query, acceptLanguage) => {
        let url: URL;
        try {
          url = new URL(`http://localhost${route}${query}`);
        } catch {
          return; // not a URL any client could send
        }
        const { status, type, text } = await call(route, url.search, acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage });
        expect(status, `${route}${url.search} → ${text.slice(0, 300)}`).toBeLessThan(500);
        expect(type).toContain('application/json');
        expect(() => JSON.parse(text)).not.toThrow();
        expect(text).not.toMatch(/stack/i);
        expect(text).not.toMatch(/\bat \S+ \(|\n\s+at |\.ts:\d+:\d+/);
        if (status >= 400) expect(text).not.toContain('at ');
      }),
      { numRuns: 60 },
    );
  });
});
