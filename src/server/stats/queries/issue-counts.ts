import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { statsDb as db } from '@/server/db/client';
import { type StatsFilter, issueConditions } from '@/server/stats/filters';
import { todayInKazakhstan } from '@/lib/calendar';
import { type CubeGroup, issueCubeAt, planOf } from './cube';
import { addDays, type DayRange, monthEnd } from './month-plan';

// Issue counts of a period, whole or grouped, under the counting rules of
// features/issues/rules.ts: statuses read from the dated history, "resolved during" judged at
// the period's end (or asOf when earlier), the rate read on asOf. Whole months come from the
// summaries (cube.ts); partial months, and filters the summaries lack, from the raw rows.

export type IssueGroup = CubeGroup;
export type IssueCounts = {
  raised: number;
  resolvedDuring: number;
  raisedAndResolved: number;
  inExecution: number;
  notSupported: number;
  escalated: number;
};

const KEY: Record<IssueGroup, Prisma.Sql> = {
  none: Prisma.sql`'all'`,
  region: Prisma.sql`m.region_id::text`,
  category: Prisma.sql`i.category_id::text`,
  level: Prisma.sql`coalesce(m.akim_level::text, 'CENTRAL')`,
};

/**
 * The status of an issue `alias` on a date: its last history entry on or before it, ties in
 * recording order. A LATERAL lookup per issue walks the (issue_id, effective_on) index; a join
 * over the whole history table would read every issue's history.
 */
const statusOn = (alias: Prisma.Sql, on: string, as: string) => Prisma.sql`LEFT JOIN LATERAL (
    SELECT c.to_status FROM issue_status_change c
    WHERE c.issue_id = ${alias}.id AND c.effective_on <= ${on}::date
    ORDER BY c.effective_on DESC, c.recorded_at DESC, c.id DESC LIMIT 1
  ) ${Prisma.raw(as)} ON true`;

/** Counted toward "resolved during" on a date: RESOLVED then, having become so on or after `from`. */
const resolvedSince = (alias: string, on: string, from: string) => Prisma.sql`(${Prisma.raw(alias)}.to_status = 'RESOLVED' AND EXISTS (
    SELECT 1 FROM issue_status_change r WHERE r.issue_id = cand.id AND r.to_status = 'RESOLVED'
      AND r.effective_on BETWEEN ${from}::date AND ${on}::date))`;

type Row = { key: string; state: string; n: bigint | number | string };
const STATES: Record<string, keyof IssueCounts> = {
  '*': 'raised', RESOLVED: 'raisedAndResolved', IN_EXECUTION: 'inExecution', NOT_SUPPORTED: 'notSupported', ESCALATED: 'escalated',
};

/** Issues raised in `range`: how many, and in which state on asOf. */
const rawRaised = (f: StatsFilter, group: IssueGroup, range: DayRange) => Prisma.sql`
  WITH cand AS (
    SELECT i.id, ${KEY[group]} AS key FROM raised_issue i JOIN meeting m ON m.id = i.meeting_id
    WHERE ${issueConditions(f)} AND i.raised_on BETWEEN ${range.from}::date AND ${range.to}::date
  )
  SELECT cand.key, coalesce(s.to_status::text, '-') AS state, count(*) AS n
  FROM cand ${statusOn(Prisma.sql`cand`, f.asOf, 's')}
  GROUP BY 1, 2
  UNION ALL
  SELECT cand.key, '*', count(*) FROM cand GROUP BY 1`;

/**
 * Resolved during [from, judgedOn]: became RESOLVED inside it and still was at its end. A unit's
 * issues are few, so they are the candidates; otherwise the period's moves to RESOLVED are.
 */
const rawResolved = (f: StatsFilter, group: IssueGroup) => Prisma.sql`
  WITH cand AS (${f.unitId !== null
    ? Prisma.sql`
    SELECT i.id FROM raised_issue i JOIN meeting m ON m.id = i.meeting_id
    WHERE ${issueConditions(f)} AND EXISTS (
      SELECT 1 FROM issue_status_change c WHERE c.issue_id = i.id AND c.to_status = 'RESOLVED'
        AND c.effective_on BETWEEN ${f.period.from}::date AND ${f.judgedOn}::date)`
    : Prisma.sql`
    SELECT DISTINCT c.issue_id AS id FROM issue_status_change c
    WHERE c.to_status = 'RESOLVED' AND c.effective_on BETWEEN ${f.period.from}::date AND ${f.judgedOn}::date`}
  )
  SELECT ${KEY[group]} AS key, 'RESOLVED' AS state, count(*) AS n
  FROM cand JOIN raised_issue i ON i.id = cand.id JOIN meeting m ON m.id = i.meeting_id
  ${statusOn(Prisma.sql`cand`, f.judgedOn, 's')}
  WHERE ${issueConditions(f)} AND s.to_status = 'RESOLVED'
  GROUP BY 1`;

/** Issues raised in `raised` whose state changed in `changes`: their state on its last day less on the day before. */
const stateCorrection = (f: StatsFilter, group: IssueGroup, raised: DayRange, changes: DayRange) => Prisma.sql`
  WITH cand AS (
    SELECT DISTINCT c.issue_id AS id FROM issue_status_change c WHERE c.effective_on BETWEEN ${changes.from}::date AND ${changes.to}::date
  )
  SELECT ${KEY[group]} AS key, x.state, sum(x.n) AS n
  FROM cand JOIN raised_issue i ON i.id = cand.id JOIN meeting m ON m.id = i.meeting_id
  ${statusOn(Prisma.sql`cand`, changes.to, 'a')} ${statusOn(Prisma.sql`cand`, addDays(changes.from, -1), 'b')}
  CROSS JOIN LATERAL (VALUES (a.to_status::text, 1), (b.to_status::text, -1)) x(state, n)
  WHERE ${issueConditions(f)} AND i.raised_on BETWEEN ${raised.from}::date AND ${raised.to}::date AND x.state IS NOT NULL
  GROUP BY 1, 2`;

/** Issues whose state changed in `changes`: counted toward "resolved during" on its last day, less on the day before. */
const resolvedCorrection = (f: StatsFilter, group: IssueGroup, changes: DayRange) => {
  const before = addDays(changes.from, -1);
  return Prisma.sql`
  WITH cand AS (
    SELECT DISTINCT c.issue_id AS id FROM issue_status_change c WHERE c.effective_on BETWEEN ${changes.from}::date AND ${changes.to}::date
  )
  SELECT ${KEY[group]} AS key, 'RESOLVED' AS state,
    count(*) FILTER (WHERE ${resolvedSince('a', changes.to, f.period.from)}) - count(*) FILTER (WHERE ${resolvedSince('b', before, f.period.from)}) AS n
  FROM cand JOIN raised_issue i ON i.id = cand.id JOIN meeting m ON m.id = i.meeting_id
  ${statusOn(Prisma.sql`cand`, changes.to, 'a')} ${statusOn(Prisma.sql`cand`, before, 'b')}
  WHERE ${issueConditions(f)}
  GROUP BY 1`;
};

/** The queries whose rows add up to the counts: raised-side and resolved-side, each a list. */
function plan(f: StatsFilter, group: IssueGroup): { raised: Prisma.Sql[]; resolved: Prisma.Sql[] } {
  const { raised: range, split, asOf, judged } = planOf(f);
  if (!split) return { raised: [rawRaised(f, group, range)], resolved: [rawResolved(f, group)] };
  const today = todayInKazakhstan();
  const raised: Prisma.Sql[] = [];
  if (split.months) {
    raised.push(issueCubeAt(f, group, [1], split.months, asOf.month, today));
    if (asOf.changes) raised.push(stateCorrection(f, group, { from: split.months.first, to: monthEnd(split.months.last) }, asOf.changes));
  }
  if (split.tail) raised.push(rawRaised(f, group, split.tail));
  const resolved = [issueCubeAt(f, group, [2], { first: f.period.from, last: judged.month }, judged.month, today)];
  if (judged.changes) resolved.push(resolvedCorrection(f, group, judged.changes));
  return { raised, resolved };
}

export async function getIssueCounts(f: StatsFilter, group: IssueGroup): Promise<Map<string, IssueCounts>> {
  const { raised, resolved } = plan(f, group);
  const [raisedRows, resolvedRows] = await Promise.all([
    Promise.all(raised.map((q) => db().$queryRaw<Row[]>(q))),
    Promise.all(resolved.map((q) => db().$queryRaw<Row[]>(q))),
  ]);
  const out = new Map<string, IssueCounts>();
  const entry = (k: string) => {
    let e = out.get(k);
    if (!e) out.set(k, (e = { ...EMPTY_COUNTS }));
    return e;
  };
  for (const r of raisedRows.flat()) {
    const field = STATES[r.state];
    if (field) entry(r.key)[field] += Number(r.n);
  }
  for (const r of resolvedRows.flat()) entry(r.key).resolvedDuring += Number(r.n);
  return out;
}

export const EMPTY_COUNTS: IssueCounts = { raised: 0, resolvedDuring: 0, raisedAndResolved: 0, inExecution: 0, notSupported: 0, escalated: 0 };
export const rate = (c: IssueCounts) => (c.raised === 0 ? null : c.raisedAndResolved / c.raised);
