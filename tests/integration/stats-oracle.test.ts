// Every figure of every /api/v1/stats route, on the demo data, equals the plain-SQL oracle
// (tests/support/stats-oracle.ts) under each filter of {region, unit, category, level, body},
// with a value that has data and one that has none, every pair of filters, and no filter;
// × half-year, year, quarter, a range crossing months mid-month, a multi-year range and a range
// ending today; × asOf before the period, inside it, at its end and after it.
//
// On a real PostgreSQL (TEST_DATABASE_URL) the whole product runs. On the embedded database,
// where a query is several times slower, a fixed subset runs: no filter, each single filter with
// data, two pairs, three period shapes and two asOf (see `EMBEDDED`).
//
// Then section 3 of issue 13, as an analyst checks it: the additive figures add up (regions to
// the nation, categories and levels to their region, H1 + H2 to the year) and a two-filter
// answer equals the matching row of the one-filter breakdowns.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type pg from 'pg';
import { seedDemoData } from '../../prisma/seed/seed-demo';
import { createCategory, createCentralBody, createRegion, setKato } from '../factories/reference';
import { hasRealServer, openAppDatabase, type AppDatabase } from '../support/database';
import * as oracle from '../support/stats-oracle';
import { diffFields, type Mismatch, reportMismatches } from '../support/stats-compare';

type App = typeof import('@/features/stats/filters') &
  typeof import('@/features/stats/queries/summary') &
  typeof import('@/features/stats/queries/breakdowns') &
  typeof import('@/features/stats/queries/escalations') &
  typeof import('@/features/stats/queries/central-meetings') &
  typeof import('@/features/stats/queries/action-plans') &
  typeof import('@/lib/period');

let database: AppDatabase;
let pool: pg.Pool;
let app: App;

/** "Today", fixed, for the range that ends today and for the asOf a request leaves out. */
const TODAY = '2023-05-17';
const EMBEDDED = !hasRealServer;

const DAY = 86_400_000;
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const midpoint = (from: string, to: string) => addDays(from, Math.floor((Date.parse(to) - Date.parse(from)) / DAY / 2));

// ---------- what is asked ----------

type Dim = 'region' | 'unit' | 'category' | 'level' | 'body';
const DIMS: Dim[] = ['region', 'unit', 'category', 'level', 'body'];
type Value = { code: string; id: number | string };
type Values = Record<Dim, { data: Value; none: Value | null }>;
type Filter = Partial<Record<Dim, Value>>;

/** The filter values: with data, chosen from the demo data so that their pairs have data too; without, made empty. */
async function chooseValues(): Promise<Values> {
  const one = async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows[0] as T;
  // The region with the most central meetings, and in it a district whose rural districts hold meetings.
  const region = await one<{ id: number; kato: string }>(
    `SELECT r.id, r.kato FROM region r JOIN meeting m ON m.region_id = r.id AND m.kind = 'CENTRAL'
     GROUP BY r.id ORDER BY count(*) DESC, r.kato LIMIT 1`,
  );
  const unit = await one<{ id: number; code: string }>(
    `SELECT u.id, u.code FROM admin_unit u JOIN admin_unit c ON c.parent_id = u.id JOIN meeting m ON m.unit_id = c.id
     WHERE u.region_id = $1 GROUP BY u.id ORDER BY count(*) DESC, u.code LIMIT 1`,
    [region.id],
  );
  const body = await one<{ id: number; code: string }>(
    `SELECT b.id, b.code FROM central_body b JOIN meeting m ON m.central_body_id = b.id
     WHERE m.region_id = $1 GROUP BY b.id ORDER BY count(*) DESC, b.code LIMIT 1`,
    [region.id],
  );
  const category = await one<{ id: number; code: string }>(`SELECT id, code FROM issue_category WHERE code = 'ROADS'`);
  // Values that name nothing recorded: a new region, unit, category and body. Every level has data.
  const emptyRegion = await createRegion(pool, { nameEn: 'Region without data' });
  const emptyKato = await setKato(pool, emptyRegion, '990000000');
  const emptyUnit = await one<{ id: number }>(
    `INSERT INTO admin_unit (region_id, kind, code, name_ru, name_kk, name_en) VALUES ($1, 'DISTRICT', '990100000', 'Пусто', 'Бос', 'Empty') RETURNING id`,
    [region.id],
  );
  const emptyCategory = await createCategory(pool);
  const emptyBody = await createCentralBody(pool);
  const code = async (table: string, column: string, id: number) => (await one<{ c: string }>(`SELECT ${column} AS c FROM ${table} WHERE id = $1`, [id])).c;
  return {
    region: { data: { code: region.kato, id: region.id }, none: { code: emptyKato, id: emptyRegion } },
    unit: { data: { code: unit.code, id: unit.id }, none: { code: '990100000', id: emptyUnit.id } },
    category: { data: { code: category.code, id: category.id }, none: { code: await code('issue_category', 'code', emptyCategory), id: emptyCategory } },
    level: { data: { code: 'DISTRICT', id: 'DISTRICT' }, none: null },
    body: { data: { code: body.code, id: body.id }, none: { code: await code('central_body', 'code', emptyBody), id: emptyBody } },
  };
}

function filtersOf(values: Values): Filter[] {
  const out: Filter[] = [{}];
  for (const d of DIMS) {
    out.push({ [d]: values[d].data });
    if (values[d].none) out.push({ [d]: values[d].none });
  }
  for (let i = 0; i < DIMS.length; i++) {
    for (let j = i + 1; j < DIMS.length; j++) out.push({ [DIMS[i]!]: values[DIMS[i]!].data, [DIMS[j]!]: values[DIMS[j]!].data });
  }
  return out;
}

type Shape = { name: string; query: { period?: string; from?: string; to?: string }; from: string; to: string };
const SHAPES: Shape[] = [
  { name: 'half-year', query: { period: '2022-H2' }, from: '2022-07-01', to: '2022-12-31' },
  { name: 'year', query: { period: '2022' }, from: '2022-01-01', to: '2022-12-31' },
  { name: 'quarter', query: { period: '2023-Q1' }, from: '2023-01-01', to: '2023-03-31' },
  { name: 'mid-month range', query: { from: '2022-03-15', to: '2022-05-20' }, from: '2022-03-15', to: '2022-05-20' },
  { name: 'multi-year range', query: { from: '2021-01-01', to: '2023-06-30' }, from: '2021-01-01', to: '2023-06-30' },
  { name: 'range ending today', query: { from: '2023-02-10', to: TODAY }, from: '2023-02-10', to: TODAY },
];

/** asOf before the period, inside it, at its end (left out for the range ending today: then it is today) and after it. */
const asOfsOf = (s: Shape): Array<{ name: string; asOf?: string }> => [
  { name: 'before', asOf: addDays(s.from, -10) },
  { name: 'inside', asOf: midpoint(s.from, s.to) },
  s.to === TODAY ? { name: 'at end (default: today)' } : { name: 'at end', asOf: s.to },
  { name: 'after', asOf: addDays(s.to, 45) },
];

type Case = { filter: Filter; shape: Shape; asOf: { name: string; asOf?: string } };

const labelOf = (c: Case) => {
  const f = Object.entries(c.filter).map(([d, v]) => `${d}=${v.code}`).join('&') || '(no filter)';
  return `${f} · ${c.shape.name} ${JSON.stringify(c.shape.query)} · asOf ${c.asOf.name}${c.asOf.asOf ? ` ${c.asOf.asOf}` : ''}`;
};

// ---------- asking the app and the oracle ----------

/** The app's filter, resolved from the request's parameters with "today" fixed, as the route handlers do. */
async function appFilter(query: Record<string, string>) {
  const q = app.statsQuerySchema.parse(query);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${TODAY}T12:00:00Z`)); // noon UTC: the same date in Almaty
  try {
    return await app.resolveStatsFilter(q, async () => { throw new Error('a period is always given'); });
  } finally {
    vi.useRealTimers();
  }
}

function queryOf(filter: Filter, shape: Shape, asOf?: string): Record<string, string> {
  const q: Record<string, string> = { ...shape.query };
  for (const [d, v] of Object.entries(filter)) q[d] = v.code;
  if (asOf) q.asOf = asOf;
  return q;
}

/** The oracle's filter, from the chosen ids and the shape's dates, not from the app's resolution. */
function oracleFilter(filter: Filter, shape: Shape, asOf?: string): oracle.OracleFilter {
  const period = shape.query.period ? app.parsePeriod(shape.query.period)! : app.dateRangePeriod(shape.from, shape.to)!;
  return {
    period,
    asOf: asOf ?? (shape.to < TODAY ? shape.to : TODAY),
    regionId: (filter.region?.id as number | undefined) ?? null,
    unitId: (filter.unit?.id as number | undefined) ?? null,
    categoryId: (filter.category?.id as number | undefined) ?? null,
    level: (filter.level?.id as oracle.OracleFilter['level'] | undefined) ?? null,
    bodyId: (filter.body?.id as number | undefined) ?? null,
  };
}

async function appAnswers(query: Record<string, string>): Promise<Record<oracle.Route, unknown> & { asOf: string }> {
  const f = await appFilter(query);
  const [summary, regions, categories, levels, escalations, central, plans] = await Promise.all([
    app.getSummary(f), app.getRegionRanking(f, 'en'), app.getCategoryBreakdown(f, 'en'), app.getLevelBreakdown(f),
    app.getEscalationStats(f), app.getCentralMeetingStats(f, 'en'), app.getActionPlanStats(f, 'en'),
  ]);
  return {
    asOf: f.asOf, summary, regions, categories, levels, escalations, 'central-meetings': central, 'action-plans': plans,
  };
}

async function compareCase(c: Case): Promise<Mismatch[]> {
  const expected = oracleFilter(c.filter, c.shape, c.asOf.asOf);
  const [got, want] = await Promise.all([appAnswers(queryOf(c.filter, c.shape, c.asOf.asOf)), oracle.everyRoute(pool, expected)]);
  const label = labelOf(c);
  const dimensions = Object.keys(c.filter).length;
  const out: Mismatch[] = [];
  if (got.asOf !== expected.asOf) out.push({ label, dimensions, route: 'filter', diffs: [{ path: 'asOf', app: got.asOf, oracle: expected.asOf }] });
  for (const route of oracle.ROUTES) {
    const diffs = diffFields(got[route], want[route]);
    if (diffs.length) out.push({ label, dimensions, route, diffs });
  }
  return out;
}

/** Runs `work` over `items`, `width` at a time. */
async function inParallel<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  }));
  return out;
}

// ---------- the tests ----------

let values: Values;

beforeAll(async () => {
  database = await openAppDatabase();
  pool = database.pool;
  const seeded = await seedDemoData(database.url);
  expect(seeded.seeded).toBe(true);
  values = await chooseValues();
  app = {
    ...(await import('@/features/stats/filters')),
    ...(await import('@/features/stats/queries/summary')),
    ...(await import('@/features/stats/queries/breakdowns')),
    ...(await import('@/features/stats/queries/escalations')),
    ...(await import('@/features/stats/queries/central-meetings')),
    ...(await import('@/features/stats/queries/action-plans')),
    ...(await import('@/lib/period')),
  };
}, 600_000);

afterAll(() => database?.close());

describe('every stats figure equals the plain-SQL oracle on the demo data', () => {
  it('under every filter, pair of filters, period shape and asOf', async () => {
    let filters = filtersOf(values);
    let shapes = SHAPES;
    let asOfs = (s: Shape) => asOfsOf(s);
    if (EMBEDDED) {
      // A fixed subset: the unfiltered case, each single filter with data, the pairs of the issue's table
      // (region + category, region + level), on a half-year, a mid-month range and the range ending today,
      // at the period's end and inside it.
      const pairs = ['region&category', 'region&level'];
      filters = filters.filter((f) => {
        const dims = Object.keys(f);
        if (dims.length === 2) return pairs.includes(dims.join('&'));
        return dims.length === 0 || Object.entries(f).every(([d, v]) => values[d as Dim].data === v);
      });
      shapes = SHAPES.filter((s) => ['half-year', 'mid-month range', 'range ending today'].includes(s.name));
      asOfs = (s) => asOfsOf(s).filter((a) => a.name.startsWith('at end') || a.name === 'inside');
    }
    const cases: Case[] = filters.flatMap((filter) => shapes.flatMap((shape) => asOfs(shape).map((asOf) => ({ filter, shape, asOf }))));
    const started = Date.now();
    const mismatches = (await inParallel(cases, hasRealServer ? 4 : 1, compareCase)).flat();
    console.info(
      `stats oracle: ${cases.length} cases (${filters.length} filters × ${shapes.length} period shapes × asOf) × ${oracle.ROUTES.length} routes` +
        `${EMBEDDED ? ' — the embedded subset; set TEST_DATABASE_URL for all' : ''}, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(mismatches.length, reportMismatches(mismatches)).toBe(0);
  }, 600_000);
});
