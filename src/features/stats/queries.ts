import 'server-only';
import { db } from '@/server/db/client';
import { halfOf, parsePeriod, previousPeriod, type Period } from './period';

// National figures of akim meetings, aggregated in PostgreSQL. The counting rules are
// those of features/issues/rules.ts; the integration tests hold the two together.

export type AkimSummary = {
  period: Period;
  /** The date statuses are read on: the period's end, or today for a period still running. */
  asOf: string;
  meetings: number;
  issuesRaised: number;
  /** Resolved during the period, including issues raised before it. */
  issuesResolved: number;
  /** Of the period's raised issues, those RESOLVED on `asOf`. */
  raisedAndResolved: number;
  /** raisedAndResolved / issuesRaised; null when nothing was raised. */
  resolutionRate: number | null;
};

/** Today's calendar date in Kazakhstan, where business dates are entered. */
export const todayInKazakhstan = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());

type IssueCounts = { raised: number; resolvedDuring: number; raisedAndResolved: number };

/** Issue counts of a period with every status read as of `at`; a deleted meeting takes its issues with it. */
async function countIssues(period: Period, at: string): Promise<IssueCounts> {
  const [row] = await db().$queryRaw<Array<{ raised: bigint; resolved_during: bigint; raised_and_resolved: bigint }>>`
    WITH live AS (
      SELECT i.id, i.raised_on FROM raised_issue i JOIN meeting m ON m.id = i.meeting_id
      WHERE i.meeting_kind = 'AKIM' AND i.deleted_at IS NULL AND m.deleted_at IS NULL
    ), history AS (
      SELECT DISTINCT ON (c.issue_id)
        c.issue_id, c.to_status, live.raised_on,
        max(c.effective_on) FILTER (WHERE c.to_status = 'RESOLVED') OVER (PARTITION BY c.issue_id) AS last_resolved
      FROM issue_status_change c JOIN live ON live.id = c.issue_id
      WHERE c.effective_on <= ${at}::date
      ORDER BY c.issue_id, c.effective_on DESC, c.recorded_at DESC, c.id DESC
    )
    SELECT
      (SELECT count(*) FROM live WHERE raised_on BETWEEN ${period.from}::date AND ${period.to}::date) AS raised,
      count(*) FILTER (WHERE to_status = 'RESOLVED' AND last_resolved BETWEEN ${period.from}::date AND ${period.to}::date) AS resolved_during,
      count(*) FILTER (WHERE to_status = 'RESOLVED' AND raised_on BETWEEN ${period.from}::date AND ${period.to}::date) AS raised_and_resolved
    FROM history`;
  return {
    raised: Number(row?.raised ?? 0),
    resolvedDuring: Number(row?.resolved_during ?? 0),
    raisedAndResolved: Number(row?.raised_and_resolved ?? 0),
  };
}

export async function getAkimSummary(period: Period, asOf?: string): Promise<AkimSummary> {
  const today = todayInKazakhstan();
  const on = asOf ?? (period.to < today ? period.to : today);
  // "Resolved during" is judged at the period's end, even when the rate is read later.
  const end = on < period.to ? on : period.to;
  const [[meetings], counts, atEnd] = await Promise.all([
    db().$queryRaw<Array<{ n: bigint }>>`
      SELECT count(*) AS n FROM meeting
      WHERE kind = 'AKIM' AND deleted_at IS NULL AND held_on BETWEEN ${period.from}::date AND ${period.to}::date`,
    countIssues(period, on),
    end === on ? null : countIssues(period, end),
  ]);
  return {
    period,
    asOf: on,
    meetings: Number(meetings?.n ?? 0),
    issuesRaised: counts.raised,
    issuesResolved: (atEnd ?? counts).resolvedDuring,
    raisedAndResolved: counts.raisedAndResolved,
    resolutionRate: counts.raised === 0 ? null : counts.raisedAndResolved / counts.raised,
  };
}

/** The summary of a period and of the one before it, for the change shown on each card. */
export async function getAkimSummaryWithPrevious(period: Period) {
  const [current, previous] = await Promise.all([getAkimSummary(period), getAkimSummary(previousPeriod(period))]);
  return { current, previous };
}

/** The latest half-year in which any akim meeting was held; the dashboards open on it. */
export async function getLatestHalfWithData(): Promise<Period> {
  const [row] = await db().$queryRaw<Array<{ last: Date | null }>>`
    SELECT max(held_on) AS last FROM meeting WHERE kind = 'AKIM' AND deleted_at IS NULL`;
  if (!row?.last) return halfOf(todayInKazakhstan());
  return halfOf(row.last.toISOString().slice(0, 10));
}

export { parsePeriod };

/** The years that hold any meeting, for the period picker. */
export async function getYearsWithData(): Promise<number[]> {
  const rows = await db().$queryRaw<Array<{ year: number }>>`
    SELECT DISTINCT extract(year FROM held_on)::int AS year FROM meeting WHERE deleted_at IS NULL ORDER BY year`;
  return rows.map((r) => r.year);
}
