// Every figure of the 2022 briefing (tests/fixtures/seed-figures-2022.json), read through the
// /api/v1/stats routes on the seeded demo data, as the analyst demo user; the answers checked
// against the response schemas the OpenAPI document is made from; names in the asked language.
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { seedDemoData } from '../../prisma/seed/seed-demo';
import { createSession, createToken, userIdOf } from '../factories/users';
import { openAppDatabase, type AppDatabase } from '../support/database';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Range = { range: [number, number] };
type Schemas = typeof import('@/server/stats/response-schemas');

const figures = JSON.parse(fs.readFileSync('tests/fixtures/seed-figures-2022.json', 'utf8'));
const akim = figures.akimMeetings;
const central = figures.centralOfficialMeetings['2022'];

const STATS = ['summary', 'regions', 'categories', 'levels', 'escalations', 'central-meetings', 'action-plans', 'budget-requests'] as const;
type Stat = (typeof STATS)[number];

let database: AppDatabase;
let pool: pg.Pool;
let schemas: Schemas;
const handlers = new Map<string, Handler>();
let tokenHeaders: Record<string, string>;
let sessionHeaders: Record<string, string>;

beforeAll(async () => {
  database = await openAppDatabase();
  const seeded = await seedDemoData(database.url);
  expect(seeded.seeded).toBe(true);
  pool = database.pool;
  const analyst = await userIdOf(pool, 'analyst');
  tokenHeaders = (await createToken(pool, analyst)).headers;
  sessionHeaders = (await createSession(pool, analyst)).headers;
  for (const name of [...STATS.map((s) => `stats/${s}`), 'openapi.json']) {
    handlers.set(name, ((await import(path.resolve(`src/app/api/v1/${name}/route.ts`))) as { GET: Handler }).GET);
  }
  schemas = await import('@/server/stats/response-schemas');
});

afterAll(() => database?.close());

/** GET a stats route as the analyst (by token unless told), expecting 200, the body checked against its schema. */
async function get<T = Record<string, unknown>>(
  stat: Stat | 'openapi.json',
  query = '',
  options: { headers?: Record<string, string>; via?: 'token' | 'session' } = {},
): Promise<T> {
  const name = stat === 'openapi.json' ? stat : `stats/${stat}`;
  const auth = options.via === 'session' ? sessionHeaders : tokenHeaders;
  const response = await handlers.get(name)!(new Request(`http://localhost/api/v1/${name}${query}`, { headers: { ...auth, ...options.headers } }), {
    params: Promise.resolve({}),
  });
  const body = await response.json();
  expect(response.status, `${name}${query}: ${JSON.stringify(body).slice(0, 300)}`).toBe(200);
  if (stat !== 'openapi.json') {
    const result = (schemas.STATS_RESPONSES[stat] as z.ZodType).safeParse(body);
    expect(result.success, `${stat}${query} against its response schema: ${result.error?.message}`).toBe(true);
  }
  return body as T;
}

const inRange = (value: number, { range }: Range, what = '') => {
  expect(value, what).toBeGreaterThanOrEqual(range[0]);
  expect(value, what).toBeLessThan(range[1]);
};

/** k / n as a percentage rounded half up to 0.1, from the integers, as the report rounds. */
const pct1 = (k: number, n: number) => Math.floor((2000 * k + n) / (2 * n)) / 10;

type Summary = z.infer<Schemas['summaryResponse']>;

describe('summary', () => {
  it('2022: meetings, issues raised, resolved, the rate', async () => {
    const s = await get<Summary>('summary', '?period=2022');
    expect(s.period).toEqual({ code: '2022', from: '2022-01-01', to: '2022-12-31' });
    expect(s.asOf).toBe('2022-12-31');
    inRange(s.meetings, akim['2022'].meetings, 'meetings');
    inRange(s.issuesRaised, akim['2022'].issuesRaised, 'issuesRaised');
    // The report's 47.6 thousand: the year's issues resolved by its end (the rate's numerator).
    inRange(s.issuesRaisedAndResolved, akim['2022'].issuesResolved, 'issuesRaisedAndResolved');
    // Resolved during the year: the demo data starts in 2022, so the same figure.
    inRange(s.issuesResolved, akim['2022'].issuesResolved, 'issuesResolved');
    const [low, high] = akim['2022'].resolutionRatePct.range as [number, number];
    expect(s.resolutionRate).toBeGreaterThanOrEqual(low / 100);
    expect(s.resolutionRate).toBeLessThan(high / 100);
    expect(s.resolutionRate).toBeCloseTo(s.issuesRaisedAndResolved / s.issuesRaised, 12);
  });

  it('2022-H2: meetings, raised, resolved during the half, local budget, and 2.3 times H1', async () => {
    const s = await get<Summary>('summary', '?period=2022-H2');
    const h2 = akim['2022-H2'];
    inRange(s.meetings, h2.meetings, 'meetings');
    inRange(s.issuesRaised, h2.issuesRaised, 'issuesRaised');
    inRange(s.issuesResolved, h2.issuesResolvedDuringPeriod, 'issuesResolved');
    inRange(s.budget.needKzt, h2.localBudgetNeedKZT, 'needKzt');
    inRange(s.budget.allocatedKzt, h2.localBudgetAllocatedKZT, 'allocatedKzt');
    expect(Number.isInteger(s.budget.needKzt) && Number.isInteger(s.budget.allocatedKzt)).toBe(true);
    expect(s.budget.allocatedShare).toBeCloseTo(s.budget.allocatedKzt / s.budget.needKzt, 12);
    expect(`${pct1(s.budget.allocatedKzt, s.budget.needKzt)}%`).toBe(h2.allocatedShareOfNeedPct.report);
    // The previous period of a second half is the first half of the same year.
    expect(s.previous.period.code).toBe('2022-H1');
    inRange(s.change.meetings.ratio as number, akim['2022'].meetingsH2overH1, 'H2 / H1 meetings');
    expect(s.change.meetings.difference).toBe(s.meetings - s.previous.meetings);
  });

  it('2022-H1 and 2022-H2 add up to 2022, and H2’s previous is H1', async () => {
    const [year, h1, h2] = await Promise.all([
      get<Summary>('summary', '?period=2022'), get<Summary>('summary', '?period=2022-H1'), get<Summary>('summary', '?period=2022-H2'),
    ]);
    expect(h1.meetings + h2.meetings).toBe(year.meetings);
    expect(h1.issuesRaised + h2.issuesRaised).toBe(year.issuesRaised);
    expect(h1.meetings).toBeGreaterThan(0);
    const { previous: _p, change: _c, ...h1Figures } = h1;
    expect(h2.previous).toEqual(h1Figures);
    // The year's previous period is 2021: the demo data has none.
    expect(year.previous.period.code).toBe('2021');
  });

  it('reads the same by session cookie as by token', async () => {
    expect(await get('summary', '?period=2022-H2', { via: 'session' })).toEqual(await get('summary', '?period=2022-H2'));
  });
});

type Regions = z.infer<Schemas['regionsResponse']>;

describe('regions', () => {
  it('2022: the top three and bottom three, in order, with their rates to 0.1 %', async () => {
    const r = await get<Regions>('regions', '?period=2022');
    const { highest, lowest } = akim['2022'].regionResolutionRatePct as Record<'highest' | 'lowest', Record<string, number>>;
    expect(r.regions).toHaveLength(20);
    // KATO keys look like array indices, so the JSON's order is lost: order them by the rates.
    const byRate = (rates: Record<string, number>, sign: 1 | -1) => Object.entries(rates).sort((a, b) => sign * (a[1] - b[1])).map(([k]) => k);
    expect(r.top, 'best first').toEqual(byRate(highest, -1));
    expect(r.bottom, 'worst first').toEqual(byRate(lowest, 1));
    const byKato = new Map(r.regions.map((row) => [row.kato, row]));
    for (const [kato, pct] of Object.entries({ ...highest, ...lowest })) {
      const row = byKato.get(kato)!;
      const resolved = Math.round((row.resolutionRate as number) * row.issuesRaised);
      expect(pct1(resolved, row.issuesRaised), kato).toBe(pct);
    }
    const ranked = r.regions.filter((row) => row.rank !== null);
    expect(ranked.map((row) => row.rank)).toEqual(ranked.map((_, i) => i + 1));
    for (const row of ranked.slice(3, -3)) {
      expect(row.resolutionRate! * 100).toBeGreaterThan(54.5);
      expect(row.resolutionRate! * 100).toBeLessThan(92.8);
    }
  });

  it('names in the asked language: lang=kk, Accept-Language: en, Russian by default', async () => {
    const { rows } = await pool.query<{ kato: string; name_ru: string; name_kk: string; name_en: string }>(
      'SELECT kato, name_ru, name_kk, name_en FROM region',
    );
    const names = new Map(rows.map((r) => [r.kato, r]));
    const check = (r: Regions, column: 'name_ru' | 'name_kk' | 'name_en') => {
      for (const row of r.regions) expect(row.name, row.kato).toBe(names.get(row.kato)![column]);
    };
    check(await get<Regions>('regions', '?period=2022&lang=kk'), 'name_kk');
    check(await get<Regions>('regions', '?period=2022', { headers: { 'accept-language': 'en-GB,en;q=0.9' } }), 'name_en');
    check(await get<Regions>('regions', '?period=2022', { headers: { 'accept-language': 'de-DE, kk;q=0.5' } }), 'name_kk');
    check(await get<Regions>('regions', '?period=2022&lang=kk', { headers: { 'accept-language': 'en' } }), 'name_kk');
    check(await get<Regions>('regions', '?period=2022'), 'name_ru');
    // The Kazakh and English names really differ from the Russian ones.
    expect(rows.filter((r) => r.name_kk !== r.name_ru).length).toBeGreaterThan(10);
    expect(rows.filter((r) => r.name_en !== r.name_ru).length).toBeGreaterThan(10);
  });
});

type Escalations = z.infer<Schemas['escalationsResponse']>;

describe('escalations (the central-level list)', () => {
  it('2022-H2: 62 by disposition, the amounts, 6 selected', async () => {
    const expected = akim['2022-H2'].centralLevelList;
    const e = await get<Escalations>('escalations', '?period=2022-H2');
    expect(e.halves).toEqual(['2022-H2']);
    expect(e.total).toBe(expected.total);
    expect(e.undecided).toBe(0);
    for (const [code, spec] of Object.entries<number | { count: number; amountKZT: Range }>(expected.byDisposition)) {
      const got = e.byDisposition[code as keyof Escalations['byDisposition']];
      expect(got.count, code).toBe(typeof spec === 'number' ? spec : spec.count);
      if (typeof spec !== 'number') inRange(got.amountKzt, spec.amountKZT, code);
    }
    expect(e.selected).toBe(expected.selectedForCentralDecision);
  });

  it('2022-H1: 14 by disposition', async () => {
    const expected = akim['2022-H1'].centralLevelList;
    const e = await get<Escalations>('escalations', '?period=2022-H1');
    expect(e.total).toBe(expected.total);
    for (const [code, count] of Object.entries<number>(expected.byDisposition)) {
      expect(e.byDisposition[code as keyof Escalations['byDisposition']].count, code).toBe(count);
    }
  });

  it('2022-H2 as of 2022-09-30: the list as it stood that day, shorter, fewer selected and decided', async () => {
    // The demo seed lists each entry the day its issue moved to ESCALATED and marks the selected on their final disposition.
    const e = await get<Escalations>('escalations', '?period=2022-H2&asOf=2022-09-30');
    expect({ total: e.total, selected: e.selected, undecided: e.undecided }).toEqual({ total: 34, selected: 2, undecided: 12 });
    expect(Object.values(e.byDisposition).reduce((n, d) => n + d.count, e.undecided)).toBe(e.total);
    // The half's end is the default asOf: the briefing's 62 and 6.
    const end = await get<Escalations>('escalations', '?period=2022-H2&asOf=2022-12-31');
    expect({ total: end.total, selected: end.selected }).toEqual({ total: 62, selected: 6 });
  });
});

type Central = z.infer<Schemas['centralMeetingsResponse']>;

describe('central officials’ meetings', () => {
  it('2022: schedule, held, by half, personal receptions', async () => {
    const c = await get<Central>('central-meetings', '?period=2022');
    expect(c.scheduled).toBe(central.scheduledMeetings.total);
    expect(c.held).toBe(central.heldMeetings.total);
    expect(c.byHalf).toEqual([
      { half: '2022-H1', scheduled: central.scheduledMeetings.H1, held: central.heldMeetings.H1 },
      { half: '2022-H2', scheduled: central.scheduledMeetings.H2, held: central.heldMeetings.H2 },
    ]);
    expect(c.personalReceptions).toBe(central.personalReceptions.count);
    expect(c.citizensReceived).toBe(central.citizensReceived);
    expect(c.issuesVoiced).toBe(central.issuesVoiced);
    expect(c.issuesResolved).toBe(central.issuesResolved.count);
    expect(Math.round((100 * c.issuesResolved) / c.issuesVoiced)).toBe(central.issuesResolved.pct);
    expect(c.issuesInExecution).toBe(central.issuesInExecution);
  });
});

type Plans = z.infer<Schemas['actionPlansResponse']>;

describe('action plans', () => {
  const fivePlans = [...akim['2022-H2'].actionPlansNotPublished.regions].sort();
  it.each(['2022-H2', '2022'])('%s: the five akimats that did not publish', async (period) => {
    const p = await get<Plans>('action-plans', `?period=${period}`);
    expect(p.notPublished.map((r) => r.kato).sort()).toEqual(fivePlans);
    expect(p.published).toHaveLength(15);
  });
});

describe('every stats route answers within its schema', () => {
  it.each(STATS)('%s', async (stat) => {
    for (const query of ['', '?period=2022-Q3&lang=en', '?from=2022-03-01&to=2022-09-30&asOf=2022-10-01&level=RURAL']) {
      await get(stat, query);
    }
  });
});

describe('the OpenAPI document', () => {
  it('is served to the analyst, describes every stats route, and its summary schema accepts a real answer', async () => {
    const doc = await get<{ openapi: string; paths: Record<string, { get: { parameters: Array<{ name: string }> } }>; components: Record<string, Record<string, unknown>> }>('openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    for (const stat of STATS) expect(Object.keys(doc.paths)).toContain(`/api/v1/stats/${stat}`);
    expect(Object.keys(doc.components.securitySchemes!)).toEqual(['bearer', 'cookie']);
    expect(doc.paths['/api/v1/stats/summary']!.get.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['period', 'from', 'to', 'region', 'category', 'level', 'body', 'asOf', 'lang']),
    );
    // Every parameter of every operation is described, and every $ref resolves.
    for (const [route, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item as Record<string, { parameters?: Array<{ name: string }> }>)) {
        for (const p of op.parameters ?? []) expect((p as { description?: string }).description, `${method} ${route} ${p.name}`).toBeTruthy();
      }
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const name of refs) expect(Object.keys(doc.components.schemas!), name).toContain(name);
    // The documented units.
    const summary = doc.components.schemas!.StatsSummary as { properties: Record<string, { description?: string; maximum?: number }> };
    expect(summary.properties.resolutionRate!.description).toMatch(/fraction from 0 to 1/);
    expect(JSON.stringify(summary.properties.budget)).toMatch(/whole tenge/);
  });

  it('is refused without credentials', async () => {
    const response = await handlers.get('openapi.json')!(new Request('http://localhost/api/v1/openapi.json'), { params: Promise.resolve({}) });
    expect(response.status).toBe(401);
  });
});
