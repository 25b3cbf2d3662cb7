import { z } from 'zod';
import { AkimLevel, MeetingKind } from '@/generated/prisma/enums';
import { parsePeriod } from '@/lib/period';
import { isoDayOf } from '@/lib/calendar';

// Pieces shared by the JSON API's list and detail parameters: record ids, codes, page size
// and the opaque keyset cursor. Every string is checked by shape before it reaches SQL.

const INT4_MAX = 2_147_483_647;

/** A record id in a path: digits only, within PostgreSQL's integer. */
export const recordId = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'must be a positive integer')
  .transform(Number)
  .refine((n) => n <= INT4_MAX, 'must be a positive integer');

export const recordIdParams = z.object({ id: recordId });

/** Query-string values arrive as strings; an empty one counts as absent. */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const katoCode = z.string().regex(/^\d{9}$/, 'must be a 9-digit KATO code');
export const bodyCode = z.string().regex(/^[A-Z][A-Z0-9_]{0,31}$/, 'must be a central body code');
export const categoryCode = z.string().regex(/^[A-Z][A-Z0-9_]{0,39}$/, 'must be an issue category code');
/** The years a date parameter may name. Zod's date format takes any four-digit year, but PostgreSQL
 * has no year 0 and the previous period of a long range must stay in years it can store. */
export const DAY_RANGE = { min: '1900-01-01', max: '2199-12-31' } as const;
export const isoDayParam = z.iso
  .date('must be a date YYYY-MM-DD')
  .refine((d) => d >= DAY_RANGE.min && d <= DAY_RANGE.max, `must be a date from ${DAY_RANGE.min} to ${DAY_RANGE.max}`);

/** Free-text search, as the /meetings and /issues pages take it: trimmed, 2 to 100 characters. */
export const searchQuery = z.string().trim().min(2, 'must be 2 to 100 characters').max(100, 'must be 2 to 100 characters');

/**
 * A case-insensitive substring condition that reads the search text literally: `%`, `_` and `\`
 * are LIKE's wildcards and escape, so each is escaped (PostgreSQL's default escape is `\`).
 */
export const containsText = (q: string) => ({ contains: q.replace(/[\\%_]/g, '\\$&'), mode: 'insensitive' as const });

export const pageLimit = z
  .string()
  .regex(/^\d{1,3}$/, 'must be an integer from 1 to 200')
  .transform(Number)
  .pipe(z.number().int().min(1, 'must be an integer from 1 to 200').max(200, 'must be an integer from 1 to 200'));

export const DEFAULT_LIMIT = 50;

/** Where a page ended: the sort it was read in, the last row's date and id. */
export type Cursor = { sort: string; on: string; id: number };

export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.sort, c.on, c.id])).toString('base64url');

const cursorTuple = z.tuple([z.string().max(16), isoDayParam, z.number().int().min(1).max(INT4_MAX)]);

export const cursorParam = z
  .string()
  .max(200)
  .transform((raw, ctx): Cursor => {
    try {
      const [sort, on, id] = cursorTuple.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
      return { sort, on, id };
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not a cursor from this list' });
      return z.NEVER;
    }
  });

/** Query-string parameters as a plain object; a repeated name keeps its last value. */
export const searchParamsOf = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);

export const dayStart = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/**
 * The inclusive date window of a list: a reporting period (already parsed) or from/to,
 * not both. Issues are added to `ctx` under the parameter's name.
 */
export function dateWindow(
  p: { period?: { from: string; to: string }; from?: string; to?: string },
  ctx: z.RefinementCtx,
): { from?: string; to?: string } {
  if (p.period && (p.from || p.to)) ctx.addIssue({ code: 'custom', path: ['period'], message: 'give either period or from/to, not both' });
  if (p.from && p.to && p.from > p.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  return p.period ? { from: p.period.from, to: p.period.to } : { from: p.from, to: p.to };
}

/** Rejects a cursor read in another sort order than the one asked for now. */
export function checkCursorSort(cursor: Cursor | undefined, sort: string, ctx: z.RefinementCtx): void {
  if (cursor && cursor.sort !== sort) ctx.addIssue({ code: 'custom', path: ['cursor'], message: 'cursor belongs to another sort order' });
}

/** A period code (2022, 2022-H1, 2022-Q3), parsed into its inclusive date range. */
export const periodCode = z
  .string()
  .max(16)
  .transform((code, ctx) => {
    const period = parsePeriod(code);
    if (period) return period;
    ctx.addIssue({ code: 'custom', message: 'must be a period such as 2022, 2022-H1 or 2022-Q3' });
    return z.NEVER;
  });

/** One page of a keyset listing read with `limit + 1` rows, and the cursor of the next page if any. */
export function keysetPage<T extends { id: number }>(rows: T[], limit: number, sort: string, dateOf: (row: T) => Date) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ sort, on: isoDayOf(dateOf(last)), id: last.id }) : null;
  return { page, nextCursor };
}

// The meeting and issue lists filter and page alike; each adds its own filters and sorts
// between these two groups, so the parameters keep the order the API documents them in.

/** Filters by the meeting a record belongs to: its dates (a period or from/to), region, kind, akim level and body. */
export const meetingFilterParams = {
  period: optional(periodCode),
  from: optional(isoDayParam),
  to: optional(isoDayParam),
  region: optional(katoCode),
  kind: optional(z.enum(MeetingKind, 'must be AKIM or CENTRAL')),
  level: optional(z.enum(AkimLevel, 'must be REGION, DISTRICT or RURAL')),
  body: optional(bodyCode),
  q: optional(searchQuery),
};

/** The page size and the cursor of a keyset listing. */
export const keysetPageParams = {
  limit: optional(pageLimit),
  cursor: optional(cursorParam),
};

type MeetingFilterInput = {
  period?: { from: string; to: string };
  from?: string;
  to?: string;
  region?: string;
  kind?: MeetingKind;
  level?: AkimLevel;
  body?: string;
  q?: string;
};

/** The parsed meeting filters as the date window, codes and search text a list query takes. */
export function meetingFilters(p: MeetingFilterInput, ctx: z.RefinementCtx) {
  return { ...dateWindow(p, ctx), region: p.region, kind: p.kind, level: p.level, body: p.body, q: p.q };
}

/** The sort (or its default), checked against the cursor's, with the page size and cursor. */
export function pageRequest<S extends string>(p: { sort?: S; limit?: number; cursor?: Cursor }, defaultSort: S, ctx: z.RefinementCtx) {
  const sort = p.sort ?? defaultSort;
  checkCursorSort(p.cursor, sort, ctx);
  return { sort, limit: p.limit ?? DEFAULT_LIMIT, cursor: p.cursor };
}
