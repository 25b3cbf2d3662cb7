import 'server-only';
import { type StatsFilter, issueConditions } from '@/features/stats/filters';
import { todayInKazakhstan } from '@/lib/calendar';
import { statsDb as db } from '@/server/db/client';

// The resolution rate of every half-year at once: each issue grouped by the half it was raised
// in, its status read on that half's last day (today for the current half). One pass instead of
// one getIssueCounts per half; same counting rules as features/stats/queries/issue-counts.ts.

export type HalfRate = { year: number; half: 1 | 2; raised: number; resolved: number };

export async function getRateByHalf(f: StatsFilter): Promise<HalfRate[]> {
  const today = todayInKazakhstan();
  const rows = await db().$queryRaw<Array<{ year: number; half: number; raised: bigint; resolved: bigint }>>`
    WITH issues AS (
      SELECT i.id, extract(year FROM i.raised_on)::int AS year, CASE WHEN extract(month FROM i.raised_on) <= 6 THEN 1 ELSE 2 END AS half,
        LEAST((date_trunc('year', i.raised_on) + CASE WHEN extract(month FROM i.raised_on) <= 6 THEN interval '6 months' ELSE interval '12 months' END
          - interval '1 day')::date, ${today}::date) AS judged_on
      FROM raised_issue i JOIN meeting m ON m.id = i.meeting_id
      WHERE ${issueConditions(f)}
    )
    SELECT p.year, p.half, count(*) AS raised, count(*) FILTER (WHERE s.to_status = 'RESOLVED') AS resolved
    FROM issues p
    LEFT JOIN LATERAL (
      SELECT c.to_status FROM issue_status_change c
      WHERE c.issue_id = p.id AND c.effective_on <= p.judged_on
      ORDER BY c.effective_on DESC, c.recorded_at DESC, c.id DESC LIMIT 1
    ) s ON true
    GROUP BY 1, 2 ORDER BY 1, 2`;
  return rows.map((r) => ({ year: Number(r.year), half: Number(r.half) as 1 | 2, raised: Number(r.raised), resolved: Number(r.resolved) }));
}

