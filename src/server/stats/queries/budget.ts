import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { statsDb as db } from '@/server/db/client';
import { type StatsFilter, issueConditions } from '@/server/stats/filters';
import { todayInKazakhstan } from '@/lib/calendar';
import { type CubeGroup, issueCubeAt, planOf } from './cube';
import { type DayRange, monthEnd } from './month-plan';

// Money for the period's raised issues, as entered by asOf: local-budget and republican-budget
// need and allocation, whole or grouped. Whole months from the summaries (measures 3 and 4),
// the rest from budget_allocation.

export type Money = { needKzt: number; allocatedKzt: number; allocatedShare: number | null };
export type BudgetFigures = { local: Money; republican: Money };

const KEY: Record<CubeGroup, Prisma.Sql> = {
  none: Prisma.sql`'all'`,
  region: Prisma.sql`m.region_id::text`,
  category: Prisma.sql`i.category_id::text`,
  level: Prisma.sql`coalesce(m.akim_level::text, 'CENTRAL')`,
};

type Row = { key: string; measure: number; state: string; n: bigint | number | string | null };

/** Entries of issues raised in `raised`, entered in `entered` (or by asOf when null), per key, budget and kind. */
const raw = (f: StatsFilter, group: CubeGroup, raised: DayRange, entered: DayRange | null) => Prisma.sql`
  SELECT ${KEY[group]} AS key, CASE WHEN b.source = 'LOCAL' THEN 3 ELSE 4 END AS measure, b.kind::text AS state, sum(b.amount_kzt) AS n
  FROM budget_allocation b JOIN raised_issue i ON i.id = b.issue_id JOIN meeting m ON m.id = i.meeting_id
  WHERE ${issueConditions(f)}
    AND ${entered ? Prisma.sql`b.effective_on BETWEEN ${entered.from}::date AND ${entered.to}::date` : Prisma.sql`b.effective_on <= ${f.asOf}::date`}
    AND i.raised_on BETWEEN ${raised.from}::date AND ${raised.to}::date
  GROUP BY 1, 2, 3`;

function queries(f: StatsFilter, group: CubeGroup): Prisma.Sql[] {
  const { raised, split, asOf } = planOf(f);
  if (!split) return [raw(f, group, raised, null)];
  const out: Prisma.Sql[] = [];
  if (split.months) {
    out.push(issueCubeAt(f, group, [3, 4], split.months, asOf.month, todayInKazakhstan()));
    if (asOf.changes) out.push(raw(f, group, { from: split.months.first, to: monthEnd(split.months.last) }, asOf.changes));
  }
  if (split.tail) out.push(raw(f, group, split.tail, null));
  return out;
}

const money = (needKzt: number, allocatedKzt: number): Money => ({ needKzt, allocatedKzt, allocatedShare: needKzt === 0 ? null : allocatedKzt / needKzt });
export const NO_MONEY: BudgetFigures = { local: money(0, 0), republican: money(0, 0) };

export async function getBudget(f: StatsFilter, group: CubeGroup): Promise<Map<string, BudgetFigures>> {
  const rows = (await Promise.all(queries(f, group).map((q) => db().$queryRaw<Row[]>(q)))).flat();
  const sums = new Map<string, { local: [number, number]; republican: [number, number] }>();
  for (const r of rows) {
    const s = sums.get(r.key) ?? { local: [0, 0], republican: [0, 0] };
    s[Number(r.measure) === 3 ? 'local' : 'republican'][r.state === 'NEED' ? 0 : 1] += Number(r.n ?? 0);
    sums.set(r.key, s);
  }
  return new Map([...sums].map(([key, s]) => [key, { local: money(...s.local), republican: money(...s.republican) }]));
}
