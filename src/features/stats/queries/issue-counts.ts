import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { statsDb as db } from '@/server/db/client';
import { type StatsFilter, issueConditions } from '../filters';

// Issue counts of a period, whole or grouped, under the counting rules of
// features/issues/rules.ts: statuses read from the dated history, "resolved during" judged at
// the period's end (or asOf when earlier), the rate read on asOf.

export type IssueGroup = 'none' | 'region' | 'category' | 'level';
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
const statusOn = (alias: Prisma.Sql, on: string) => Prisma.sql`LEFT JOIN LATERAL (
    SELECT c.to_status FROM issue_status_change c
    WHERE c.issue_id = ${alias}.id AND c.effective_on <= ${on}::date
    ORDER BY c.effective_on DESC, c.recorded_at DESC, c.id DESC LIMIT 1
  ) s ON true`;

export async function getIssueCounts(f: StatsFilter, group: IssueGroup): Promise<Map<string, IssueCounts>> {
  const key = KEY[group];
  const where = issueConditions(f);
  const { from, to } = f.period;
  const [raisedRows, resolvedRows] = await Promise.all([
    db().$queryRaw<Array<{ key: string; raised: bigint; resolved: bigint; in_execution: bigint; not_supported: bigint; escalated: bigint }>>`
      WITH period_issues AS (
        SELECT i.id, ${key} AS key FROM raised_issue i JOIN meeting m ON m.id = i.meeting_id
        WHERE ${where} AND i.raised_on BETWEEN ${from}::date AND LEAST(${to}::date, ${f.asOf}::date)
      )
      SELECT p.key, count(*) AS raised,
        count(*) FILTER (WHERE s.to_status = 'RESOLVED') AS resolved,
        count(*) FILTER (WHERE s.to_status = 'IN_EXECUTION') AS in_execution,
        count(*) FILTER (WHERE s.to_status = 'NOT_SUPPORTED') AS not_supported,
        count(*) FILTER (WHERE s.to_status = 'ESCALATED') AS escalated
      FROM period_issues p ${statusOn(Prisma.sql`p`, f.asOf)}
      GROUP BY p.key`,
    // Resolved during: any issue that became RESOLVED inside the period and still was at its end.
    db().$queryRaw<Array<{ key: string; n: bigint }>>`
      WITH candidates AS (
        SELECT DISTINCT c.issue_id AS id FROM issue_status_change c
        WHERE c.to_status = 'RESOLVED' AND c.effective_on BETWEEN ${from}::date AND ${f.judgedOn}::date
      )
      SELECT ${key} AS key, count(*) AS n
      FROM candidates cand
      JOIN raised_issue i ON i.id = cand.id JOIN meeting m ON m.id = i.meeting_id
      ${statusOn(Prisma.sql`cand`, f.judgedOn)}
      WHERE ${where} AND s.to_status = 'RESOLVED'
      GROUP BY 1`,
  ]);
  const out = new Map<string, IssueCounts>();
  const entry = (k: string) => {
    let e = out.get(k);
    if (!e) out.set(k, (e = { raised: 0, resolvedDuring: 0, raisedAndResolved: 0, inExecution: 0, notSupported: 0, escalated: 0 }));
    return e;
  };
  for (const r of raisedRows) {
    Object.assign(entry(r.key), {
      raised: Number(r.raised), raisedAndResolved: Number(r.resolved), inExecution: Number(r.in_execution),
      notSupported: Number(r.not_supported), escalated: Number(r.escalated),
    });
  }
  for (const r of resolvedRows) entry(r.key).resolvedDuring = Number(r.n);
  return out;
}

export const EMPTY_COUNTS: IssueCounts = { raised: 0, resolvedDuring: 0, raisedAndResolved: 0, inExecution: 0, notSupported: 0, escalated: 0 };
export const rate = (c: IssueCounts) => (c.raised === 0 ? null : c.raisedAndResolved / c.raised);
