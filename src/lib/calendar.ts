// The one calendar: half-years and quarters of a day, ISO days, and "today" in Kazakhstan.
// Days are ISO strings (YYYY-MM-DD); a Date stands for the UTC day it starts, as Prisma
// returns @db.Date columns.

export type HalfYear = { year: number; half: 1 | 2 };
export type Quarter = { year: number; quarter: 1 | 2 | 3 | 4 };

/** The ISO day of a Date, read in UTC: a @db.Date value's own day. */
export const isoDayOf = (d: Date): string => d.toISOString().slice(0, 10);

/** A nullable date column as an ISO day or null. */
export const isoDayOrNull = (d: Date | null | undefined): string | null => (d ? isoDayOf(d) : null);

const dayString = (day: string | Date) => (typeof day === 'string' ? day : isoDayOf(day));

/** The half-year that contains a day: January–June is 1, July–December is 2. */
export function halfYearOf(day: string | Date): HalfYear {
  const iso = dayString(day);
  return { year: Number(iso.slice(0, 4)), half: Number(iso.slice(5, 7)) <= 6 ? 1 : 2 };
}

/** A half-year's code, such as 2022-H2. */
export const halfYearCode = (p: HalfYear): string => `${p.year}-H${p.half}`;

/** The code of the half-year that contains a day. */
export const halfYearCodeOf = (day: string | Date): string => halfYearCode(halfYearOf(day));

/** The half-year after. */
export const nextHalfYear = (p: HalfYear): HalfYear => (p.half === 1 ? { year: p.year, half: 2 } : { year: p.year + 1, half: 1 });

/** A half-year's first day. */
export const halfYearStart = (p: HalfYear): string => `${String(p.year).padStart(4, '0')}-${p.half === 1 ? '01' : '07'}-01`;

/** The quarter that contains a day. */
export function quarterOf(day: string | Date): Quarter {
  const iso = dayString(day);
  return { year: Number(iso.slice(0, 4)), quarter: Math.ceil(Number(iso.slice(5, 7)) / 3) as Quarter['quarter'] };
}

// On 1 March 2024 at 00:00 Astana time (UTC+6) the whole country moved to UTC+5. The rule is
// written out here rather than read from the machine's tz data, which may predate the change.
const ONE_ZONE_SINCE = Date.UTC(2024, 1, 29, 18); // 2024-03-01 00:00 at UTC+6
const HOUR = 3_600_000;

/** Astana's offset from UTC, in hours, at an instant. */
export const astanaOffsetHours = (at: Date): 5 | 6 => (at.getTime() < ONE_ZONE_SINCE ? 6 : 5);

/** The calendar day in Astana at an instant (now by default), as YYYY-MM-DD. */
export const todayInKazakhstan = (now: Date = new Date()): string => isoDayOf(new Date(now.getTime() + astanaOffsetHours(now) * HOUR));

/** The instant an Astana calendar day begins. */
export const astanaDayStart = (day: string): Date => new Date(`${day}T00:00:00${day < '2024-03-01' ? '+06:00' : '+05:00'}`);

/** The day after an ISO day. */
export const nextIsoDay = (day: string): string => isoDayOf(new Date(Date.parse(`${day}T00:00:00Z`) + 24 * HOUR));

/** An instant shifted so that its UTC fields read Astana's wall clock: for formatting without tz data. */
export const astanaWallClock = (at: Date): Date => new Date(at.getTime() + astanaOffsetHours(at) * HOUR);
