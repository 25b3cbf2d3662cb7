import 'server-only';
import { statsDb as db } from '@/server/db/client';
import { isoDayOf, todayInKazakhstan } from '@/lib/calendar';
import { type Period, halfOf } from '@/lib/period';

/** The latest half-year in which any akim meeting was held; dashboards and the API default to it. */
export async function getLatestHalfWithData(): Promise<Period> {
  const [row] = await db().$queryRaw<Array<{ last: Date | null }>>`
    SELECT max(held_on) AS last FROM meeting WHERE kind = 'AKIM' AND deleted_at IS NULL`;
  return halfOf(row?.last ? isoDayOf(row.last) : todayInKazakhstan());
}

/** The years that hold any meeting, for period pickers. */
export async function getYearsWithData(): Promise<number[]> {
  const rows = await db().$queryRaw<Array<{ year: number }>>`
    SELECT DISTINCT extract(year FROM held_on)::int AS year FROM meeting WHERE deleted_at IS NULL ORDER BY year`;
  return rows.map((r) => r.year);
}
