import type pg from 'pg';
import { DECREE_REQUIREMENTS, DEFAULT_ANNOUNCEMENT_MIN_DAYS } from '@/server/records/meetings/rules';
import { type Compare, type Period, comparedPeriod } from '@/lib/period';

// The definition of every figure of every /api/v1/stats route, as the simplest SQL over the
// records and their dated histories: meeting, raised_issue, issue_status_change,
// budget_allocation, escalation (+ escalation_disposition_change), schedule_entry,
// personal_reception, action_plan, budget_request (+ budget_request_status_change). It reads neither the summary tables (stat_*) nor
// src/features/stats, so the tests can hold the app's fast reads against it.
//
// The counting rules (src/features/issues/rules.ts), for a period [from, to] read as of asOf:
//   status on a date = the issue's last history entry effective on or before it, ties in recording order;
//   raised    = issues raised in [from, min(to, asOf)], not deleted, at a meeting not deleted;
//   resolved  = RESOLVED on judgedOn = min(asOf, to), having last become RESOLVED in [from, judgedOn],
//               whenever raised (so it can exceed raised);
//   rate      = raised issues RESOLVED on asOf / raised;
//   money     = the raised issues' budget entries effective by asOf, by source and kind;
//   meetings  = held in [from, min(to, asOf)], not deleted;
//   compared  = the same figures over the compared period (compare=previous: the one just before, of
//               equal length; compare=yearAgo: the same period a year earlier), read as of its own end
//               or asOf when earlier; change = their ratio and difference.
// The central-level list as of asOf: an entry counts when its latest inclusion step on or before asOf
// includes it; its disposition and `selected` mark are likewise its latest steps by then.
// Filters: region, unit (the unit or its child rural districts), level (the akim's level) and body
// (a central body: then the body's central meetings and their issues are counted, not akims').
// category keeps the issues of that category, and the meetings that have one such issue.
//
// To add a figure: an issue count or sum is one line in ISSUE_FIGURES (and one in the row or
// figures builder that puts it in the answer); a new per-issue fact (another money source, a
// date) is one column in the `fact` CTE of issueFigures.

export type OracleFilter = {
  period: Pick<Period, 'code' | 'from' | 'to'> & Partial<Period>;
  asOf: string;
  regionId: number | null;
  unitId: number | null;
  categoryId: number | null;
  level: 'REGION' | 'DISTRICT' | 'RURAL' | null;
  bodyId: number | null;
  /** What the figures are compared with; `previous` when left out. */
  compare?: Compare;
};

/** A connection; `factsOf`, when given, answers a window's per-issue facts from a table kept for it (see memoized). */
type Db = Pick<pg.Pool, 'query'> & { factsOf?: (f: OracleFilter) => Promise<string> };

/**
 * The same definitions, answered faster for data that no longer changes (the demo data): each query
 * once, and each window's per-issue facts (ISSUE_FACTS) computed once into a table, which every filter
 * then reads. Use a fresh one after the data changes.
 */
export function memoized(db: Pick<pg.Pool, 'query'>): Db {
  const seen = new Map<string, Promise<unknown>>();
  const windows = new Map<string, Promise<string>>();
  const table = db.query(
    `DROP TABLE IF EXISTS oracle_issue_fact;
     CREATE UNLOGGED TABLE oracle_issue_fact AS
       SELECT ''::text AS window_key, f.* FROM (${ISSUE_FACTS.replace(/\$\d/g, 'NULL::date')}) f WITH NO DATA;
     CREATE INDEX ON oracle_issue_fact (window_key, issue_id);`,
  );
  return {
    query: ((sql: string, values?: unknown[]) => {
      const key = JSON.stringify([sql, values ?? []]);
      let hit = seen.get(key);
      if (!hit) seen.set(key, (hit = db.query(sql, values)));
      return hit;
    }) as Db['query'],
    factsOf: (f) => {
      const key = [f.period.from, f.period.to, f.asOf].join('|'); // judgedOn follows from them
      let hit = windows.get(key);
      if (!hit) {
        hit = table.then(async () => {
          await db.query(typed(`INSERT INTO oracle_issue_fact SELECT '${key}', f.* FROM (${ISSUE_FACTS}) f`), params(f));
          await db.query('ANALYZE oracle_issue_fact');
          return `SELECT * FROM oracle_issue_fact WHERE window_key = '${key}'`;
        });
        windows.set(key, hit);
      }
      return hit;
    },
  };
}

const min = (a: string, b: string) => (a < b ? a : b);
/** "resolved during" is judged on asOf, or at the period's end when that comes first. */
export const judgedOn = (f: OracleFilter) => min(f.asOf, f.period.to);

// ---------- the filters, once ----------

// Parameters every query below takes, in this order.
const params = (f: OracleFilter) => [
  f.period.from, f.period.to, f.asOf, judgedOn(f), f.regionId, f.unitId, f.categoryId, f.level, f.bodyId,
];
// $1 from, $2 to, $3 asOf, $4 judgedOn, $5 region, $6 unit, $7 category, $8 level, $9 body.

/** Declares the parameters' types up front, so a query may leave some of them unused. */
const typed = (sql: string) => {
  const args = 'WITH arg AS (SELECT $1::date, $2::date, $3::date, $4::date, $5::int, $6::int, $7::int, $8::text, $9::int)';
  return sql.startsWith('WITH ') ? `${args}, ${sql.slice(5)}` : `${args} ${sql}`;
};

/** A meeting `m` counted under the filters (all kinds; the caller picks the kind). */
const MEETING_IN_SCOPE = `m.deleted_at IS NULL
  AND ($5::int IS NULL OR m.region_id = $5)
  AND ($6::int IS NULL OR m.unit_id = $6 OR m.unit_id IN (SELECT u.id FROM admin_unit u WHERE u.parent_id = $6))
  AND ($8::text IS NULL OR m.akim_level::text = $8)
  AND ($9::int IS NULL OR m.central_body_id = $9)`;

/** The meeting kind whose meetings and issues are counted: the body's when a body is chosen. */
const COUNTED_KIND = `(CASE WHEN $9::int IS NULL THEN 'AKIM' ELSE 'CENTRAL' END)`;

/** An issue `i` of a meeting `m` counted under the filters. */
const ISSUE_IN_SCOPE = `i.deleted_at IS NULL AND m.kind::text = ${COUNTED_KIND} AND ${MEETING_IN_SCOPE}
  AND ($7::int IS NULL OR i.category_id = $7)`;

/** The issues a period's figures can count: raised in it by asOf, or having become RESOLVED in it by judgedOn. */
const ISSUE_IN_PERIOD = `(i.raised_on BETWEEN $1::date AND least($2::date, $3::date) OR EXISTS (
  SELECT 1 FROM issue_status_change c WHERE c.issue_id = i.id AND c.to_status = 'RESOLVED' AND c.effective_on BETWEEN $1::date AND $4::date))`;

// ---------- issue figures ----------

/** Each issue figure as an aggregate over the per-issue facts of issueFigures. One line per figure. */
const ISSUE_FIGURES = {
  issuesRaised: `count(*) FILTER (WHERE raised)`,
  issuesResolved: `count(*) FILTER (WHERE resolved_during)`,
  issuesRaisedAndResolved: `count(*) FILTER (WHERE raised AND status = 'RESOLVED')`,
  issuesInExecution: `count(*) FILTER (WHERE raised AND status = 'IN_EXECUTION')`,
  issuesNotSupported: `count(*) FILTER (WHERE raised AND status = 'NOT_SUPPORTED')`,
  issuesEscalated: `count(*) FILTER (WHERE raised AND status = 'ESCALATED')`,
  localNeedKzt: `coalesce(sum(local_need) FILTER (WHERE raised), 0)`,
  localAllocatedKzt: `coalesce(sum(local_allocated) FILTER (WHERE raised), 0)`,
  republicanNeedKzt: `coalesce(sum(republican_need) FILTER (WHERE raised), 0)`,
  republicanAllocatedKzt: `coalesce(sum(republican_allocated) FILTER (WHERE raised), 0)`,
} as const;

export type IssueFigures = Record<keyof typeof ISSUE_FIGURES, number>;
const NO_ISSUES = Object.fromEntries(Object.keys(ISSUE_FIGURES).map((k) => [k, 0])) as IssueFigures;

type IssueGroups = { all: IssueFigures; region: Map<number, IssueFigures>; category: Map<number, IssueFigures>; level: Map<string, IssueFigures> };

/**
 * Per issue a period can count (raised in it by asOf, or become RESOLVED in it by judgedOn): whether it
 * was raised in the period, its status on asOf, whether it counts as resolved during the period, and its
 * money entered by asOf. Filters are applied after, in issueFigures. A new per-issue fact is one column here.
 */
const ISSUE_FACTS = `
  WITH issue AS (
    SELECT i.id, i.raised_on FROM raised_issue i WHERE ${ISSUE_IN_PERIOD}
  ), history AS (
    SELECT c.* FROM issue_status_change c WHERE c.issue_id IN (SELECT id FROM issue)
  ), on_as_of AS (
    SELECT DISTINCT ON (issue_id) issue_id, to_status::text AS status FROM history
    WHERE effective_on <= $3::date ORDER BY issue_id, effective_on DESC, recorded_at DESC, id DESC
  ), on_judged AS (
    SELECT DISTINCT ON (issue_id) issue_id, to_status::text AS status FROM history
    WHERE effective_on <= $4::date ORDER BY issue_id, effective_on DESC, recorded_at DESC, id DESC
  ), last_resolved AS (
    SELECT issue_id, max(effective_on) AS on_day FROM history
    WHERE to_status = 'RESOLVED' AND effective_on <= $4::date GROUP BY issue_id
  ), money AS (
    SELECT b.issue_id,
      sum(b.amount_kzt) FILTER (WHERE b.source = 'LOCAL' AND b.kind = 'NEED') AS local_need,
      sum(b.amount_kzt) FILTER (WHERE b.source = 'LOCAL' AND b.kind = 'ALLOCATED') AS local_allocated,
      sum(b.amount_kzt) FILTER (WHERE b.source = 'REPUBLICAN' AND b.kind = 'NEED') AS republican_need,
      sum(b.amount_kzt) FILTER (WHERE b.source = 'REPUBLICAN' AND b.kind = 'ALLOCATED') AS republican_allocated
    FROM budget_allocation b WHERE b.effective_on <= $3::date AND b.issue_id IN (SELECT id FROM issue)
    GROUP BY b.issue_id
  )
  SELECT issue.id AS issue_id,
    issue.raised_on BETWEEN $1::date AND least($2::date, $3::date) AS raised,
    a.status,
    coalesce(j.status = 'RESOLVED' AND r.on_day BETWEEN $1::date AND $4::date, false) AS resolved_during,
    money.local_need, money.local_allocated, money.republican_need, money.republican_allocated
  FROM issue
  LEFT JOIN on_as_of a ON a.issue_id = issue.id
  LEFT JOIN on_judged j ON j.issue_id = issue.id
  LEFT JOIN last_resolved r ON r.issue_id = issue.id
  LEFT JOIN money ON money.issue_id = issue.id`;

/** The issue figures of a filter: in all, and by region, by category and by level (CENTRAL for a body's issues). */
export async function issueFigures(db: Db, f: OracleFilter): Promise<IssueGroups> {
  const facts = db.factsOf ? await db.factsOf(f) : ISSUE_FACTS;
  const { rows } = await db.query<Record<string, string | number | null>>(typed(
    `WITH fact AS (${facts}), counted AS (
       SELECT fact.*, m.region_id, i.category_id, coalesce(m.akim_level::text, 'CENTRAL') AS level
       FROM fact JOIN raised_issue i ON i.id = fact.issue_id JOIN meeting m ON m.id = i.meeting_id
       WHERE ${ISSUE_IN_SCOPE}
     )
     SELECT CASE WHEN GROUPING(region_id) = 0 THEN 'region' WHEN GROUPING(category_id) = 0 THEN 'category'
                 WHEN GROUPING(level) = 0 THEN 'level' ELSE 'all' END AS grouped,
       coalesce(region_id::text, category_id::text, level) AS key,
       ${Object.entries(ISSUE_FIGURES).map(([name, sql]) => `${sql} AS "${name}"`).join(',\n       ')}
     FROM counted
     GROUP BY GROUPING SETS ((), (region_id), (category_id), (level))`),
    params(f),
  );
  const out: IssueGroups = { all: { ...NO_ISSUES }, region: new Map(), category: new Map(), level: new Map() };
  for (const r of rows) {
    const figures = Object.fromEntries(Object.keys(ISSUE_FIGURES).map((k) => [k, Number(r[k])])) as IssueFigures;
    if (r.grouped === 'all') out.all = figures;
    else if (r.grouped === 'level') out.level.set(String(r.key), figures);
    else out[r.grouped as 'region' | 'category'].set(Number(r.key), figures);
  }
  return out;
}

const change = (now: number | null, before: number | null) => ({
  ratio: now === null || before === null || before === 0 ? null : now / before,
  difference: (now ?? 0) - (before ?? 0),
});

const rateOf = (c: IssueFigures) => (c.issuesRaised === 0 ? null : c.issuesRaisedAndResolved / c.issuesRaised);

/** A row of the regions, categories and levels breakdowns. */
const breakdownRow = (c: IssueFigures) => ({
  issuesRaised: c.issuesRaised,
  issuesResolved: c.issuesResolved,
  issuesRaisedAndResolved: c.issuesRaisedAndResolved,
  resolutionRate: rateOf(c),
});

/** A breakdown row's figures for the compared period, and the change to them. */
const rowComparison = (now: IssueFigures, before: IssueFigures) => ({
  previous: { issuesRaised: before.issuesRaised, issuesResolved: before.issuesResolved, resolutionRate: rateOf(before) },
  change: {
    issuesRaised: change(now.issuesRaised, before.issuesRaised),
    issuesResolved: change(now.issuesResolved, before.issuesResolved),
    resolutionRate: change(rateOf(now), rateOf(before)),
  },
});

/** Need, allocation and the allocated share of one budget. */
const money = (needKzt: number, allocatedKzt: number) => ({ needKzt, allocatedKzt, allocatedShare: needKzt === 0 ? null : allocatedKzt / needKzt });

// ---------- meetings ----------

type MeetingGroups = { rows: Array<{ regionId: number; kind: string; level: string | null; n: number }> };

/** Meetings held in the period up to asOf under the filters, by region, kind and akim level. */
export async function meetingFigures(db: Db, f: OracleFilter): Promise<MeetingGroups> {
  const { rows } = await db.query<{ region_id: number; kind: string; level: string | null; n: string }>(typed(
    `SELECT m.region_id, m.kind::text AS kind, m.akim_level::text AS level, count(*) AS n
     FROM meeting m
     WHERE ${MEETING_IN_SCOPE} AND m.held_on BETWEEN $1::date AND least($2::date, $3::date)
       AND ($7::int IS NULL OR EXISTS (SELECT 1 FROM raised_issue i WHERE i.meeting_id = m.id AND i.deleted_at IS NULL AND i.category_id = $7))
     GROUP BY 1, 2, 3`),
    params(f),
  );
  return { rows: rows.map((r) => ({ regionId: r.region_id, kind: r.kind, level: r.level, n: Number(r.n) })) };
}

const countedKind = (f: OracleFilter) => (f.bodyId === null ? 'AKIM' : 'CENTRAL');
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

// ---------- summary ----------

/** The figures of one period: the summary's body, and its `previous`. */
export async function figures(db: Db, f: OracleFilter, issues?: IssueGroups) {
  const [c, meetings] = await Promise.all([issues ?? issueFigures(db, f).then((g) => g), meetingFigures(db, f)]);
  const all = c.all;
  const ofKind = (kind: string) => sum(meetings.rows.filter((r) => r.kind === kind).map((r) => r.n));
  const ofLevel = (level: string) => sum(meetings.rows.filter((r) => r.level === level).map((r) => r.n));
  return {
    period: { code: f.period.code, from: f.period.from, to: f.period.to },
    asOf: f.asOf,
    meetings: ofKind(countedKind(f)),
    meetingsByKind: { AKIM: ofKind('AKIM'), CENTRAL: ofKind('CENTRAL') },
    meetingsByLevel: { REGION: ofLevel('REGION'), DISTRICT: ofLevel('DISTRICT'), RURAL: ofLevel('RURAL') },
    issuesRaised: all.issuesRaised,
    issuesResolved: all.issuesResolved,
    issuesRaisedAndResolved: all.issuesRaisedAndResolved,
    resolutionRate: rateOf(all),
    issuesInExecution: all.issuesInExecution,
    issuesNotSupported: all.issuesNotSupported,
    issuesEscalated: all.issuesEscalated,
    budget: money(all.localNeedKzt, all.localAllocatedKzt),
    republicanBudget: money(all.republicanNeedKzt, all.republicanAllocatedKzt),
  };
}

/**
 * The period compared with — the one before of equal length (compare=previous, the default), or the
 * same period a year earlier (compare=yearAgo) — read as of its own end (or asOf, when earlier).
 */
export function comparedFilter(f: OracleFilter): OracleFilter {
  const period = comparedPeriod(f.period as Period, f.compare ?? 'previous');
  return { ...f, period, asOf: min(f.asOf, period.to) };
}

/** Which period the `previous` figures are for, and the date they are read as of. */
const comparedRead = (p: OracleFilter) => ({ period: { code: p.period.code, from: p.period.from, to: p.period.to }, asOf: p.asOf });

export async function summary(db: Db, f: OracleFilter, issues?: IssueGroups, comparedIssues?: IssueGroups) {
  const [current, previous] = await Promise.all([figures(db, f, issues), figures(db, comparedFilter(f), comparedIssues)]);
  return {
    ...current,
    previous,
    change: {
      meetings: change(current.meetings, previous.meetings),
      issuesRaised: change(current.issuesRaised, previous.issuesRaised),
      issuesResolved: change(current.issuesResolved, previous.issuesResolved),
      resolutionRate: change(current.resolutionRate, previous.resolutionRate),
    },
  };
}

// ---------- breakdowns ----------

type Named = { name_ru: string; name_kk: string; name_en: string };
const nameIn = (lang: string, r: Named) => ({ ru: r.name_ru, kk: r.name_kk, en: r.name_en })[lang as 'ru'] || r.name_ru;

export const MIN_ISSUES_TO_RANK = 50;

export async function regions(db: Db, f: OracleFilter, lang: string, issues?: IssueGroups, comparedIssues?: IssueGroups) {
  const [list, c, before, meetings] = await Promise.all([
    db.query<Named & { id: number; kato: string }>('SELECT id, kato, name_ru, name_kk, name_en FROM region ORDER BY kato'),
    issues ?? issueFigures(db, f),
    comparedIssues ?? issueFigures(db, comparedFilter(f)),
    meetingFigures(db, f),
  ]);
  const rows = list.rows
    .filter((r) => f.regionId === null || r.id === f.regionId)
    .map((r) => {
      const now = c.region.get(r.id) ?? NO_ISSUES;
      return {
        kato: r.kato,
        name: nameIn(lang, r),
        meetings: sum(meetings.rows.filter((m) => m.regionId === r.id && m.kind === countedKind(f)).map((m) => m.n)),
        ...breakdownRow(now),
        budget: money(now.localNeedKzt, now.localAllocatedKzt),
        republicanBudget: money(now.republicanNeedKzt, now.republicanAllocatedKzt),
        rank: null as number | null,
        ...rowComparison(now, before.region.get(r.id) ?? NO_ISSUES),
      };
    });
  // Ranked: at least MIN_ISSUES_TO_RANK issues raised; best rate first, ties by KATO.
  const ranked = rows
    .filter((r) => r.issuesRaised >= MIN_ISSUES_TO_RANK && r.resolutionRate !== null)
    .sort((a, b) => b.resolutionRate! - a.resolutionRate! || (a.kato < b.kato ? -1 : 1));
  ranked.forEach((r, i) => (r.rank = i + 1));
  return {
    minIssuesToRank: MIN_ISSUES_TO_RANK,
    regions: [...ranked, ...rows.filter((r) => r.rank === null)],
    top: ranked.slice(0, 3).map((r) => r.kato),
    bottom: ranked.length >= 6 ? ranked.slice(-3).reverse().map((r) => r.kato) : [],
    previous: comparedRead(comparedFilter(f)),
  };
}

export async function categories(db: Db, f: OracleFilter, lang: string, issues?: IssueGroups, comparedIssues?: IssueGroups) {
  const [list, c, before] = await Promise.all([
    db.query<Named & { id: number; code: string }>('SELECT id, code, name_ru, name_kk, name_en FROM issue_category ORDER BY sort_order, code'),
    issues ?? issueFigures(db, f),
    comparedIssues ?? issueFigures(db, comparedFilter(f)),
  ]);
  return {
    categories: list.rows
      .filter((r) => f.categoryId === null || r.id === f.categoryId)
      .map((r) => {
        const now = c.category.get(r.id) ?? NO_ISSUES;
        return { code: r.code, name: nameIn(lang, r), ...breakdownRow(now), ...rowComparison(now, before.category.get(r.id) ?? NO_ISSUES) };
      }),
    previous: comparedRead(comparedFilter(f)),
  };
}

export async function levels(db: Db, f: OracleFilter, issues?: IssueGroups, comparedIssues?: IssueGroups) {
  const [c, before] = await Promise.all([issues ?? issueFigures(db, f), comparedIssues ?? issueFigures(db, comparedFilter(f))]);
  return {
    levels: (['REGION', 'DISTRICT', 'RURAL'] as const)
      .filter((l) => f.level === null || l === f.level)
      .map((level) => {
        const now = c.level.get(level) ?? NO_ISSUES;
        return { level, ...breakdownRow(now), ...rowComparison(now, before.level.get(level) ?? NO_ISSUES) };
      }),
    previous: comparedRead(comparedFilter(f)),
  };
}

// ---------- half-year lists: escalations, action plans, the schedule ----------

/** The half-years a period touches. */
export function halvesTouched(f: OracleFilter) {
  const out: Array<{ year: number; half: number; code: string }> = [];
  for (let year = Number(f.period.from.slice(0, 4)); year <= Number(f.period.to.slice(0, 4)); year++) {
    if (f.period.from <= `${year}-06-30` && f.period.to >= `${year}-01-01`) out.push({ year, half: 1, code: `${year}-H1` });
    if (f.period.from <= `${year}-12-31` && f.period.to >= `${year}-07-01`) out.push({ year, half: 2, code: `${year}-H2` });
  }
  return out;
}
const halfKeys = (f: OracleFilter) => halvesTouched(f).map((h) => h.year * 10 + h.half);

/**
 * The central-level lists of the halves the period touches as they stood on asOf: the entries whose
 * latest inclusion step by asOf includes them, each with its disposition and `selected` mark on asOf.
 * Each is the entry's latest step effective on or before asOf; steps of one day in recording order.
 */
export async function escalations(db: Db, f: OracleFilter) {
  const { rows } = await db.query<{ disposition: string | null; n: string; amount: string | null; selected: string }>(typed(
    `WITH entry AS (
       SELECT e.id FROM escalation e
       JOIN raised_issue i ON i.id = e.issue_id JOIN meeting m ON m.id = i.meeting_id
       WHERE e.year * 10 + e.half = ANY($10::int[])
         AND i.deleted_at IS NULL AND m.deleted_at IS NULL
         AND ($5::int IS NULL OR m.region_id = $5)
         AND ($6::int IS NULL OR m.unit_id = $6 OR m.unit_id IN (SELECT u.id FROM admin_unit u WHERE u.parent_id = $6))
         AND ($7::int IS NULL OR i.category_id = $7)
         AND ($8::text IS NULL OR m.akim_level::text = $8)
         AND ($9::int IS NULL OR e.central_body_id = $9)
     ), listed AS (
       SELECT DISTINCT ON (h.escalation_id) h.escalation_id, h.included
       FROM escalation_inclusion_change h WHERE h.effective_on <= $3::date AND h.escalation_id IN (SELECT id FROM entry)
       ORDER BY h.escalation_id, h.effective_on DESC, h.recorded_at DESC, h.id DESC
     ), selected_on AS (
       SELECT DISTINCT ON (h.escalation_id) h.escalation_id, h.selected
       FROM escalation_selection_change h WHERE h.effective_on <= $3::date AND h.escalation_id IN (SELECT id FROM entry)
       ORDER BY h.escalation_id, h.effective_on DESC, h.recorded_at DESC, h.id DESC
     ), on_as_of AS (
       SELECT DISTINCT ON (h.escalation_id) h.escalation_id, h.disposition::text, h.republican_amount_kzt
       FROM escalation_disposition_change h WHERE h.effective_on <= $3::date AND h.escalation_id IN (SELECT id FROM entry)
       ORDER BY h.escalation_id, h.effective_on DESC, h.recorded_at DESC, h.id DESC
     )
     SELECT d.disposition, count(*) AS n, sum(d.republican_amount_kzt) AS amount, count(*) FILTER (WHERE s.selected) AS selected
     FROM entry JOIN listed l ON l.escalation_id = entry.id AND l.included
     LEFT JOIN selected_on s ON s.escalation_id = entry.id
     LEFT JOIN on_as_of d ON d.escalation_id = entry.id
     GROUP BY 1`),
    [...params(f), halfKeys(f)],
  );
  const dispositions = await db.query<{ d: string }>(`SELECT unnest(enum_range(NULL::"Disposition"))::text AS d`);
  const byDisposition = Object.fromEntries(dispositions.rows.map(({ d }) => {
    const r = rows.find((x) => x.disposition === d);
    return [d, { count: Number(r?.n ?? 0), amountKzt: Number(r?.amount ?? 0) }];
  }));
  return {
    halves: halvesTouched(f).map((h) => h.code),
    total: sum(rows.map((r) => Number(r.n))),
    selected: sum(rows.map((r) => Number(r.selected))),
    undecided: Number(rows.find((r) => r.disposition === null)?.n ?? 0),
    byDisposition,
  };
}

/** Which regions published their action plans, for every half the period touches, by asOf. Only `region` filters. */
export async function actionPlans(db: Db, f: OracleFilter, lang: string) {
  const halves = halfKeys(f);
  const { rows } = await db.query<Named & { kato: string; published_halves: number[]; latest_url: string | null }>(
    `SELECT r.kato, r.name_ru, r.name_kk, r.name_en,
       coalesce(array_agg(DISTINCT p.year * 10 + p.half) FILTER (WHERE p.id IS NOT NULL), '{}') AS published_halves,
       (array_agg(p.url ORDER BY p.year DESC, p.half DESC))[1] AS latest_url
     FROM region r
     LEFT JOIN action_plan p ON p.region_id = r.id AND p.year * 10 + p.half = ANY($2::int[])
       AND p.url IS NOT NULL AND p.published_on <= $1::date
     WHERE ($3::int IS NULL OR r.id = $3)
     GROUP BY r.id ORDER BY r.kato`,
    [f.asOf, halves, f.regionId],
  );
  if (halves.length === 0) return { halves: [], published: [], notPublished: [] };
  const done = (r: (typeof rows)[number]) => halves.every((h) => r.published_halves.map(Number).includes(h));
  return {
    halves: halvesTouched(f).map((h) => h.code),
    published: rows.filter(done).map((r) => ({ kato: r.kato, name: nameIn(lang, r), url: r.latest_url })),
    notPublished: rows.filter((r) => !done(r)).map((r) => ({ kato: r.kato, name: nameIn(lang, r) })),
  };
}

const CENTRAL_COMPARED = ['scheduled', 'held', 'personalReceptions', 'citizensReceived', 'issuesVoiced', 'issuesResolved', 'issuesInExecution'] as const;

/**
 * Central officials' meetings: the schedule (entries planned for a month the period touches, in the
 * half they were planned for) against meetings held by asOf, the Decree's requirements and the personal
 * receptions, each count beside the compared period's, overall and per body. Only `region` and `body` filter them.
 */
export async function centralMeetings(db: Db, f: OracleFilter, lang: string) {
  const pf = comparedFilter(f);
  const [now, before] = await Promise.all([centralMeetingsOf(db, f, lang), centralMeetingsOf(db, pf, lang)]);
  const pick = <T>(fn: (k: (typeof CENTRAL_COMPARED)[number]) => T) => Object.fromEntries(CENTRAL_COMPARED.map((k) => [k, fn(k)]));
  return {
    ...now,
    byBody: now.byBody.map((b) => {
      const p = before.byBody.find((x) => x.code === b.code)!;
      return {
        ...b,
        previous: { scheduled: p.scheduled, held: p.held },
        change: { scheduled: change(b.scheduled, p.scheduled), held: change(b.held, p.held) },
      };
    }),
    previous: { ...comparedRead(pf), ...pick((k) => before[k]) },
    change: pick((k) => change(now[k], before[k])),
  };
}

async function centralMeetingsOf(db: Db, f: OracleFilter, lang: string) {
  const scope = `($3::int IS NULL OR x.region_id = $3) AND ($4::int IS NULL OR x.central_body_id = $4)`;
  const args = [f.period.from, min(f.period.to, f.asOf), f.regionId, f.bodyId];
  const setting = await db.query<{ value: unknown }>(`SELECT value FROM setting WHERE key = 'announcementMinDays'`);
  const minDays = announcementMinDaysOf(setting.rows[0]?.value);
  const [bodies, planned, held, receptions] = await Promise.all([
    db.query<Named & { id: number; code: string }>('SELECT id, code, name_ru, name_kk, name_en FROM central_body ORDER BY code'),
    db.query<{ body: number; year: number; half: number; n: string }>(
      `SELECT x.central_body_id AS body, x.year, x.half, count(*) AS n FROM schedule_entry x
       WHERE make_date(x.year, x.planned_month, 1) <= $2::date
         AND (make_date(x.year, x.planned_month, 1) + interval '1 month')::date > $1::date AND ${scope}
       GROUP BY 1, 2, 3`,
      [f.period.from, f.period.to, f.regionId, f.bodyId], // the whole period: a plan is not dated by asOf
    ),
    db.query<Record<string, string | number>>(
      `SELECT x.central_body_id AS body, extract(year FROM x.held_on)::int AS year,
         CASE WHEN extract(month FROM x.held_on) <= 6 THEN 1 ELSE 2 END AS half, count(*) AS n,
         count(*) FILTER (WHERE x.announced_on IS NOT NULL AND x.held_on - x.announced_on >= $5) AS "ANNOUNCED",
         count(*) FILTER (WHERE x.questions_collected) AS "QUESTIONS_COLLECTED",
         count(*) FILTER (WHERE x.briefing_held) AS "BRIEFING_HELD",
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM personal_reception p WHERE p.meeting_id = x.id)) AS "PERSONAL_RECEPTION_HELD",
         count(*) FILTER (WHERE x.ngo_meeting_held) AS "NGO_MEETING_HELD",
         count(*) FILTER (WHERE x.action_plan_prepared) AS "ACTION_PLAN_PREPARED",
         count(*) FILTER (WHERE x.problem_site_visited) AS "PROBLEM_SITE_VISITED"
       FROM meeting x WHERE x.kind = 'CENTRAL' AND x.deleted_at IS NULL AND x.held_on BETWEEN $1::date AND $2::date AND ${scope}
       GROUP BY 1, 2, 3`,
      [...args, minDays],
    ),
    db.query<{ n: string; citizens: string | null; voiced: string | null; resolved: string | null; in_execution: string | null }>(
      `SELECT count(*) AS n, sum(p.citizens_received) AS citizens, sum(p.issues_voiced) AS voiced,
         sum(p.issues_resolved) AS resolved, sum(p.issues_in_execution) AS in_execution
       FROM personal_reception p JOIN meeting x ON x.id = p.meeting_id
       WHERE x.kind = 'CENTRAL' AND x.deleted_at IS NULL AND p.held_on BETWEEN $1::date AND $2::date AND ${scope}`,
      args,
    ),
  ]);
  const heldRows = held.rows;
  const shares = (rows: typeof heldRows) => {
    const n = sum(rows.map((r) => Number(r.n)));
    return {
      n,
      requirements: Object.fromEntries(DECREE_REQUIREMENTS.map((q) => [q, n === 0 ? null : sum(rows.map((r) => Number(r[q]))) / n])),
    };
  };
  const plannedN = (pred: (p: (typeof planned.rows)[number]) => boolean) => sum(planned.rows.filter(pred).map((p) => Number(p.n)));
  const r = receptions.rows[0];
  const all = shares(heldRows);
  return {
    scheduled: plannedN(() => true),
    held: all.n,
    personalReceptions: Number(r?.n ?? 0),
    citizensReceived: Number(r?.citizens ?? 0),
    issuesVoiced: Number(r?.voiced ?? 0),
    issuesResolved: Number(r?.resolved ?? 0),
    issuesInExecution: Number(r?.in_execution ?? 0),
    announcementMinDays: minDays,
    byHalf: halvesTouched(f).map((h) => ({
      half: h.code,
      scheduled: plannedN((p) => p.year === h.year && p.half === h.half),
      held: shares(heldRows.filter((m) => Number(m.year) === h.year && Number(m.half) === h.half)).n,
    })),
    requirements: all.requirements,
    byBody: bodies.rows
      .filter((b) => f.bodyId === null || b.id === f.bodyId)
      .map((b) => {
        const mine = shares(heldRows.filter((m) => Number(m.body) === b.id));
        return { code: b.code, name: nameIn(lang, b), scheduled: plannedN((p) => p.body === b.id), held: mine.n, requirements: mine.requirements };
      }),
  };
}

function announcementMinDaysOf(value: unknown): number {
  const n = Number(value);
  return value !== undefined && value !== null && Number.isInteger(n) && n >= 0 ? n : DEFAULT_ANNOUNCEMENT_MIN_DAYS;
}

// ---------- budget requests ----------

const DECISIONS = ['APPROVED', 'PARTIALLY_APPROVED', 'REJECTED'];
type RequestTotals = { count: number; amountKzt: number };

/** The median of a list of numbers; null when it is empty. */
function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Budget requests: each request whose first SUBMITTED step is dated in [from, to] and on or before asOf,
 * with its status on asOf (its last step by then, ties in recording order); requested, pending,
 * approved (in full and in part, with what was approved), rejected by reason and withdrawn; the median
 * days from submission to its first decision, among those standing decided on asOf; the same per region
 * and per body. The central-level list of the halves the period touches, entries on the list on asOf
 * (their latest inclusion step), and those a request submitted and not withdrawn on asOf covers.
 * Only `region` and `body` filter them (the request's region and addressed body; the entry's meeting
 * region and addressed body).
 */
export async function budgetRequests(db: Db, f: OracleFilter, lang: string) {
  const [requests, list, reasons, regionNames, bodyNames] = await Promise.all([
    db.query<{ id: number; region_id: number; central_body_id: number; amount: string; submitted: string; decided: string | null; status: string; approved: string | null; reason: string | null }>(typed(
      `WITH r AS (
         SELECT r.id, r.region_id, r.central_body_id, r.amount_kzt,
           (SELECT min(h.effective_on) FROM budget_request_status_change h WHERE h.request_id = r.id AND h.to_status = 'SUBMITTED' AND h.effective_on <= $3::date) AS submitted,
           (SELECT min(h.effective_on) FROM budget_request_status_change h
             WHERE h.request_id = r.id AND h.to_status IN ('APPROVED', 'PARTIALLY_APPROVED', 'REJECTED') AND h.effective_on <= $3::date) AS decided,
           (SELECT h.to_status::text FROM budget_request_status_change h
             WHERE h.request_id = r.id AND h.effective_on <= $3::date ORDER BY h.effective_on DESC, h.recorded_at DESC, h.id DESC LIMIT 1) AS status,
           (SELECT h.approved_amount_kzt::text FROM budget_request_status_change h
             WHERE h.request_id = r.id AND h.effective_on <= $3::date ORDER BY h.effective_on DESC, h.recorded_at DESC, h.id DESC LIMIT 1) AS approved,
           (SELECT h.rejection_reason::text FROM budget_request_status_change h
             WHERE h.request_id = r.id AND h.effective_on <= $3::date ORDER BY h.effective_on DESC, h.recorded_at DESC, h.id DESC LIMIT 1) AS reason
         FROM budget_request r
         WHERE ($5::int IS NULL OR r.region_id = $5) AND ($9::int IS NULL OR r.central_body_id = $9)
       )
       SELECT r.id, r.region_id, r.central_body_id, r.amount_kzt::text AS amount, r.submitted::text, r.decided::text, r.status, r.approved, r.reason
       FROM r WHERE r.submitted BETWEEN $1::date AND $2::date`), params(f)),
    db.query<{ entries: string; with_request: string }>(typed(
      `SELECT count(*) AS entries,
         count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM budget_request_issue bi
           WHERE bi.issue_id = e.issue_id AND (SELECT h.to_status FROM budget_request_status_change h
             WHERE h.request_id = bi.request_id AND h.effective_on <= $3::date ORDER BY h.effective_on DESC, h.recorded_at DESC, h.id DESC LIMIT 1) <> 'WITHDRAWN')) AS with_request
       FROM escalation e JOIN raised_issue i ON i.id = e.issue_id JOIN meeting m ON m.id = i.meeting_id
       WHERE e.year * 10 + e.half = ANY($10::int[]) AND i.deleted_at IS NULL AND m.deleted_at IS NULL
         AND ($5::int IS NULL OR m.region_id = $5) AND ($9::int IS NULL OR e.central_body_id = $9)
         AND (SELECT ic.included FROM escalation_inclusion_change ic WHERE ic.escalation_id = e.id AND ic.effective_on <= $3::date
              ORDER BY ic.effective_on DESC, ic.recorded_at DESC, ic.id DESC LIMIT 1)`), [...params(f), halfKeys(f)]),
    db.query<{ r: string }>(`SELECT unnest(enum_range(NULL::"BudgetRequestRejection"))::text AS r`),
    db.query<Named & { id: number; kato: string }>('SELECT id, kato, name_ru, name_kk, name_en FROM region'),
    db.query<Named & { id: number; code: string }>('SELECT id, code, name_ru, name_kk, name_en FROM central_body'),
  ]);
  type Req = (typeof requests.rows)[number];
  const totals = (rs: Req[]): RequestTotals => ({ count: rs.length, amountKzt: sum(rs.map((r) => Number(r.amount))) });
  const decided = (rs: Req[]) => ({ ...totals(rs), approvedKzt: sum(rs.map((r) => Number(r.approved ?? 0))) });
  const group = (rs: Req[]) => {
    const approved = decided(rs.filter((r) => r.status === 'APPROVED'));
    const partiallyApproved = decided(rs.filter((r) => r.status === 'PARTIALLY_APPROVED'));
    const days = rs.filter((r) => DECISIONS.includes(r.status) && r.decided).map((r) => (Date.parse(r.decided!) - Date.parse(r.submitted)) / 86_400_000);
    return {
      requested: totals(rs), pending: totals(rs.filter((r) => r.status === 'SUBMITTED')), approved, partiallyApproved,
      approvedTotalKzt: approved.approvedKzt + partiallyApproved.approvedKzt,
      rejected: totals(rs.filter((r) => r.status === 'REJECTED')), withdrawn: totals(rs.filter((r) => r.status === 'WITHDRAWN')),
      medianDaysToDecision: median(days),
    };
  };
  const all = requests.rows;
  const breakdown = <K extends 'region_id' | 'central_body_id'>(key: K, names: Array<Named & { id: number; code: string }>) =>
    names.filter((n) => all.some((r) => r[key] === n.id))
      .map((n) => ({ code: n.code, name: nameIn(lang, n), ...group(all.filter((r) => r[key] === n.id)) }))
      .sort((a, b) => b.requested.amountKzt - a.requested.amountKzt || a.code.localeCompare(b.code));
  const entries = Number(list.rows[0]?.entries ?? 0);
  const withRequest = Number(list.rows[0]?.with_request ?? 0);
  const whole = group(all);
  return {
    period: f.period.code, asOf: f.asOf,
    ...whole,
    rejected: {
      ...whole.rejected,
      byReason: Object.fromEntries(reasons.rows.map(({ r }) => [r, totals(all.filter((x) => x.status === 'REJECTED' && x.reason === r))])),
    },
    list: { entries, withRequest, share: halfKeys(f).length === 0 || entries === 0 ? null : withRequest / entries },
    byRegion: breakdown('region_id', regionNames.rows.map((r) => ({ ...r, code: r.kato }))),
    byBody: breakdown('central_body_id', bodyNames.rows),
  };
}

// ---------- every route ----------

export const ROUTES = ['summary', 'regions', 'categories', 'levels', 'escalations', 'central-meetings', 'action-plans', 'budget-requests'] as const;
export type Route = (typeof ROUTES)[number];

/** Every route's answer for a filter, as the definitions above give it. */
export async function everyRoute(db: Db, f: OracleFilter, lang = 'en'): Promise<Record<Route, unknown>> {
  // One read of each period serves the summary and the three breakdowns.
  const [issues, before] = await Promise.all([issueFigures(db, f), issueFigures(db, comparedFilter(f))]);
  const [s, r, c, l, e, cm, ap, br] = await Promise.all([
    summary(db, f, issues, before), regions(db, f, lang, issues, before), categories(db, f, lang, issues, before), levels(db, f, issues, before),
    escalations(db, f), centralMeetings(db, f, lang), actionPlans(db, f, lang), budgetRequests(db, f, lang),
  ]);
  return { summary: s, regions: r, categories: c, levels: l, escalations: e, 'central-meetings': cm, 'action-plans': ap, 'budget-requests': br };
}
