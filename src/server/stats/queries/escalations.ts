import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { Disposition } from '@/generated/prisma/enums';
import { statsDb as db } from '@/server/db/client';
import { type StatsFilter, unitCondition } from '@/server/stats/filters';
import { halvesOf } from './halves';

// The central-level list: the half-years' lists the period touches, as they stood on asOf.
// An entry counts when its latest inclusion step on or before asOf puts it on the list; its
// disposition, amount and `selected` mark are likewise each the latest dated step by then.

/**
 * Joins to entry `e` its state on `asOf`: `inc` (inner: only entries then on the list), `sel.selected`
 * (null when never marked) and `d.disposition`, `d.amount` (null when undecided). Steps dated the
 * same day are ordered by when they were recorded.
 */
export const escalationStateOn = (asOf: string) => Prisma.sql`
  JOIN LATERAL (
    SELECT ic.included FROM escalation_inclusion_change ic
    WHERE ic.escalation_id = e.id AND ic.effective_on <= ${asOf}::date
    ORDER BY ic.effective_on DESC, ic.recorded_at DESC, ic.id DESC LIMIT 1
  ) inc ON inc.included
  LEFT JOIN LATERAL (
    SELECT sc.selected FROM escalation_selection_change sc
    WHERE sc.escalation_id = e.id AND sc.effective_on <= ${asOf}::date
    ORDER BY sc.effective_on DESC, sc.recorded_at DESC, sc.id DESC LIMIT 1
  ) sel ON true
  LEFT JOIN LATERAL (
    SELECT dc.disposition, dc.republican_amount_kzt AS amount FROM escalation_disposition_change dc
    WHERE dc.escalation_id = e.id AND dc.effective_on <= ${asOf}::date
    ORDER BY dc.effective_on DESC, dc.recorded_at DESC, dc.id DESC LIMIT 1
  ) d ON true`;

/**
 * Conditions on entry `e`, its issue `i` and the meeting `m`: a list of one of the
 * period's half-years, a live issue, and the filters. Null when the period touches no half-year.
 */
export function escalationConditions(f: StatsFilter): Prisma.Sql[] | null {
  const halves = halvesOf(f.period);
  if (halves.length === 0) return null;
  const where: Prisma.Sql[] = [
    // The halves are consecutive: a range of their first days, two parameters however long the period.
    Prisma.sql`make_date(e.year, CASE WHEN e.half = 1 THEN 1 ELSE 7 END, 1) BETWEEN ${halves[0]!.from}::date AND ${halves.at(-1)!.from}::date`,
    Prisma.sql`i.deleted_at IS NULL`, Prisma.sql`m.deleted_at IS NULL`,
  ];
  if (f.regionId !== null) where.push(Prisma.sql`m.region_id = ${f.regionId}`);
  if (f.unitId !== null) where.push(unitCondition(f.unitId));
  if (f.categoryId !== null) where.push(Prisma.sql`i.category_id = ${f.categoryId}`);
  if (f.level !== null) where.push(Prisma.sql`m.akim_level = ${f.level}::"AkimLevel"`);
  if (f.bodyId !== null) where.push(Prisma.sql`e.central_body_id = ${f.bodyId}`);
  return where;
}

export async function getEscalationStats(f: StatsFilter) {
  const byDisposition = Object.fromEntries(Object.values(Disposition).map((d) => [d, { count: 0, amountKzt: 0 }])) as Record<
    Disposition, { count: number; amountKzt: number }
  >;
  const where = escalationConditions(f);
  if (!where) return { halves: [], total: 0, selected: 0, undecided: 0, byDisposition };
  const rows = await db().$queryRaw<Array<{ disposition: Disposition | null; n: bigint; amount: bigint | null; selected: bigint }>>`
    SELECT d.disposition, count(*) AS n, sum(d.amount) AS amount, count(*) FILTER (WHERE sel.selected) AS selected
    FROM escalation e
    JOIN raised_issue i ON i.id = e.issue_id JOIN meeting m ON m.id = i.meeting_id
    ${escalationStateOn(f.asOf)}
    WHERE ${Prisma.join(where, ' AND ')}
    GROUP BY d.disposition`;
  let total = 0;
  let selected = 0;
  let undecided = 0;
  for (const r of rows) {
    total += Number(r.n);
    selected += Number(r.selected);
    if (r.disposition === null) undecided += Number(r.n);
    else byDisposition[r.disposition] = { count: Number(r.n), amountKzt: Number(r.amount ?? 0) };
  }
  return { halves: halvesOf(f.period).map((h) => h.code), total, selected, undecided, byDisposition };
}
