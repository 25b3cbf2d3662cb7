// Every figure of every /api/v1/stats route, on the demo data, equals the plain-SQL oracle
// (tests/support/stats-oracle.ts) under each filter of {region, unit, category, level, body},
// with a value that has data and one that has none, every pair of filters, and no filter;
// × half-year, year, quarter, a range crossing months mid-month, a multi-year range and a range
// ending today; × asOf before the period, inside it, at its end and after it; each compared (the
// routes' `previous` and `change`) with the period just before, the default.
//
// compare=yearAgo is one more dimension, run on a part of the product to keep the file within its
// time: no filter and each single filter with data, plus the issue's pair region + category, × every
// period shape × every asOf (see `YEAR_AGO`). Those cases compare the five routes that take `compare`
// (summary, regions, categories, levels, central-meetings); the list and the action plans do not change with it.
//
// On a real PostgreSQL (TEST_DATABASE_URL) the whole product runs. On the embedded database,
// where a query is several times slower, a fixed subset runs: no filter, each single filter with
// data, two pairs, three period shapes and two asOf (see `SUBSET`; STATS_ORACLE_SUBSET=1 asks for it on a real server).
//
// Then section 3 of issue 13, as an analyst checks it: the additive figures add up (regions to
// the nation, categories and levels to their region, H1 + H2 to the year) and a two-filter
// answer equals the matching row of the one-filter breakdowns.
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { seedDemoData } from '../../prisma/seed/seed-demo';
import { createCategory, createCentralBody, createRegion, setKato } from '../factories/reference';
import { createToken, userIdOf } from '../factories/users';
import { hasRealServer, openAppDatabase, type AppDatabase } from '../support/database';
import * as oracle from '../support/stats-oracle';
import { diffFields, type Mismatch, reportMismatches } from '../support/stats-compare';

type App = typeof import('@/server/stats/filters') &
  typeof import('@/server/stats/queries/summary') &
  typeof import('@/server/stats/queries/breakdowns') &
  typeof import('@/server/stats/queries/escalations') &
  typeof import('@/server/stats/queries/central-meetings') &
  typeof import('@/server/stats/queries/action-plans') &
  typeof import('@/server/stats/queries/budget-requests') &
  typeof import('@/lib/period');

let database: AppDatabase;
let pool: pg.Pool;
let oraclePool: pg.Pool;
let app: App;

/** "Today", fixed, for the range that ends today and for the asOf a request leaves out. */
const TODAY = '2023-05-17';
/** The fixed subset: on the embedded database, or when asked for (STATS_ORACLE_SUBSET=1, a quick look on a real server). */
const SUBSET = !hasRealServer || process.env.STATS_ORACLE_SUBSET === '1';

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

type Compare = 'previous' | 'yearAgo';
type Case = { filter: Filter; shape: Shape; asOf: { name: string; asOf?: string }; compare: Compare };

/** The filters compare=yearAgo runs under: none, each single filter with data, and region + category. */
const YEAR_AGO = (values: Values) => (f: Filter) => {
  const dims = Object.keys(f);
  if (dims.length === 2) return dims.join('&') === 'region&category';
  return dims.length === 0 || Object.entries(f).every(([d, v]) => values[d as Dim].data === v);
};

/** The routes whose answers change with `compare`. */
const COMPARED_ROUTES: oracle.Route[] = ['summary', 'regions', 'categories', 'levels', 'central-meetings'];

const labelOf = (c: Case) => {
  const f = Object.entries(c.filter).map(([d, v]) => `${d}=${v.code}`).join('&') || '(no filter)';
  return `${f} · ${c.shape.name} ${JSON.stringify(c.shape.query)} · asOf ${c.asOf.name}${c.asOf.asOf ? ` ${c.asOf.asOf}` : ''}` +
    `${c.compare === 'yearAgo' ? ' · compare=yearAgo' : ''}`;
};

// ---------- asking the app and the oracle ----------

/** The app's filter, resolved from the request's parameters as the route handlers do ("today" is fixed for the whole file). */
async function appFilter(query: Record<string, string>) {
  const q = app.statsQuerySchema.parse(query);
  return app.resolveStatsFilter(q, async () => { throw new Error('a period is always given'); });
}

/** The request's parameters; `compare` only when it is not the default, so that the default is what is checked. */
function queryOf(filter: Filter, shape: Shape, asOf?: string, compare: Compare = 'previous'): Record<string, string> {
  const q: Record<string, string> = { ...shape.query };
  for (const [d, v] of Object.entries(filter)) q[d] = v.code;
  if (asOf) q.asOf = asOf;
  if (compare !== 'previous') q.compare = compare;
  return q;
}

/** The oracle's filter, from the chosen ids and the shape's dates, not from the app's resolution. */
function oracleFilter(filter: Filter, shape: Shape, asOf?: string, compare: Compare = 'previous'): oracle.OracleFilter {
  const period = shape.query.period ? app.parsePeriod(shape.query.period)! : app.dateRangePeriod(shape.from, shape.to)!;
  return {
    period,
    asOf: asOf ?? (shape.to < TODAY ? shape.to : TODAY),
    regionId: (filter.region?.id as number | undefined) ?? null,
    unitId: (filter.unit?.id as number | undefined) ?? null,
    categoryId: (filter.category?.id as number | undefined) ?? null,
    level: (filter.level?.id as oracle.OracleFilter['level'] | undefined) ?? null,
    bodyId: (filter.body?.id as number | undefined) ?? null,
    compare,
  };
}

/** Every route's answer as its handler computes it, `compare` taken from the parameters as the handlers take it. */
async function appAnswers(query: Record<string, string>): Promise<Record<oracle.Route, unknown> & { asOf: string }> {
  const f = await appFilter(query);
  const compare = app.compareOf(app.statsQuerySchema.parse(query));
  const [summary, regions, categories, levels, escalations, central, plans, requests] = await Promise.all([
    app.getSummary(f, compare), app.getRegionRankingCompared(f, 'en', compare), app.getCategoryBreakdownCompared(f, 'en', compare),
    app.getLevelBreakdownCompared(f, compare), app.getEscalationStats(f), app.getCentralMeetingStatsCompared(f, 'en', compare),
    app.getActionPlanStats(f, 'en'), app.getBudgetRequestFigures(f, 'en'),
  ]);
  return {
    asOf: f.asOf, summary, regions, categories, levels, escalations, 'central-meetings': central, 'action-plans': plans, 'budget-requests': requests,
  };
}

async function compareCase(c: Case): Promise<Mismatch[]> {
  const expected = oracleFilter(c.filter, c.shape, c.asOf.asOf, c.compare);
  const timed = async <T>(which: 'app' | 'oracle', work: Promise<T>) => {
    const t = performance.now();
    const out = await work;
    spent[which] += performance.now() - t;
    return out;
  };
  const [got, want] = await Promise.all([
    timed('app', appAnswers(queryOf(c.filter, c.shape, c.asOf.asOf, c.compare))), timed('oracle', oracle.everyRoute(oracleDb, expected)),
  ]);
  const label = labelOf(c);
  const dimensions = Object.keys(c.filter).length;
  const out: Mismatch[] = [];
  if (got.asOf !== expected.asOf) out.push({ label, dimensions, route: 'filter', diffs: [{ path: 'asOf', app: got.asOf, oracle: expected.asOf }] });
  for (const route of c.compare === 'previous' ? oracle.ROUTES : COMPARED_ROUTES) {
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
let oracleDb: ReturnType<typeof oracle.memoized>;
const spent = { app: 0, oracle: 0 };

beforeAll(async () => {
  database = await openAppDatabase();
  pool = database.pool;
  const seeded = await seedDemoData(database.url);
  expect(seeded.seeded).toBe(true);
  values = await chooseValues();
  // The oracle's own connections: room to sort a period's history in memory, and its answers kept.
  oraclePool = hasRealServer ? new pg.Pool({ connectionString: database.url, max: 4, options: '-c work_mem=64MB' }) : pool;
  oracleDb = oracle.memoized(oraclePool);
  // Today is fixed for every read of this file, the queries' own reading plans included: noon UTC, the same date in Almaty.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${TODAY}T12:00:00Z`));
  app = {
    ...(await import('@/server/stats/filters')),
    ...(await import('@/server/stats/queries/summary')),
    ...(await import('@/server/stats/queries/breakdowns')),
    ...(await import('@/server/stats/queries/escalations')),
    ...(await import('@/server/stats/queries/central-meetings')),
    ...(await import('@/server/stats/queries/action-plans')),
    ...(await import('@/server/stats/queries/budget-requests')),
    ...(await import('@/lib/period')),
  };
}, 600_000);

afterAll(async () => {
  vi.useRealTimers();
  if (oraclePool && oraclePool !== pool) await oraclePool.end();
  await database?.close();
});

describe('every stats figure equals the plain-SQL oracle on the demo data', () => {
  it('under every filter, pair of filters, period shape and asOf', async () => {
    let filters = filtersOf(values);
    let shapes = SHAPES;
    let asOfs = (s: Shape) => asOfsOf(s);
    if (SUBSET) {
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
    // compare=yearAgo on a part of the product (YEAR_AGO); in the subset, without a filter and under region + category only.
    const yearAgo = SUBSET ? (f: Filter) => YEAR_AGO(values)(f) && Object.keys(f).length !== 1 : YEAR_AGO(values);
    const product = (compare: Compare, fs: Filter[]): Case[] =>
      fs.flatMap((filter) => shapes.flatMap((shape) => asOfs(shape).map((asOf) => ({ filter, shape, asOf, compare }))));
    const yearAgoFilters = filters.filter(yearAgo);
    const cases: Case[] = [...product('previous', filters), ...product('yearAgo', yearAgoFilters)];
    const started = performance.now();
    const mismatches = (await inParallel(cases, hasRealServer ? 4 : 1, compareCase)).flat();
    console.info(
      `stats oracle: ${cases.length} cases (${filters.length} filters × ${shapes.length} period shapes × asOf, compare=previous;` +
        ` ${yearAgoFilters.length} of the filters again with compare=yearAgo) × ${oracle.ROUTES.length} routes` +
        `${SUBSET ? ' — the fixed subset; TEST_DATABASE_URL without STATS_ORACLE_SUBSET runs all' : ''}, in ${((performance.now() - started) / 1000).toFixed(1)} s` +
        ` (summed over concurrent cases: app ${(spent.app / 1000).toFixed(0)} s, oracle ${(spent.oracle / 1000).toFixed(0)} s)`,
    );
    expect(mismatches.length, reportMismatches(mismatches)).toBe(0);
  }, 600_000);
});

// ---------- section 3: the figures add up, as an analyst checks them ----------

/** One route's answer from the app, for a request's parameters. */
async function ask<R extends oracle.Route>(route: R, query: Record<string, string>) {
  const f = await appFilter(query);
  const answer = {
    summary: () => app.getSummary(f),
    regions: () => app.getRegionRanking(f, 'en'),
    categories: () => app.getCategoryBreakdown(f, 'en'),
    levels: () => app.getLevelBreakdown(f),
    escalations: () => app.getEscalationStats(f),
    'central-meetings': () => app.getCentralMeetingStats(f, 'en'),
    'action-plans': () => app.getActionPlanStats(f, 'en'),
    'budget-requests': () => app.getBudgetRequestFigures(f, 'en'),
  }[route];
  return (await answer()) as Awaited<ReturnType<RouteFunctions[R]>>;
}
type RouteFunctions = {
  summary: App['getSummary']; regions: App['getRegionRanking']; categories: App['getCategoryBreakdown']; levels: App['getLevelBreakdown'];
  escalations: App['getEscalationStats']; 'central-meetings': App['getCentralMeetingStats']; 'action-plans': App['getActionPlanStats'];
  'budget-requests': App['getBudgetRequestFigures'];
};

/** The additive figures of a summary, a breakdown row, or a sum of them. */
type Additive = Partial<Record<
  'meetings' | 'issuesRaised' | 'issuesResolved' | 'needKzt' | 'allocatedKzt' | 'republicanNeedKzt' | 'republicanAllocatedKzt', number
>>;
type Money = { needKzt: number; allocatedKzt: number };
/** A summary's, or a regions row's, additive figures: counts, and the local and republican money. */
const additive = (s: { meetings: number; issuesRaised: number; issuesResolved: number; budget: Money; republicanBudget: Money }): Additive => ({
  meetings: s.meetings, issuesRaised: s.issuesRaised, issuesResolved: s.issuesResolved,
  needKzt: s.budget.needKzt, allocatedKzt: s.budget.allocatedKzt,
  republicanNeedKzt: s.republicanBudget.needKzt, republicanAllocatedKzt: s.republicanBudget.allocatedKzt,
});
const rowFigures = (r: { issuesRaised: number; issuesResolved: number; meetings?: number }, keys: Array<keyof Additive>): Additive =>
  Object.fromEntries(keys.map((k) => [k, (r as Record<string, number>)[k]]));
function total(parts: Additive[]): Additive {
  const out: Additive = {};
  for (const p of parts) for (const [k, v] of Object.entries(p)) out[k as keyof Additive] = (out[k as keyof Additive] ?? 0) + (v ?? 0);
  return out;
}
const pick = (a: Additive, keys: Array<keyof Additive>): Additive => Object.fromEntries(keys.map((k) => [k, a[k]]));

describe('the figures add up (issue 13, section 3)', () => {
  const shapes = SUBSET ? SHAPES.filter((s) => ['half-year', 'mid-month range'].includes(s.name)) : SHAPES;

  // Rates and stocks do not add up: the enumeration above holds each of them against the oracle.
  it('regions to the nation, categories and levels to their region, two filters to the one-filter rows, for every period shape', async () => {
    const mismatches: Mismatch[] = [];
    const expectSame = (label: string, dimensions: number, parts: unknown, whole: unknown, names: [string, string] = ['the parts', 'the whole']) => {
      const diffs = diffFields(parts, whole);
      if (diffs.length) mismatches.push({ label, dimensions, route: 'consistency', diffs, names });
    };
    const ROW: [string, string] = ['the filtered summary', 'the breakdown row'];
    const katos = (await pool.query<{ kato: string }>('SELECT kato FROM region ORDER BY kato')).rows.map((r) => r.kato);
    const categoryCodes = (await pool.query<{ code: string }>('SELECT code FROM issue_category ORDER BY code')).rows.map((r) => r.code);
    const R = values.region.data.code;
    await inParallel(shapes, hasRealServer ? 2 : 1, async (shape) => {
      const q = (extra: Record<string, string> = {}) => ({ ...shape.query, ...extra });
      const at = `${shape.name} ${JSON.stringify(shape.query)}`;
      const ISSUES: Array<keyof Additive> = ['issuesRaised', 'issuesResolved'];

      // The regions add up to the nation; each region's own summary is its row of the ranking.
      const [nation, ranking, perRegion] = await Promise.all([
        ask('summary', q()), ask('regions', q()), Promise.all(katos.map((k) => ask('summary', q({ region: k })))),
      ]);
      expectSame(`Σ regions' rows (local and republican money too) = nation · ${at}`, 0, total(ranking.regions.map(additive)), additive(nation));
      expectSame(`Σ regions' summaries (incl. budget) = nation · ${at}`, 1, total(perRegion.map(additive)), additive(nation));
      for (const [i, k] of katos.entries()) {
        const row = ranking.regions.find((r) => r.kato === k)!;
        expectSame(`summary?region=${k} = its regions row · ${at}`, 1,
          { ...additive(row), resolutionRate: row.resolutionRate, budget: row.budget, republicanBudget: row.republicanBudget },
          { ...additive(perRegion[i]!), resolutionRate: perRegion[i]!.resolutionRate, budget: perRegion[i]!.budget, republicanBudget: perRegion[i]!.republicanBudget }, ROW);
      }

      // Categories and levels add up to their region; region + category (or level) is the matching row of both breakdowns.
      const [region, categories, levels, perCategory, perLevel, regionsByCategory] = await Promise.all([
        ask('summary', q({ region: R })), ask('categories', q({ region: R })), ask('levels', q({ region: R })),
        Promise.all(categoryCodes.map((c) => ask('summary', q({ region: R, category: c })))),
        Promise.all(oracleLevels.map((l) => ask('summary', q({ region: R, level: l })))),
        Promise.all(categoryCodes.map((c) => ask('regions', q({ category: c })))),
      ]);
      expectSame(`Σ categories of region ${R} = region · ${at}`, 1, total(categories.categories.map((r) => rowFigures(r, ISSUES))), pick(additive(region), ISSUES));
      expectSame(`Σ levels of region ${R} = region · ${at}`, 1, total(levels.levels.map((r) => rowFigures(r, ISSUES))), pick(additive(region), ISSUES));
      const MONEY: Array<keyof Additive> = ['issuesRaised', 'issuesResolved', 'needKzt', 'allocatedKzt', 'republicanNeedKzt', 'republicanAllocatedKzt'];
      expectSame(`Σ summary?region&category (local and republican money too) = region ${R} · ${at}`, 2, total(perCategory.map((s) => pick(additive(s), MONEY))), pick(additive(region), MONEY));
      expectSame(`Σ summary?region&level (meetings, local and republican money too) = region ${R} · ${at}`, 2, total(perLevel.map(additive)), additive(region));
      for (const [i, c] of categoryCodes.entries()) {
        const two = perCategory[i]!;
        const byCategory = categories.categories.find((r) => r.code === c)!;
        const byRegion = regionsByCategory[i]!.regions.find((r) => r.kato === R)!;
        const figures = { issuesRaised: two.issuesRaised, issuesResolved: two.issuesResolved, resolutionRate: two.resolutionRate };
        expectSame(`summary?region=${R}&category=${c} = categories?region row · ${at}`, 2, figures,
          { issuesRaised: byCategory.issuesRaised, issuesResolved: byCategory.issuesResolved, resolutionRate: byCategory.resolutionRate }, ROW);
        expectSame(`summary?region=${R}&category=${c} = regions?category row · ${at}`, 2,
          { ...figures, ...additive(two), budget: two.budget, republicanBudget: two.republicanBudget },
          { issuesRaised: byRegion.issuesRaised, issuesResolved: byRegion.issuesResolved, resolutionRate: byRegion.resolutionRate, ...additive(byRegion),
            budget: byRegion.budget, republicanBudget: byRegion.republicanBudget }, ROW);
      }
      for (const [i, l] of oracleLevels.entries()) {
        const two = perLevel[i]!;
        const row = levels.levels.find((r) => r.level === l)!;
        expectSame(`summary?region=${R}&level=${l} = levels?region row · ${at}`, 2,
          { issuesRaised: two.issuesRaised, issuesResolved: two.issuesResolved, resolutionRate: two.resolutionRate },
          { issuesRaised: row.issuesRaised, issuesResolved: row.issuesResolved, resolutionRate: row.resolutionRate }, ROW);
        expectSame(`summary?region=${R}&level=${l}: meetingsByLevel = meetings · ${at}`, 2, two.meetingsByLevel[l], two.meetings, ROW);
      }

      // The central-level list and central officials' meetings: parts add up to their totals, and regions to the nation.
      const [list, central, listPerRegion, centralPerRegion] = await Promise.all([
        ask('escalations', q()), ask('central-meetings', q()),
        Promise.all(katos.map((k) => ask('escalations', q({ region: k })))),
        Promise.all(katos.map((k) => ask('central-meetings', q({ region: k })))),
      ]);
      expectSame(`escalations: Σ dispositions + undecided = total · ${at}`, 0,
        Object.values(list.byDisposition).reduce((s, d) => s + d.count, 0) + list.undecided, list.total);
      expectSame(`escalations: Σ regions = nation · ${at}`, 1,
        ['total', 'selected', 'undecided'].map((k) => listPerRegion.reduce((s, r) => s + (r as unknown as Record<string, number>)[k]!, 0)),
        [list.total, list.selected, list.undecided]);
      const centralTotals = (c: typeof central) => [c.scheduled, c.held, c.personalReceptions, c.citizensReceived, c.issuesVoiced, c.issuesResolved, c.issuesInExecution];
      expectSame(`central-meetings: Σ regions = nation · ${at}`, 1,
        centralPerRegion.map(centralTotals).reduce((s, r) => s.map((x, i) => x + r[i]!)), centralTotals(central));
      expectSame(`central-meetings: Σ bodies = total · ${at}`, 0,
        [central.byBody.reduce((s, b) => s + b.scheduled, 0), central.byBody.reduce((s, b) => s + b.held, 0)], [central.scheduled, central.held]);
      expectSame(`central-meetings: Σ halves = total · ${at}`, 0,
        [central.byHalf.reduce((s, b) => s + b.scheduled, 0), central.byHalf.reduce((s, b) => s + b.held, 0)], [central.scheduled, central.held]);
    });
    expect(mismatches.length, reportMismatches(mismatches)).toBe(0);
  }, 600_000);

  it('H1 + H2 equal the year, every route, all read as of the year end', async () => {
    const mismatches: Mismatch[] = [];
    const expectSame = (label: string, halves: unknown, year: unknown) => {
      const diffs = diffFields(halves, year);
      if (diffs.length) mismatches.push({ label, dimensions: 0, route: 'consistency', diffs, names: ['H1 + H2', 'the year'] });
    };
    const asOf = '2022-12-31';
    const filters: Array<Record<string, string>> = [{}, { region: values.region.data.code }, { category: values.category.data.code }];
    for (const filter of filters) {
      const read = (period: string) => Promise.all([
        ask('summary', { period, asOf, ...filter }), ask('regions', { period, asOf, ...filter }), ask('categories', { period, asOf, ...filter }),
        ask('levels', { period, asOf, ...filter }), ask('escalations', { period, asOf, ...filter }), ask('central-meetings', { period, asOf, ...filter }),
      ]);
      const [year, h1, h2] = await Promise.all([read('2022'), read('2022-H1'), read('2022-H2')]);
      const label = (what: string) => `${what}: 2022-H1 + 2022-H2 = 2022 ${JSON.stringify(filter)}`;
      const EXACT: Array<keyof Additive> = ['meetings', 'issuesRaised', 'needKzt', 'allocatedKzt', 'republicanNeedKzt', 'republicanAllocatedKzt'];
      expectSame(label('summary'), total([pick(additive(h1[0]), EXACT), pick(additive(h2[0]), EXACT)]), pick(additive(year[0]), EXACT));
      // Resolved during is additive only up to the issues resolved in H1 and no longer resolved at the year's end
      // (an issue counts once, judged at its period's end): the year's count is at most H1 + H2, and at least H2.
      const resolved = { year: year[0].issuesResolved, h1: h1[0].issuesResolved, h2: h2[0].issuesResolved };
      if (!(resolved.year <= resolved.h1 + resolved.h2 && resolved.year >= resolved.h2)) {
        mismatches.push({
          label: label('summary issuesResolved'), dimensions: 0, route: 'consistency', names: ['counts', 'rule'],
          diffs: [{ path: 'issuesResolved', app: resolved, oracle: 'H2 ≤ year ≤ H1 + H2' }],
        });
      }
      const rows = <T extends { issuesRaised: number }>(xs: T[], key: (r: T) => string, withMeetings: boolean) =>
        new Map(xs.map((r) => [key(r), withMeetings ? { raised: r.issuesRaised, meetings: (r as unknown as { meetings: number }).meetings } : { raised: r.issuesRaised }]));
      const addRows = (a: Map<string, object>, b: Map<string, object>) =>
        Object.fromEntries([...a].map(([k, v]) => [k, total([v as Additive, b.get(k) as Additive])]));
      expectSame(label('regions'), addRows(rows(h1[1].regions, (r) => r.kato, true), rows(h2[1].regions, (r) => r.kato, true)),
        Object.fromEntries(rows(year[1].regions, (r) => r.kato, true)));
      expectSame(label('categories'), addRows(rows(h1[2].categories, (r) => r.code, false), rows(h2[2].categories, (r) => r.code, false)),
        Object.fromEntries(rows(year[2].categories, (r) => r.code, false)));
      expectSame(label('levels'), addRows(rows(h1[3].levels, (r) => r.level, false), rows(h2[3].levels, (r) => r.level, false)),
        Object.fromEntries(rows(year[3].levels, (r) => r.level, false)));
      const listCounts = (e: (typeof year)[4]) => [e.total, e.selected, e.undecided, ...Object.values(e.byDisposition).flatMap((d) => [d.count, d.amountKzt])];
      expectSame(label('escalations'), listCounts(h1[4]).map((x, i) => x + listCounts(h2[4])[i]!), listCounts(year[4]));
      const centralCounts = (c: (typeof year)[5]) => [c.scheduled, c.held, c.personalReceptions, c.citizensReceived, c.issuesVoiced, c.issuesResolved, c.issuesInExecution];
      expectSame(label('central-meetings'), centralCounts(h1[5]).map((x, i) => x + centralCounts(h2[5])[i]!), centralCounts(year[5]));
    }
    expect(mismatches.length, reportMismatches(mismatches)).toBe(0);
  }, 600_000);
});

const oracleLevels = ['REGION', 'DISTRICT', 'RURAL'] as const;

// ---------- the same filter on the page, in the CSV and XLSX, and in the briefing ----------

describe('one filter read from every surface gives the API’s numbers', () => {
  type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
  const handler = async (route: string) => ((await import(path.resolve(`src/app/api/v1/${route}/route.ts`))) as { GET: Handler }).GET;
  let headers: Record<string, string>;
  const get = async (route: string, query: string, params: Record<string, string> = {}) => {
    const response = await (await handler(route))(new Request(`http://localhost/api/v1/${route}?${query}`, { headers }), { params: Promise.resolve(params) });
    expect(response.status, `${route}?${query}`).toBe(200);
    return response;
  };
  const json = async <T>(route: string, query: string) => (await (await get(route, query)).json()) as T;
  type Row = { issuesRaised: number; issuesResolved: number; issuesRaisedAndResolved: number; resolutionRate: number | null };

  beforeAll(async () => {
    headers = (await createToken(pool, await userIdOf(pool, 'analyst'))).headers;
  });

  it('the region page, the CSV tables and the workbook under region + category (the issue’s case)', async () => {
    const R = values.region.data;
    const C = values.category.data.code;
    const query = `period=2022-H2&region=${R.code}&category=${C}&lang=en`;
    const [summary, levels, categories, regionsByCategory] = await Promise.all([
      json<{
        meetings: number; issuesRaised: number; issuesResolved: number; issuesRaisedAndResolved: number; resolutionRate: number | null;
        budget: { needKzt: number; allocatedKzt: number }; republicanBudget: { needKzt: number; allocatedKzt: number };
      }>('stats/summary', query),
      json<{ levels: Array<Row & { level: string }> }>('stats/levels', query),
      json<{ categories: Array<Row & { code: string }> }>('stats/categories', query),
      json<{ regions: Array<Row & { kato: string; meetings: number; rank: number | null }> }>('stats/regions', `period=2022-H2&category=${C}&lang=en`),
    ]);
    expect(summary.issuesRaised).toBeGreaterThan(0);

    // The region page (/regions/[kato]?period=2022-H2&category=…): its filters, then its sections' reads.
    const { parseDashboardFilters } = await import('@/features/dashboard/filters');
    const { loadRanking } = await import('@/features/dashboard/queries/ranking');
    const page = await parseDashboardFilters({ period: '2022-H2', category: C }, { allowed: ['period', 'category', 'level'] });
    const regionFilter = { ...page.filter, regionId: R.id as number };
    const [pageMeetings, pageLevels, pageCategories, pageRanking] = await Promise.all([
      app.getMeetingCounts(regionFilter), app.getLevelBreakdown(regionFilter), app.getCategoryBreakdown(regionFilter, 'en'), loadRanking(page.filter, 'en'),
    ]);
    // The page's rows are the API's, without the compared period the API adds to each row.
    const thisPeriod = <T extends object>(row: T | undefined) => {
      if (!row) return row;
      const { previous: _previous, change: _change, ...rest } = row as T & { previous?: unknown; change?: unknown };
      return rest;
    };
    expect(pageMeetings.total).toBe(summary.meetings);
    expect(pageLevels.levels).toEqual(levels.levels.map(thisPeriod));
    expect(pageCategories.categories).toEqual(categories.categories.map(thisPeriod));
    expect(pageRanking.regions.find((r) => r.kato === R.code)).toEqual(thisPeriod(regionsByCategory.regions.find((r) => r.kato === R.code)));

    // CSV: the summary, categories and regions tables.
    const { translatorFor } = await import('@/features/exports/translator');
    const t = await translatorFor('en');
    const csv = async (table: string, q: string) =>
      (await (await get('exports/csv/[table]', `${q}&delimiter=%3B`, { table })).text()).replace(/^\ufeff/, '').trimEnd().split('\r\n').map((l) => l.split(';'));
    const summaryCsv = await csv('summary', query);
    const valueOf = (key: string) => Number(summaryCsv.find((cells) => cells[0] === t(`exports.summary.${key}`))?.[1]);
    expect({
      meetings: valueOf('meetings'), issuesRaised: valueOf('issuesRaised'), issuesResolved: valueOf('issuesResolved'),
      issuesRaisedAndResolved: valueOf('issuesRaisedAndResolved'), needKzt: valueOf('needKzt'), allocatedKzt: valueOf('allocatedKzt'),
      republicanNeedKzt: valueOf('republicanNeedKzt'), republicanAllocatedKzt: valueOf('republicanAllocatedKzt'),
    }).toEqual({
      meetings: summary.meetings, issuesRaised: summary.issuesRaised, issuesResolved: summary.issuesResolved,
      issuesRaisedAndResolved: summary.issuesRaisedAndResolved, needKzt: summary.budget.needKzt, allocatedKzt: summary.budget.allocatedKzt,
      republicanNeedKzt: summary.republicanBudget.needKzt, republicanAllocatedKzt: summary.republicanBudget.allocatedKzt,
    });
    const categoryLine = (await csv('categories', query)).find((cells) => cells[0] === C)!;
    const apiCategory = categories.categories.find((c) => c.code === C)!;
    const categoryFigures = [apiCategory.issuesRaised, apiCategory.issuesResolved, apiCategory.issuesRaisedAndResolved, apiCategory.resolutionRate];
    expect(categoryLine.slice(2, 6).map(Number)).toEqual(categoryFigures);
    const regionLine = (await csv('regions', `period=2022-H2&category=${C}&lang=en`)).find((cells) => cells[1] === R.code)!;
    const apiRegion = regionsByCategory.regions.find((r) => r.kato === R.code)!;
    expect(regionLine.slice(3, 8).map(Number))
      .toEqual([apiRegion.meetings, apiRegion.issuesRaised, apiRegion.issuesResolved, apiRegion.issuesRaisedAndResolved, apiRegion.resolutionRate]);

    // The workbook under the same filter: the summary sheet's figures and the region's categories row.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await (await get('exports/workbook', query)).arrayBuffer()) as ArrayBuffer);
    const sheet = (i: number) => wb.worksheets[i]!;
    const summaryCells = sheet(0).getSheetValues().flat();
    expect(summaryCells).toEqual(expect.arrayContaining([
      summary.meetings, summary.issuesRaised, summary.issuesResolved, summary.budget.needKzt, summary.budget.allocatedKzt,
      summary.republicanBudget.needKzt, summary.republicanBudget.allocatedKzt,
    ]));
    const rows: unknown[][] = [];
    sheet(2).eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.find((r) => r[0] === C)?.slice(2, 6)).toEqual(categoryFigures);
  });

  it('the briefing’s national figures, after its rounding', async () => {
    const { thousands, percent } = await import('@/features/exports/briefing/numbers');
    type S = { meetings: number; issuesRaised: number; issuesResolved: number; issuesRaisedAndResolved: number; resolutionRate: number };
    const [half, year] = await Promise.all([json<S>('stats/summary', 'period=2022-H2'), json<S>('stats/summary', 'period=2022')]);
    const docx = Buffer.from(await (await get('exports/briefing', 'period=2022-H2&format=docx&lang=ru')).arrayBuffer());
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '').replace(/[\s\u00a0\u202f]+/g, ' ');
    const ru = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ');
    // The half-year's meetings, issues raised and resolved during it; the year's meetings, issues, those resolved and the rate.
    for (const figure of [
      thousands('ru', half.meetings), thousands('ru', half.issuesRaised), thousands('ru', half.issuesResolved),
      thousands('ru', year.meetings), thousands('ru', year.issuesRaised), thousands('ru', year.issuesRaisedAndResolved), percent('ru', year.resolutionRate),
    ]) {
      expect(text, `the briefing writes ${figure}`).toContain(ru(figure));
    }
  });
});
