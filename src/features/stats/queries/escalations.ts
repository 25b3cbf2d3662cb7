import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { Disposition } from '@/generated/prisma/enums';
import { statsDb as db } from '@/server/db/client';
import type { StatsFilter } from '../filters';
import { halvesOf } from './halves';

// The central-level list: the half-years' lists the period touches, each escalation with its
// disposition as it stood on asOf, counted and summed by disposition.

export async function getEscalationStats(f: StatsFilter) {
  const halves = halvesOf(f.period);
  const byDisposition = Object.fromEntries(Object.values(Disposition).map((d) => [d, { count: 0, amountKzt: 0 }])) as Record<
    Disposition, { count: number; amountKzt: number }
  >;
  if (halves.length === 0) return { halves: [], total: 0, selected: 0, undecided: 0, byDisposition };
  const where: Prisma.Sql[] = [
    // The halves are consecutive: a range of their first days, two parameters however long the period.
    Prisma.sql`make_date(e.year, CASE WHEN e.half = 1 THEN 1 ELSE 7 END, 1) BETWEEN ${halves[0]!.from}::date AND ${halves.at(-1)!.from}::date`,
    Prisma.sql`i.deleted_at IS NULL`, Prisma.sql`m.deleted_at IS NULL`,
  ];
  if (f.regionId !== null) where.push(Prisma.sql`m.region_id = ${f.regionId}`);
  if (f.unitId !== null) where.push(Prisma.sql`(m.unit_id = ${f.unitId} OR m.unit_id IN (SELECT id FROM admin_unit WHERE parent_id = ${f.unitId}))`);
  if (f.categoryId !== null) where.push(Prisma.sql`i.category_id = ${f.categoryId}`);
  if (f.level !== null) where.push(Prisma.sql`m.akim_level = ${f.level}::"AkimLevel"`);
  if (f.bodyId !== null) where.push(Prisma.sql`e.central_body_id = ${f.bodyId}`);
  const rows = await db().$queryRaw<Array<{ disposition: Disposition | null; n: bigint; amount: bigint | null; selected: bigint }>>`
    SELECT d.disposition, count(*) AS n, sum(d.amount) AS amount, count(*) FILTER (WHERE e.selected) AS selected
    FROM escalation e
    JOIN raised_issue i ON i.id = e.issue_id JOIN meeting m ON m.id = i.meeting_id
    LEFT JOIN LATERAL (
      SELECT h.disposition, h.republican_amount_kzt AS amount FROM escalation_disposition_change h
      WHERE h.escalation_id = e.id AND h.effective_on <= ${f.asOf}::date
      ORDER BY h.effective_on DESC, h.recorded_at DESC, h.id DESC LIMIT 1
    ) d ON true
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
  return { halves: halves.map((h) => h.code), total, selected, undecided, byDisposition };
}
