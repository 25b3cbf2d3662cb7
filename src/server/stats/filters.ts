import 'server-only';
import { z } from 'zod';
import { Prisma } from '@/generated/prisma/client';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors';
import { bodyCode, categoryCode, isoDayParam, katoCode, optional } from '@/server/list-params';
import { todayInKazakhstan } from '@/lib/calendar';
import { categoryIdOf, centralBodyIdOf, regionIdOf } from '@/server/reference-codes';
import { COMPARES, type Compare, type Period, dateRangePeriod, parsePeriod } from '@/lib/period';

// The filters every statistic takes, parsed from the API's query string (or a page's
// search params) by one schema, then turned into ids and SQL conditions.

export const LEVELS = ['REGION', 'DISTRICT', 'RURAL'] as const;

export const statsQuerySchema = z
  .object({
    period: optional(z.string().max(16).refine((v) => parsePeriod(v) !== null, 'must be a year (2022), half-year (2022-H2) or quarter (2022-Q3)')),
    from: optional(isoDayParam),
    to: optional(isoDayParam),
    region: optional(katoCode),
    unit: optional(z.string().regex(/^\d{5,16}$/, 'must be a unit code')),
    category: optional(categoryCode),
    level: optional(z.enum(LEVELS, { message: 'must be REGION, DISTRICT or RURAL' })),
    body: optional(bodyCode),
    asOf: optional(isoDayParam),
    lang: optional(z.enum(['ru', 'kk', 'en'], { message: 'must be ru, kk or en' })),
    compare: optional(z.enum(COMPARES, { message: 'must be previous or yearAgo' })),
  })
  .superRefine((q, ctx) => {
    if (q.period && (q.from || q.to)) ctx.addIssue({ code: 'custom', path: ['period'], message: 'give either period or from and to, not both' });
    if (!q.period && Boolean(q.from) !== Boolean(q.to)) ctx.addIssue({ code: 'custom', path: [q.from ? 'to' : 'from'], message: 'from and to go together' });
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  });

export type StatsQuery = z.infer<typeof statsQuerySchema>;

/** What the figures are compared with: a separate argument beside the filter, `previous` unless asked. */
export const compareOf = (q: Pick<StatsQuery, 'compare'>): Compare => q.compare ?? 'previous';

export type StatsFilter = {
  period: Period;
  /** Statuses, money and dispositions are read as they stood on this date. */
  asOf: string;
  /** asOf, or the period's end when that comes first: "resolved during" is judged there. */
  judgedOn: string;
  regionId: number | null;
  unitId: number | null;
  categoryId: number | null;
  level: (typeof LEVELS)[number] | null;
  bodyId: number | null;
};

/** Turns parsed parameters into ids; a well-formed code that names nothing is a 400 for that parameter. */
export async function resolveStatsFilter(q: StatsQuery, defaultPeriod: () => Promise<Period>): Promise<StatsFilter> {
  const period = q.period ? (parsePeriod(q.period) as Period) : q.from && q.to ? (dateRangePeriod(q.from, q.to) as Period) : await defaultPeriod();
  const today = todayInKazakhstan();
  const asOf = q.asOf ?? (period.to < today ? period.to : today);
  const [regionId, categoryId, bodyId, unitId] = await Promise.all([
    q.region ? regionIdOf(q.region) : null,
    q.category ? categoryIdOf(q.category) : null,
    q.body ? centralBodyIdOf(q.body) : null,
    q.unit ? unitIdOf(q.unit) : null,
  ]);
  return { period, asOf, judgedOn: asOf < period.to ? asOf : period.to, regionId, unitId, categoryId, level: q.level ?? null, bodyId };
}

async function unitIdOf(code: string): Promise<number> {
  const row = await db().adminUnit.findUnique({ where: { code }, select: { id: true } });
  if (!row) throw new AppError('VALIDATION', 'unknown unit', { unit: 'unknown unit code' });
  return row.id;
}

/** Meetings `m` of a unit or its rural districts: one list of ids, so the (unit_id, held_on) index is entered per unit. */
export const unitCondition = (unitId: number) =>
  Prisma.sql`m.unit_id IN (SELECT id FROM admin_unit WHERE id = ${unitId} OR parent_id = ${unitId})`;

/** Conditions on a meeting row aliased `m`: region, unit (or its rural districts), level, body. */
export function meetingConditions(f: StatsFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`m.deleted_at IS NULL`];
  if (f.regionId !== null) parts.push(Prisma.sql`m.region_id = ${f.regionId}`);
  if (f.unitId !== null) parts.push(unitCondition(f.unitId));
  if (f.level !== null) parts.push(Prisma.sql`m.akim_level = ${f.level}::"AkimLevel"`);
  if (f.bodyId !== null) parts.push(Prisma.sql`m.central_body_id = ${f.bodyId}`);
  return Prisma.join(parts, ' AND ');
}

/** The meeting kind a figure counts: a body's meetings when a body is chosen, otherwise akims'. */
export const lineKind = (f: StatsFilter) => (f.bodyId !== null ? Prisma.sql`'CENTRAL'::"MeetingKind"` : Prisma.sql`'AKIM'::"MeetingKind"`);

/** Conditions on an issue `i` joined to its meeting `m`. */
export function issueConditions(f: StatsFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`i.deleted_at IS NULL`, Prisma.sql`i.meeting_kind = ${lineKind(f)}`, meetingConditions(f)];
  if (f.categoryId !== null) parts.push(Prisma.sql`i.category_id = ${f.categoryId}`);
  return Prisma.join(parts, ' AND ');
}

/** The national filter of a period: no region, category, level or body. */
export function nationalFilter(period: Period, asOf?: string): StatsFilter {
  const today = todayInKazakhstan();
  const on = asOf ?? (period.to < today ? period.to : today);
  return { period, asOf: on, judgedOn: on < period.to ? on : period.to, regionId: null, unitId: null, categoryId: null, level: null, bodyId: null };
}
