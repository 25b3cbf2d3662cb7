import 'server-only';
import { DECREE_REQUIREMENTS } from '@/server/records/meetings/rules';
import { listSelectedEscalations } from '@/server/stats/queries/selected-escalations';
import { type StatsFilter, issueConditions, meetingConditions } from '@/server/stats/filters';
import { getActionPlanStats } from '@/server/stats/queries/action-plans';
import { getCategoryBreakdown, getRegionRanking } from '@/server/stats/queries/breakdowns';
import { getCentralMeetingStats } from '@/server/stats/queries/central-meetings';
import { getEscalationStats } from '@/server/stats/queries/escalations';
import { type RequestFiguresRow, getBudgetRequestFigures } from '@/server/stats/queries/budget-requests';
import { NO_MONEY, getBudget } from '@/server/stats/queries/budget';
import { getSummary } from '@/server/stats/queries/summary';
import { BudgetRequestRejection, Disposition } from '@/generated/prisma/enums';
import { Prisma } from '@/generated/prisma/client';
import { meetingScopeSql } from '@/server/access/scopes/meeting';
import type { Caller } from '@/server/auth/caller';
import { db, statsDb } from '@/server/db/client';
import type { Compare } from '@/lib/period';
import type { ExportLang, Translate } from './translator';

// The export's tables, shared by the workbook (one sheet each) and CSV (one file each). The
// aggregate tables take their figures from the statistics module; the record tables read the
// caller's meetings and issues a page at a time (keyset on date and id), so no export holds them all.

export const TABLES = ['summary', 'regions', 'categories', 'budget', 'escalations', 'budget-requests', 'central', 'action-plans', 'meetings', 'issues'] as const;
export type TableName = (typeof TABLES)[number];

export type CellType = 'int' | 'pct' | 'kzt' | 'text' | 'date';
/** A number whose format differs from its column's (the summary's mixed rows). */
export type Typed = { value: number | null; type: CellType };
export type Cell = string | number | Date | null | Typed;
export type Column = { key: string; type: CellType; width?: number };
export type ExportTable = { name: TableName; columns: Column[]; pages: () => AsyncIterable<Cell[][]> };

export const PAGE_SIZE = 5000;

const one = (rows: Cell[][]) => async function* () { yield rows; };
const col = (key: string, type: CellType, width?: number): Column => ({ key, type, width });

export type ExportContext = {
  caller: Caller; filter: StatsFilter; lang: ExportLang; t: Translate; filtersApplied: Array<[string, string]>;
  /** What the summary's second column is: the period before (the default) or the same period a year earlier. */
  compare?: Compare;
};

async function summaryTable(c: ExportContext): Promise<ExportTable> {
  const s = await getSummary(c.filter, c.compare);
  const row = (key: string, type: CellType, now: number | null, before: number | null): Cell[] =>
    [c.t(`exports.summary.${key}`), { value: now, type }, { value: before, type }];
  const rows: Cell[][] = [
    ...c.filtersApplied.map(([label, value]) => [label, value, null] as Cell[]),
    [null, null, null],
    [c.t('exports.columns.indicator'), c.t('exports.summary.thisPeriod', { period: s.period.code }), c.t(c.compare === 'yearAgo' ? 'exports.summary.comparedPeriod' : 'exports.summary.previousPeriod', { period: s.previous.period.code })],
    row('meetings', 'int', s.meetings, s.previous.meetings),
    row('issuesRaised', 'int', s.issuesRaised, s.previous.issuesRaised),
    row('issuesResolved', 'int', s.issuesResolved, s.previous.issuesResolved),
    row('issuesRaisedAndResolved', 'int', s.issuesRaisedAndResolved, s.previous.issuesRaisedAndResolved),
    row('resolutionRate', 'pct', s.resolutionRate, s.previous.resolutionRate),
    row('issuesInExecution', 'int', s.issuesInExecution, s.previous.issuesInExecution),
    row('issuesNotSupported', 'int', s.issuesNotSupported, s.previous.issuesNotSupported),
    row('issuesEscalated', 'int', s.issuesEscalated, s.previous.issuesEscalated),
    row('needKzt', 'kzt', s.budget.needKzt, s.previous.budget.needKzt),
    row('allocatedKzt', 'kzt', s.budget.allocatedKzt, s.previous.budget.allocatedKzt),
    row('allocatedShare', 'pct', s.budget.allocatedShare, s.previous.budget.allocatedShare),
    row('republicanNeedKzt', 'kzt', s.republicanBudget.needKzt, s.previous.republicanBudget.needKzt),
    row('republicanAllocatedKzt', 'kzt', s.republicanBudget.allocatedKzt, s.previous.republicanBudget.allocatedKzt),
    row('republicanAllocatedShare', 'pct', s.republicanBudget.allocatedShare, s.previous.republicanBudget.allocatedShare),
  ];
  return { name: 'summary', columns: [col('indicator', 'text', 48), col('value', 'text', 22), col('previous', 'text', 22)], pages: one(rows) };
}

async function regionsTable(c: ExportContext): Promise<ExportTable> {
  const r = await getRegionRanking(c.filter, c.lang);
  return {
    name: 'regions',
    columns: [
      col('rank', 'int', 8), col('kato', 'text', 12), col('region', 'text', 36), col('meetings', 'int'), col('issuesRaised', 'int'),
      col('issuesResolved', 'int'), col('issuesRaisedAndResolved', 'int'), col('resolutionRate', 'pct'),
    ],
    pages: one(r.regions.map((x) => [x.rank, x.kato, x.name, x.meetings, x.issuesRaised, x.issuesResolved, x.issuesRaisedAndResolved, x.resolutionRate])),
  };
}

async function categoriesTable(c: ExportContext): Promise<ExportTable> {
  const r = await getCategoryBreakdown(c.filter, c.lang);
  return {
    name: 'categories',
    columns: [
      col('code', 'text', 24), col('category', 'text', 44), col('issuesRaised', 'int'), col('issuesResolved', 'int'), col('issuesRaisedAndResolved', 'int'),
      col('resolutionRate', 'pct'),
    ],
    pages: one(r.categories.map((x) => [x.code, x.name, x.issuesRaised, x.issuesResolved, x.issuesRaisedAndResolved, x.resolutionRate])),
  };
}

async function budgetTable(c: ExportContext): Promise<ExportTable> {
  const [regions, byRegion, national] = await Promise.all([
    db().region.findMany({ orderBy: { kato: 'asc' }, where: c.filter.regionId === null ? {} : { id: c.filter.regionId } }),
    getBudget(c.filter, 'region'),
    getBudget(c.filter, 'none'),
  ]);
  const cells = (b: typeof NO_MONEY) => [b.local.needKzt, b.local.allocatedKzt, b.local.allocatedShare, b.republican.needKzt, b.republican.allocatedKzt, b.republican.allocatedShare];
  const rows: Cell[][] = regions.map((r) => [r.kato, c.lang === 'kk' ? r.nameKk : c.lang === 'en' ? r.nameEn : r.nameRu, ...cells(byRegion.get(String(r.id)) ?? NO_MONEY)]);
  if (c.filter.regionId === null) rows.push([null, c.t('exports.columns.total'), ...cells(national.get('all') ?? NO_MONEY)]);
  return {
    name: 'budget',
    columns: [
      col('kato', 'text', 12), col('region', 'text', 36), col('needKzt', 'kzt', 20), col('allocatedKzt', 'kzt', 20), col('allocatedShare', 'pct'),
      col('republicanNeedKzt', 'kzt', 20), col('republicanAllocatedKzt', 'kzt', 20), col('republicanAllocatedShare', 'pct'),
    ],
    pages: one(rows),
  };
}

async function escalationsTable(c: ExportContext): Promise<ExportTable> {
  const [stats, selected] = await Promise.all([getEscalationStats(c.filter), listSelectedEscalations(c.caller, c.filter)]);
  const name = (n: { nameRu: string; nameKk: string; nameEn: string }) => (c.lang === 'kk' ? n.nameKk : c.lang === 'en' ? n.nameEn : n.nameRu);
  const rows: Cell[][] = Object.values(Disposition).map((d) => [c.t(`codes.disposition.${d}`), stats.byDisposition[d].count, stats.byDisposition[d].amountKzt, null, null, null, null]);
  if (stats.undecided) rows.push([c.t('exports.summary.undecided'), stats.undecided, null, null, null, null, null]);
  rows.push([c.t('exports.columns.total'), stats.total, null, null, null, null, null]);
  rows.push([c.t('exports.summary.selected'), stats.selected, null, null, null, null, null]);
  rows.push([null, null, null, null, null, null, null]);
  for (const s of selected) {
    rows.push([s.disposition ? c.t(`codes.disposition.${s.disposition}`) : null, s.issueId, s.amountKzt, s.half, name(s.region), name(s.body), s.description]);
  }
  return {
    name: 'escalations',
    columns: [col('disposition', 'text', 40), col('issues', 'int', 12), col('amountKzt', 'kzt', 20), col('half', 'text', 10), col('region', 'text', 30), col('body', 'text', 40), col('description', 'text', 60)],
    pages: one(rows),
  };
}

/** Budget requests as /api/v1/stats/budget-requests gives them: by region with the total, by body, rejections by reason, the list's coverage. */
async function budgetRequestsTable(c: ExportContext): Promise<ExportTable> {
  const s = await getBudgetRequestFigures(c.filter, c.lang);
  const figures = (r: RequestFiguresRow): Cell[] => [
    r.requested.count, r.requested.amountKzt, r.approved.count, r.approved.approvedKzt, r.partiallyApproved.count, r.partiallyApproved.amountKzt, r.partiallyApproved.approvedKzt,
    r.pending.count, r.pending.amountKzt, r.rejected.count, r.rejected.amountKzt, r.withdrawn.count, r.withdrawn.amountKzt, r.medianDaysToDecision,
  ];
  const blank: Cell[] = [];
  const rows: Cell[][] = [
    [c.t('exports.summary.byRegion')],
    ...s.byRegion.map((r) => [r.code, r.name, ...figures(r)]),
    [null, c.t('exports.columns.total'), ...figures(s)],
    blank,
    [c.t('exports.summary.byBody')],
    ...s.byBody.map((r) => [r.code, r.name, ...figures(r)]),
    blank,
    [c.t('exports.summary.rejectedByReason')],
    ...Object.values(BudgetRequestRejection).map((reason) => [reason, c.t(`codes.requestRejection.${reason}`), null, null, null, null, null, null, null, null, null, s.rejected.byReason[reason].count, s.rejected.byReason[reason].amountKzt]),
    blank,
    [null, c.t('exports.summary.listEntries'), s.list.entries],
    [null, c.t('exports.summary.listWithRequest'), s.list.withRequest],
    [null, c.t('exports.summary.listShareWithRequest'), { value: s.list.share, type: 'pct' }],
  ];
  return {
    name: 'budget-requests',
    columns: [
      col('code', 'text', 12), col('name', 'text', 40), col('requested', 'int'), col('requestedKzt', 'kzt', 20), col('approved', 'int'), col('approvedKzt', 'kzt', 20),
      col('partiallyApproved', 'int'), col('partiallyRequestedKzt', 'kzt', 20), col('partiallyApprovedKzt', 'kzt', 20), col('pending', 'int'), col('pendingKzt', 'kzt', 20),
      col('rejected', 'int'), col('rejectedKzt', 'kzt', 20), col('withdrawn', 'int'), col('withdrawnKzt', 'kzt', 20), col('medianDays', 'int', 14),
    ],
    pages: one(rows),
  };
}

async function centralTable(c: ExportContext): Promise<ExportTable> {
  const s = await getCentralMeetingStats(c.filter, c.lang);
  const rows: Cell[][] = s.byBody.map((b) => [b.code, b.name, b.scheduled, b.held, ...DECREE_REQUIREMENTS.map((r) => b.requirements[r])]);
  rows.push([null, c.t('exports.columns.total'), s.scheduled, s.held, ...DECREE_REQUIREMENTS.map((r) => s.requirements[r])]);
  rows.push([]);
  for (const key of ['personalReceptions', 'citizensReceived', 'issuesVoiced', 'issuesResolved', 'issuesInExecution'] as const) {
    rows.push([null, c.t(`exports.summary.${key === 'issuesResolved' ? 'receptionIssuesResolved' : key}`), s[key]]);
  }
  return {
    name: 'central',
    columns: [col('code', 'text', 18), col('body', 'text', 48), col('scheduled', 'int'), col('held', 'int'), ...DECREE_REQUIREMENTS.map((r) => col(`requirement.${r}`, 'pct', 16))],
    pages: one(rows),
  };
}

async function actionPlansTable(c: ExportContext): Promise<ExportTable> {
  const s = await getActionPlanStats(c.filter, c.lang);
  const yes = c.t('exports.summary.yes');
  const no = c.t('exports.summary.no');
  const rows: Cell[][] = [...s.published.map((r) => [r.kato, r.name, yes, r.url]), ...s.notPublished.map((r) => [r.kato, r.name, no, null])];
  rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return { name: 'action-plans', columns: [col('kato', 'text', 12), col('region', 'text', 36), col('published', 'text', 14), col('url', 'text', 60)], pages: one(rows) };
}

/** Where the last page ended: its date and id. Records are read in (date, id) order per meeting kind, so
 * each page is a range scan of the (kind, date) indexes on meeting and raised_issue, however long the table. */
type Keyset = { on: Date; id: number };
const afterKey = (date: Prisma.Sql, id: Prisma.Sql, after: Keyset | null) =>
  after === null ? Prisma.empty : Prisma.sql`AND ${date} >= ${after.on} AND (${date} > ${after.on} OR ${id} > ${after.id})`;

/** The meeting kinds a records export lists: the filter's line when it names one, else both. */
const kindsOf = (f: StatsFilter): Array<'AKIM' | 'CENTRAL'> => (f.bodyId !== null ? ['CENTRAL'] : f.level !== null ? ['AKIM'] : ['AKIM', 'CENTRAL']);

type MeetingRow = {
  id: number; held_on: Date; kind: string; kato: string; region: string; unit: string | null; akim_level: string | null;
  body: string | null; official: string; position: string; venue: string; attendance: number | null; open_microphone: boolean; issues: bigint;
};

function meetingsTable(c: ExportContext): ExportTable {
  const nameCol = Prisma.raw(c.lang === 'kk' ? 'name_kk' : c.lang === 'en' ? 'name_en' : 'name_ru');
  const f = c.filter;
  const to = f.asOf < f.period.to ? f.asOf : f.period.to;
  return {
    name: 'meetings',
    columns: [
      col('id', 'int', 10), col('heldOn', 'date', 12), col('kind', 'text', 16), col('kato', 'text', 12), col('region', 'text', 30), col('unit', 'text', 30),
      col('level', 'text', 18), col('body', 'text', 18), col('official', 'text', 30), col('position', 'text', 24), col('venue', 'text', 24),
      col('attendance', 'int'), col('openMicrophone', 'text', 10), col('issues', 'int'),
    ],
    pages: async function* () {
      for (const kind of kindsOf(f)) {
        let after: Keyset | null = null;
        for (;;) {
          const rows: MeetingRow[] = await statsDb().$queryRaw<MeetingRow[]>`
            SELECT m.id, m.held_on, m.kind::text, r.kato, r.${nameCol} AS region, u.${nameCol} AS unit, m.akim_level::text, b.code AS body,
              o.full_name AS official, o.position::text, m.venue::text, m.attendance, m.open_microphone,
              (SELECT count(*) FROM raised_issue i WHERE i.meeting_id = m.id AND i.deleted_at IS NULL) AS issues
            FROM meeting m JOIN region r ON r.id = m.region_id JOIN official o ON o.id = m.official_id
              LEFT JOIN admin_unit u ON u.id = m.unit_id LEFT JOIN central_body b ON b.id = m.central_body_id
            WHERE m.kind = ${kind}::"MeetingKind" AND ${meetingScopeSql(c.caller)} AND ${meetingConditions(f)}
              AND m.held_on BETWEEN ${f.period.from}::date AND ${to}::date ${afterKey(Prisma.sql`m.held_on`, Prisma.sql`m.id`, after)}
            ORDER BY m.held_on, m.id LIMIT ${PAGE_SIZE}`;
          if (rows.length === 0) break;
          after = { on: rows.at(-1)!.held_on, id: rows.at(-1)!.id };
          yield rows.map((m) => [
            m.id, m.held_on, c.t(`codes.meetingKind.${m.kind}`), m.kato, m.region, m.unit, m.akim_level ? c.t(`codes.akimLevel.${m.akim_level}`) : null, m.body,
            m.official, c.t(`codes.position.${m.position}`), c.t(`codes.venue.${m.venue}`), m.attendance, m.open_microphone ? c.t('exports.summary.yes') : c.t('exports.summary.no'), Number(m.issues),
          ]);
          if (rows.length < PAGE_SIZE) break;
        }
      }
    },
  };
}

type IssueRow = {
  id: number; raised_on: Date; meeting_id: number; kind: string; kato: string; region: string; category: string; status: string; resolved_on: Date | null;
  responsible: string; description: string; need: bigint | null; allocated: bigint | null;
};

function issuesTable(c: ExportContext): ExportTable {
  const nameCol = Prisma.raw(c.lang === 'kk' ? 'name_kk' : c.lang === 'en' ? 'name_en' : 'name_ru');
  const f = c.filter;
  const to = f.asOf < f.period.to ? f.asOf : f.period.to;
  // The caller's scope on the meeting; the filter's conditions as the statistics apply them,
  // except the line: a records export lists central officials' issues too unless a level is chosen.
  const conditions = f.bodyId === null && f.level === null
    ? Prisma.sql`i.deleted_at IS NULL AND ${meetingConditions(f)} ${f.categoryId === null ? Prisma.empty : Prisma.sql`AND i.category_id = ${f.categoryId}`}`
    : issueConditions(f);
  return {
    name: 'issues',
    columns: [
      col('id', 'int', 10), col('raisedOn', 'date', 12), col('meeting', 'int', 10), col('kind', 'text', 16), col('kato', 'text', 12), col('region', 'text', 30),
      col('category', 'text', 36), col('status', 'text', 24), col('resolvedOn', 'date', 12), col('responsible', 'text', 14), col('description', 'text', 60),
      col('needKzt', 'kzt', 18), col('allocatedKzt', 'kzt', 18),
    ],
    pages: async function* () {
      for (const kind of kindsOf(f)) {
        let after: Keyset | null = null;
        for (;;) {
          const rows: IssueRow[] = await statsDb().$queryRaw<IssueRow[]>`
            SELECT i.id, i.raised_on, i.meeting_id, i.meeting_kind::text AS kind, r.kato, r.${nameCol} AS region, c.${nameCol} AS category, i.status::text,
              i.resolved_on, i.responsible_level::text AS responsible, i.description, money.need, money.allocated
            FROM raised_issue i JOIN meeting m ON m.id = i.meeting_id JOIN region r ON r.id = i.region_id JOIN issue_category c ON c.id = i.category_id
            LEFT JOIN LATERAL (
              SELECT sum(b.amount_kzt) FILTER (WHERE b.kind = 'NEED') AS need, sum(b.amount_kzt) FILTER (WHERE b.kind = 'ALLOCATED') AS allocated
              FROM budget_allocation b WHERE b.issue_id = i.id AND b.source = 'LOCAL'
            ) money ON true
            WHERE i.meeting_kind = ${kind}::"MeetingKind" AND ${meetingScopeSql(c.caller)} AND ${conditions}
              AND i.raised_on BETWEEN ${f.period.from}::date AND ${to}::date ${afterKey(Prisma.sql`i.raised_on`, Prisma.sql`i.id`, after)}
            ORDER BY i.raised_on, i.id LIMIT ${PAGE_SIZE}`;
          if (rows.length === 0) break;
          after = { on: rows.at(-1)!.raised_on, id: rows.at(-1)!.id };
          yield rows.map((i) => [
            i.id, i.raised_on, i.meeting_id, c.t(`codes.meetingKind.${i.kind}`), i.kato, i.region, i.category, c.t(`codes.issueStatus.${i.status}`), i.resolved_on,
            c.t(`exports.responsible.${i.responsible}`), i.description, i.need === null ? null : Number(i.need), i.allocated === null ? null : Number(i.allocated),
          ]);
          if (rows.length < PAGE_SIZE) break;
        }
      }
    },
  };
}

export async function exportTable(name: TableName, c: ExportContext): Promise<ExportTable> {
  switch (name) {
    case 'summary': return summaryTable(c);
    case 'regions': return regionsTable(c);
    case 'categories': return categoriesTable(c);
    case 'budget': return budgetTable(c);
    case 'escalations': return escalationsTable(c);
    case 'budget-requests': return budgetRequestsTable(c);
    case 'central': return centralTable(c);
    case 'action-plans': return actionPlansTable(c);
    case 'meetings': return meetingsTable(c);
    case 'issues': return issuesTable(c);
  }
}
