import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { MeetingKind } from '@/generated/prisma/enums';
import { type StatsFilter, lineKind } from '@/server/stats/filters';
import { type MonthRange, planRead, type ReadPlan, readBackwards, splitYears } from './month-plan';

// Reading the summary tables (stat_issue_cube, stat_meeting_cube, stat_meeting_category_cube;
// migrations *_stat_summaries, *_stat_year_totals and *_stat_meeting_categories). A filter picks the grain that holds exactly its dimensions: national, one of
// region, category or line, or all three, so a figure sums a few hundred rows at most per month.
// Current totals are also kept per year (the grain + YEAR), so whole years read one row each.

const YEAR = 10;

/** Every meeting kind, listed, so an index that leads with the kind is entered once per kind. */
export const everyKind = (alias: 's' | 'm') =>
  Prisma.sql`${Prisma.raw(alias)}.kind IN (${Prisma.join(Object.values(MeetingKind).map((k) => Prisma.sql`${k}::"MeetingKind"`))})`;

export type CubeGroup = 'none' | 'region' | 'category' | 'level';

/** Whether the summaries can answer for this filter: they have no unit dimension. */
export const cubeAnswers = (f: StatsFilter) => f.unitId === null;

/** The filter's read plan, made once: every figure of it reads the same months and raw days. */
export const planOf = (f: StatsFilter): ReadPlan =>
  planRead({ from: f.period.from, to: f.period.to, asOf: f.asOf, judgedOn: f.judgedOn }, cubeAnswers(f));

type Dims = { region: boolean; category: boolean; line: boolean };

function grainOf(d: Dims): number {
  const n = Number(d.region) + Number(d.category) + Number(d.line);
  if (n === 0) return 0;
  if (n > 1) return 4;
  return d.region ? 1 : d.category ? 2 : 3;
}

/** The conditions on the summary rows aliased `s` at month or year grain, and the grouping key. */
export function cubeScope(f: StatsFilter, group: CubeGroup, { withCategory = true, byLine = false } = {}) {
  const dims: Dims = {
    region: f.regionId !== null || group === 'region',
    category: withCategory && (f.categoryId !== null || group === 'category'),
    line: byLine || f.level !== null || f.bodyId !== null || group === 'level',
  };
  const grain = grainOf(dims);
  // The finest grain holds every dimension: one the filter leaves open is then summed over all its values.
  if (grain === 4) Object.assign(dims, { region: true, category: withCategory, line: true });
  const parts: Prisma.Sql[] = [];
  // A grouped dimension lists its values, so the index is entered once per value.
  if (f.regionId !== null) parts.push(Prisma.sql`s.region_id = ${f.regionId}`);
  else if (dims.region) parts.push(Prisma.sql`s.region_id IN (SELECT id FROM region)`);
  if (withCategory) {
    if (f.categoryId !== null) parts.push(Prisma.sql`s.category_id = ${f.categoryId}`);
    else if (dims.category) parts.push(Prisma.sql`s.category_id IN (SELECT id FROM issue_category)`);
  }
  if (f.level !== null) parts.push(Prisma.sql`s.line = ${f.level}`);
  if (f.bodyId !== null) parts.push(Prisma.sql`s.line = ${`B${f.bodyId}`}`);
  // A dimension the grain lacks is stored as 0 or '': said outright, the index is entered at the grain's rows.
  if (!dims.region) parts.push(Prisma.sql`s.region_id = 0`);
  if (withCategory && !dims.category) parts.push(Prisma.sql`s.category_id = 0`);
  if (!dims.line) parts.push(Prisma.sql`s.line = ''`);
  if (f.level === null && f.bodyId === null && dims.line) {
    parts.push(Prisma.sql`s.line IN (SELECT unnest(enum_range(NULL::"AkimLevel"))::text UNION ALL SELECT 'B' || id FROM central_body)`);
  }
  const key = {
    none: Prisma.sql`'all'`,
    region: Prisma.sql`s.region_id::text`,
    category: Prisma.sql`s.category_id::text`,
    level: Prisma.sql`CASE WHEN s.kind = 'CENTRAL' THEN 'CENTRAL' ELSE s.line END`,
  }[group];
  const where = (span: 'month' | 'year') => Prisma.join([Prisma.sql`s.grain = ${grain + (span === 'year' ? YEAR : 0)}`, ...parts], ' AND ');
  return { where, key };
}

const between = (column: Prisma.Sql, r: MonthRange) => Prisma.sql`${column} BETWEEN ${r.first}::date AND ${r.last}::date`;
const anyOf = (conditions: Prisma.Sql[]) => (conditions.length ? Prisma.sql`(${Prisma.join(conditions, ' OR ')})` : Prisma.sql`false`);

/**
 * Rows of stat_issue_cube for the measures (1 states, 2 resolved, 3 local money, 4 republican money),
 * summed per key, measure and state as they stood at the end of
 * `month`: every change up to it, or the current totals (m2 = infinity) less the changes after it.
 * `m1` bounds the first month column (raised month, or the month last resolved, which is never
 * after the month its state took effect, so bounding it by `month` drops nothing).
 */
export function issueCubeAt(
  f: StatsFilter, group: CubeGroup, measures: ReadonlyArray<1 | 2 | 3 | 4>,
  m1: MonthRange, month: string, today: string,
): Prisma.Sql {
  const { where, key } = cubeScope(f, group);
  const rows = Prisma.sql`s.measure IN (${Prisma.join(measures)}) AND s.kind = ${lineKind(f)}`;
  if (!readBackwards(monthsSpan(m1.first, m1.last), month, today)) {
    return Prisma.sql`
      SELECT ${key} AS key, s.measure, s.state, sum(s.n) AS n
      FROM stat_issue_cube s
      WHERE ${rows} AND ${where('month')} AND ${between(Prisma.sql`s.m1`, m1)} AND s.m2 <= ${month}::date
      GROUP BY 1, 2, 3`;
  }
  // The current totals, of whole years from the year rows, less every change after `month`.
  const { years, edges } = splitYears(m1);
  return Prisma.sql`
    SELECT key, measure, state, sum(n) AS n FROM (
      SELECT ${key} AS key, s.measure, s.state, s.n
      FROM stat_issue_cube s
      WHERE ${rows} AND ${where('month')} AND s.m2 = 'infinity' AND ${anyOf(edges.map((e) => between(Prisma.sql`s.m1`, e)))}
      UNION ALL
      SELECT ${key}, s.measure, s.state, s.n
      FROM stat_issue_cube s
      WHERE ${rows} AND ${where('year')} AND s.m2 = 'infinity' AND ${years ? between(Prisma.sql`s.m1`, years) : Prisma.sql`false`}
      UNION ALL
      SELECT ${key}, s.measure, s.state, -s.n
      FROM stat_issue_cube s
      WHERE ${rows} AND ${where('month')} AND s.m2 > ${month}::date AND s.m2 < 'infinity' AND ${between(Prisma.sql`s.m1`, m1)}
    ) c
    GROUP BY 1, 2, 3`;
}

const monthsSpan = (first: string, last: string) =>
  (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(last.slice(5, 7)) - Number(first.slice(5, 7)) + 1;

/**
 * Meetings held in whole months [first, last] (whole years from the year rows), per key, kind and line
 * (the level, or B<body>). Under a category filter, those with an issue of it: stat_meeting_category_cube.
 */
export function meetingCube(f: StatsFilter, group: 'none' | 'region', months: MonthRange): Prisma.Sql {
  const byCategory = f.categoryId !== null;
  const { where, key } = cubeScope(f, group, { withCategory: byCategory, byLine: true });
  const { years, edges } = splitYears(months);
  const parts = [
    ...(years ? [Prisma.sql`(${where('year')} AND ${between(Prisma.sql`s.month`, years)})`] : []),
    ...(edges.length ? [Prisma.sql`(${where('month')} AND ${anyOf(edges.map((e) => between(Prisma.sql`s.month`, e)))})`] : []),
  ];
  return Prisma.sql`
    SELECT ${key} AS key, s.kind::text AS kind, s.line, sum(s.n) AS n
    FROM ${Prisma.raw(byCategory ? 'stat_meeting_category_cube' : 'stat_meeting_cube')} s
    WHERE ${everyKind('s')} AND ${anyOf(parts)}
    GROUP BY 1, 2, 3`;
}
