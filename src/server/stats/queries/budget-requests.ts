import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { BudgetRequestRejection } from '@/generated/prisma/enums';
import { statsDb as db } from '@/server/db/client';
import type { StatsFilter } from '@/server/stats/filters';
import { escalationConditions, escalationStateOn } from './escalations';
import { isoDayOf } from '@/lib/calendar';

// Budget requests as they stood on asOf: those submitted within the period (the date of their
// SUBMITTED step), each with its status from the dated history, counted and summed by status in
// SQL; the share of the central-level list's entries covered by a request submitted and not
// withdrawn by asOf; the median days from submission to the first decision. Region and body
// filter the requests (and the list's entries); the other filters do not apply to requests.

const REASONS = Object.values(BudgetRequestRejection);
type Totals = { count: number; amountKzt: number };
type Decided = Totals & { approvedKzt: number };

/** The period's submitted requests with their state on asOf, as the CTE `req`. */
function requestsCte(f: StatsFilter): Prisma.Sql {
  const where: Prisma.Sql[] = [Prisma.sql`s.submitted_on BETWEEN ${f.period.from}::date AND ${f.period.to}::date`];
  if (f.regionId !== null) where.push(Prisma.sql`r.region_id = ${f.regionId}`);
  if (f.bodyId !== null) where.push(Prisma.sql`r.central_body_id = ${f.bodyId}`);
  return Prisma.sql`req AS (
    SELECT r.id, r.region_id, r.central_body_id, r.amount_kzt AS amount, s.submitted_on, st.to_status AS status,
           st.approved_amount_kzt AS approved, st.rejection_reason AS reason, d.decided_on
    FROM budget_request r
    JOIN LATERAL (
      SELECT min(h.effective_on) AS submitted_on FROM budget_request_status_change h
      WHERE h.request_id = r.id AND h.to_status = 'SUBMITTED' AND h.effective_on <= ${f.asOf}::date
    ) s ON s.submitted_on IS NOT NULL
    JOIN LATERAL (
      SELECT h.to_status, h.approved_amount_kzt, h.rejection_reason FROM budget_request_status_change h
      WHERE h.request_id = r.id AND h.effective_on <= ${f.asOf}::date
      ORDER BY h.effective_on DESC, h.recorded_at DESC, h.id DESC LIMIT 1
    ) st ON true
    LEFT JOIN LATERAL (
      SELECT min(h.effective_on) AS decided_on FROM budget_request_status_change h
      WHERE h.request_id = r.id AND h.to_status IN ('APPROVED', 'PARTIALLY_APPROVED', 'REJECTED') AND h.effective_on <= ${f.asOf}::date
    ) d ON true
    WHERE ${Prisma.join(where, ' AND ')}
  )`;
}

/** Per-group columns shared by the totals and the breakdowns. */
const groupColumns = Prisma.sql`
  count(*) AS requested, coalesce(sum(amount), 0) AS requested_kzt,
  count(*) FILTER (WHERE status = 'SUBMITTED') AS pending, coalesce(sum(amount) FILTER (WHERE status = 'SUBMITTED'), 0) AS pending_kzt,
  count(*) FILTER (WHERE status = 'APPROVED') AS approved, coalesce(sum(amount) FILTER (WHERE status = 'APPROVED'), 0) AS approved_asked_kzt,
  coalesce(sum(approved) FILTER (WHERE status = 'APPROVED'), 0) AS approved_kzt,
  count(*) FILTER (WHERE status = 'PARTIALLY_APPROVED') AS partial, coalesce(sum(amount) FILTER (WHERE status = 'PARTIALLY_APPROVED'), 0) AS partial_asked_kzt,
  coalesce(sum(approved) FILTER (WHERE status = 'PARTIALLY_APPROVED'), 0) AS partial_kzt,
  count(*) FILTER (WHERE status = 'REJECTED') AS rejected, coalesce(sum(amount) FILTER (WHERE status = 'REJECTED'), 0) AS rejected_kzt,
  count(*) FILTER (WHERE status = 'WITHDRAWN') AS withdrawn, coalesce(sum(amount) FILTER (WHERE status = 'WITHDRAWN'), 0) AS withdrawn_kzt,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY decided_on - submitted_on) FILTER (WHERE status IN ('APPROVED', 'PARTIALLY_APPROVED', 'REJECTED')) AS median_days`;

type GroupRow = {
  requested: bigint; requested_kzt: bigint | string; pending: bigint; pending_kzt: bigint | string; approved: bigint; approved_asked_kzt: bigint | string; approved_kzt: bigint | string;
  partial: bigint; partial_asked_kzt: bigint | string; partial_kzt: bigint | string; rejected: bigint; rejected_kzt: bigint | string;
  withdrawn: bigint; withdrawn_kzt: bigint | string; median_days: number | null;
};

const n = (v: bigint | string | number | null | undefined) => Number(v ?? 0);

function figures(r: GroupRow | undefined) {
  const approved: Decided = { count: n(r?.approved), amountKzt: n(r?.approved_asked_kzt), approvedKzt: n(r?.approved_kzt) };
  const partiallyApproved: Decided = { count: n(r?.partial), amountKzt: n(r?.partial_asked_kzt), approvedKzt: n(r?.partial_kzt) };
  return {
    requested: { count: n(r?.requested), amountKzt: n(r?.requested_kzt) } as Totals,
    pending: { count: n(r?.pending), amountKzt: n(r?.pending_kzt) } as Totals,
    approved,
    partiallyApproved,
    approvedTotalKzt: approved.approvedKzt + partiallyApproved.approvedKzt,
    rejected: { count: n(r?.rejected), amountKzt: n(r?.rejected_kzt) } as Totals,
    withdrawn: { count: n(r?.withdrawn), amountKzt: n(r?.withdrawn_kzt) } as Totals,
    medianDaysToDecision: r?.median_days === null || r?.median_days === undefined ? null : Number(r.median_days),
  };
}

/** The figures of one group of requests: the totals, a region's or a body's. */
export type RequestFiguresRow = ReturnType<typeof figures>;

/**
 * The central-level list of the period's half-years as it stood on asOf (region and body filter it,
 * as they filter the requests), and how many of its entries a request submitted and not withdrawn
 * by then covers.
 */
async function listCoverage(f: StatsFilter) {
  const where = escalationConditions({ ...f, unitId: null, categoryId: null, level: null });
  if (!where) return { entries: 0, withRequest: 0, share: null as number | null };
  const [row] = await db().$queryRaw<Array<{ entries: bigint; with_request: bigint }>>`
    SELECT count(*) AS entries,
      count(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM budget_request_issue bi
        JOIN LATERAL (
          SELECT h.to_status FROM budget_request_status_change h
          WHERE h.request_id = bi.request_id AND h.effective_on <= ${f.asOf}::date
          ORDER BY h.effective_on DESC, h.recorded_at DESC, h.id DESC LIMIT 1
        ) st ON st.to_status <> 'WITHDRAWN'
        WHERE bi.issue_id = e.issue_id
      )) AS with_request
    FROM escalation e JOIN raised_issue i ON i.id = e.issue_id JOIN meeting m ON m.id = i.meeting_id
    ${escalationStateOn(f.asOf)}
    WHERE ${Prisma.join(where, ' AND ')}`;
  const entries = n(row?.entries);
  const withRequest = n(row?.with_request);
  return { entries, withRequest, share: entries === 0 ? null : withRequest / entries };
}

export async function getBudgetRequestStats(f: StatsFilter) {
  const [totals, reasons, list] = await Promise.all([
    db().$queryRaw<GroupRow[]>`WITH ${requestsCte(f)} SELECT ${groupColumns} FROM req`,
    db().$queryRaw<Array<{ reason: BudgetRequestRejection; n: bigint; amount: bigint | string }>>`
      WITH ${requestsCte(f)} SELECT reason, count(*) AS n, sum(amount) AS amount FROM req WHERE status = 'REJECTED' GROUP BY reason`,
    listCoverage(f),
  ]);
  const base = figures(totals[0]);
  const byReason = Object.fromEntries(REASONS.map((r) => [r, { count: 0, amountKzt: 0 }])) as Record<BudgetRequestRejection, Totals>;
  for (const r of reasons) if (r.reason) byReason[r.reason] = { count: n(r.n), amountKzt: n(r.amount) };
  return { ...base, rejected: { ...base.rejected, byReason }, list };
}

type Named = { nameRu: string; nameKk: string; nameEn: string };
const pick = (lang: string, r: Named) => (lang === 'kk' ? r.nameKk : lang === 'en' ? r.nameEn : r.nameRu);

/** The same figures per region (`kato`) or per addressed body (`code`), largest amount first. */
export async function getBudgetRequestBreakdown(f: StatsFilter, by: 'region' | 'body', lang: string) {
  const key = by === 'region' ? Prisma.sql`region_id` : Prisma.sql`central_body_id`;
  const ref = by === 'region'
    ? Prisma.sql`JOIN region x ON x.id = g.key`
    : Prisma.sql`JOIN central_body x ON x.id = g.key`;
  const code = by === 'region' ? Prisma.sql`x.kato` : Prisma.sql`x.code`;
  const rows = await db().$queryRaw<Array<GroupRow & { code: string; name_ru: string; name_kk: string; name_en: string }>>`
    WITH ${requestsCte(f)}, g AS (SELECT ${key} AS key, ${groupColumns} FROM req GROUP BY ${key})
    SELECT g.*, ${code} AS code, x.name_ru, x.name_kk, x.name_en FROM g ${ref}
    ORDER BY g.requested_kzt DESC, ${code}`;
  return rows.map((r) => {
    const { medianDaysToDecision, ...rest } = figures(r);
    return { code: r.code, name: pick(lang, { nameRu: r.name_ru, nameKk: r.name_kk, nameEn: r.name_en }), ...rest, medianDaysToDecision };
  });
}

/** The API's answer: the totals, and the same figures by region and by body. */
export async function getBudgetRequestFigures(f: StatsFilter, lang: string) {
  const [totals, byRegion, byBody] = await Promise.all([getBudgetRequestStats(f), getBudgetRequestBreakdown(f, 'region', lang), getBudgetRequestBreakdown(f, 'body', lang)]);
  return { period: f.period.code, asOf: f.asOf, ...totals, byRegion, byBody };
}

/** The period's submitted requests as they stood on asOf, latest submitted first: what the page lists. */
export async function listBudgetRequests(f: StatsFilter, limit = 200) {
  const rows = await db().$queryRaw<Array<{
    id: number; submitted_on: Date; decided_on: Date | null; status: string; reason: BudgetRequestRejection | null; amount: bigint; approved: bigint | null;
    kato: string; region_ru: string; region_kk: string; region_en: string; body_code: string; body_ru: string; body_kk: string; body_en: string; issue_ids: number[] | null;
  }>>`
    WITH ${requestsCte(f)}
    SELECT req.id, req.submitted_on, CASE WHEN req.status IN ('APPROVED', 'PARTIALLY_APPROVED', 'REJECTED') THEN req.decided_on END AS decided_on,
      req.status::text AS status, req.reason, req.amount, req.approved,
      r.kato, r.name_ru AS region_ru, r.name_kk AS region_kk, r.name_en AS region_en, b.code AS body_code, b.name_ru AS body_ru, b.name_kk AS body_kk, b.name_en AS body_en,
      (SELECT array_agg(bi.issue_id ORDER BY bi.issue_id) FROM budget_request_issue bi WHERE bi.request_id = req.id) AS issue_ids
    FROM req JOIN region r ON r.id = req.region_id JOIN central_body b ON b.id = req.central_body_id
    ORDER BY req.submitted_on DESC, req.id DESC LIMIT ${limit}`;
  return rows.map((r) => ({
    id: r.id, submittedOn: isoDayOf(r.submitted_on), decidedOn: r.decided_on ? isoDayOf(r.decided_on) : null,
    status: r.status as 'SUBMITTED' | 'APPROVED' | 'PARTIALLY_APPROVED' | 'REJECTED' | 'WITHDRAWN', reason: r.reason, amountKzt: Number(r.amount), approvedKzt: r.approved === null ? null : Number(r.approved),
    region: { kato: r.kato, nameRu: r.region_ru, nameKk: r.region_kk, nameEn: r.region_en }, body: { code: r.body_code, nameRu: r.body_ru, nameKk: r.body_kk, nameEn: r.body_en },
    issueIds: r.issue_ids ?? [],
  }));
}
