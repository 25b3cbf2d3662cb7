import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { type StatsFilter, lineKind } from '../filters';
import { readBackwards } from './month-plan';

// Reading the summary tables (stat_issue_cube, stat_meeting_cube; migration *_stat_summaries).
// A filter picks the grain that holds exactly its dimensions: national, one of region, category
// or line, or all three, so a figure sums a few hundred rows at most per month.

export type CubeGroup = 'none' | 'region' | 'category' | 'level';

/** Whether the summaries can answer for this filter: they have no unit dimension. */
export const cubeAnswers = (f: StatsFilter) => f.unitId === null;

type Dims = { region: boolean; category: boolean; line: boolean };

function grainOf(d: Dims): number {
  const n = Number(d.region) + Number(d.category) + Number(d.line);
  if (n === 0) return 0;
  if (n > 1) return 4;
  return d.region ? 1 : d.category ? 2 : 3;
}

/** The grain, the conditions on the summary rows aliased `s`, and the grouping key. */
export function cubeScope(f: StatsFilter, group: CubeGroup, { withCategory = true, byLine = false } = {}) {
  const dims: Dims = {
    region: f.regionId !== null || group === 'region',
    category: withCategory && (f.categoryId !== null || group === 'category'),
    line: byLine || f.level !== null || f.bodyId !== null || group === 'level',
  };
  const grain = grainOf(dims);
  const parts: Prisma.Sql[] = [Prisma.sql`s.grain = ${grain}`];
  // A grouped dimension lists its values, so the index is entered once per value.
  if (f.regionId !== null) parts.push(Prisma.sql`s.region_id = ${f.regionId}`);
  else if (dims.region) parts.push(Prisma.sql`s.region_id IN (SELECT id FROM region)`);
  if (withCategory) {
    if (f.categoryId !== null) parts.push(Prisma.sql`s.category_id = ${f.categoryId}`);
    else if (dims.category) parts.push(Prisma.sql`s.category_id IN (SELECT id FROM issue_category)`);
  }
  if (f.level !== null) parts.push(Prisma.sql`s.line = ${f.level}`);
  if (f.bodyId !== null) parts.push(Prisma.sql`s.line = ${`B${f.bodyId}`}`);
  if (f.level === null && f.bodyId === null && dims.line) {
    parts.push(Prisma.sql`s.line IN (SELECT unnest(enum_range(NULL::"AkimLevel"))::text UNION ALL SELECT 'B' || id FROM central_body)`);
  }
  const key = {
    none: Prisma.sql`'all'`,
    region: Prisma.sql`s.region_id::text`,
    category: Prisma.sql`s.category_id::text`,
    level: Prisma.sql`CASE WHEN s.kind = 'CENTRAL' THEN 'CENTRAL' ELSE s.line END`,
  }[group];
  return { where: Prisma.join(parts, ' AND '), key };
}

/**
 * Rows of stat_issue_cube for a measure, summed per key and state as they stood at the end of
 * `month`: every change up to it, or the current totals (m2 = infinity) less the changes after it.
 * `m1` bounds the first month column (raised month, or the month last resolved, which is never
 * after the month its state took effect, so bounding it by `month` drops nothing).
 */
export function issueCubeAt(
  f: StatsFilter, group: CubeGroup, measure: 1 | 2 | 3,
  m1: { first: string; last: string }, month: string, today: string,
): Prisma.Sql {
  const { where, key } = cubeScope(f, group);
  const m1Cond = Prisma.sql`s.m1 BETWEEN ${m1.first}::date AND ${m1.last}::date`;
  const backwards = readBackwards(monthsSpan(m1.first, m1.last), month, today);
  const time = backwards ? Prisma.sql`s.m2 > ${month}::date` : Prisma.sql`s.m2 <= ${month}::date`;
  const value = backwards ? Prisma.sql`sum(CASE WHEN s.m2 = 'infinity' THEN s.n ELSE -s.n END)` : Prisma.sql`sum(s.n)`;
  return Prisma.sql`
    SELECT ${key} AS key, s.state, ${value} AS n
    FROM stat_issue_cube s
    WHERE s.measure = ${measure} AND s.kind = ${lineKind(f)} AND ${where} AND ${m1Cond} AND ${time}
    GROUP BY 1, 2`;
}

const monthsSpan = (first: string, last: string) =>
  (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(last.slice(5, 7)) - Number(first.slice(5, 7)) + 1;

/** Meetings held in whole months [first, last], per key, kind and line (the level, or B<body>). */
export function meetingCube(f: StatsFilter, group: 'none' | 'region', months: { first: string; last: string }): Prisma.Sql {
  const { where, key } = cubeScope(f, group, { withCategory: false, byLine: true });
  return Prisma.sql`
    SELECT ${key} AS key, s.kind::text AS kind, s.line, sum(s.n) AS n
    FROM stat_meeting_cube s
    WHERE ${where} AND s.month BETWEEN ${months.first}::date AND ${months.last}::date
    GROUP BY 1, 2, 3`;
}
