import 'server-only';
import type { StatsFilter } from '@/server/stats/filters';
import { getIssueCounts } from '@/server/stats/queries/issue-counts';
import { type HalfYear, halfYearCode, halfYearOf, halfYearStart, nextHalfYear, todayInKazakhstan } from '@/lib/calendar';
import { statsDb as db } from '@/server/db/client';
import { parsePeriod } from '@/lib/period';

// The resolution rate of every half-year: the issues raised in each half, their status read on the
// half's last day (today for the current half), asked of the summaries half by half as the summary
// route asks them (features/stats/queries/issue-counts.ts). Until the deadline-rush benchmark this
// was one pass over every issue with a status lookup each: 7 s of the overview under load on the
// demo data (half of it JIT compilation), and growing with every issue ever entered.

export type HalfRate = { year: number; half: 1 | 2; raised: number; resolved: number };

export async function getRateByHalf(f: StatsFilter): Promise<HalfRate[]> {
  const today = todayInKazakhstan();
  // The halves that can hold issues: from the first issue raised to today (an index's two ends).
  const [span] = await db().$queryRaw<Array<{ first: Date | null }>>`
    SELECT least((SELECT min(raised_on) FROM raised_issue WHERE meeting_kind = 'AKIM' AND deleted_at IS NULL),
                 (SELECT min(raised_on) FROM raised_issue WHERE meeting_kind = 'CENTRAL' AND deleted_at IS NULL)) AS first`;
  if (!span?.first) return [];
  const halves: HalfYear[] = [];
  for (let h = halfYearOf(span.first); halfYearStart(h) <= today; h = nextHalfYear(h)) halves.push(h);
  return Promise.all(halves.map(async (h) => {
    const { year, half } = h;
    const period = parsePeriod(halfYearCode(h))!;
    const judged = period.to < today ? period.to : today;
    const counts = (await getIssueCounts({ ...f, period, asOf: judged, judgedOn: judged }, 'none')).get('all') ?? null;
    return { year, half, raised: counts?.raised ?? 0, resolved: counts?.raisedAndResolved ?? 0 };
  }));
}
