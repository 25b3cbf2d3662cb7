// How a statistic splits between the monthly summaries and the raw rows. The summaries hold
// whole calendar months; a period that starts on a month's first day reads its whole months
// there and only the days after them (and the changes after the last month end before asOf)
// from the raw rows. Pure date arithmetic on ISO dates, so it is unit-tested on its own.

import { isoDayOf } from '@/lib/calendar';

const DAY = 86_400_000;
const toTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (t: number) => isoDayOf(new Date(t));

export const monthStart = (iso: string) => `${iso.slice(0, 7)}-01`;
export const addDays = (iso: string, n: number) => toIso(toTime(iso) + n * DAY);
export const isMonthEnd = (iso: string) => addDays(iso, 1).endsWith('-01');
export const addMonths = (month: string, n: number) => {
  const d = new Date(toTime(month));
  d.setUTCMonth(d.getUTCMonth() + n);
  return toIso(d.getTime());
};
/** Whole months from month a to month b (both first days); negative when b is before a. */
export const monthsBetween = (a: string, b: string) =>
  (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));

/** The last month (its first day) whose end is on or before `on`. */
export const lastClosedMonth = (on: string) => (isMonthEnd(on) ? monthStart(on) : addMonths(monthStart(on), -1));

export type DayRange = { from: string; to: string };

export type MonthPlan = {
  /** Whole months of the raised (or held) range, as first days: read from the summaries. */
  months: { first: string; last: string } | null;
  /** The days after them, up to the range's end: read raw. */
  tail: DayRange | null;
};

/**
 * Splits [from, to] into whole months and a raw tail, or null when `from` is not a month's first
 * day (the whole range is then read raw; the reports' periods all start on one).
 */
export function splitMonths(from: string, to: string): MonthPlan | null {
  if (!from.endsWith('-01')) return null;
  if (to < from) return { months: null, tail: null };
  const last = lastClosedMonth(to);
  const months = last >= from ? { first: from, last } : null;
  const tail = isMonthEnd(to) ? null : { from: monthStart(to) > from ? monthStart(to) : from, to };
  return { months, tail };
}

/**
 * A state "as of" a date, read from summaries that hold month ends: the month whose end is read
 * there, and the raw changes after it up to the date (null when the date is a month end).
 */
export function asOfPlan(on: string): { month: string; changes: DayRange | null } {
  return { month: lastClosedMonth(on), changes: isMonthEnd(on) ? null : { from: monthStart(on), to: on } };
}

/**
 * Whether to read a state at the end of `month` as "every change up to it" (false) or as "the
 * current totals less the changes after it" (true): whichever scans fewer months of summary rows.
 */
export const readBackwards = (rangeMonths: number, month: string, today: string) =>
  monthsBetween(month, monthStart(today)) < rangeMonths;

export type MonthRange = { first: string; last: string };

/**
 * Splits a range of months (first days) into the whole calendar years inside it, read from the
 * summaries' year rows, and the months before and after them, read from the month rows.
 */
export function splitYears(r: MonthRange): { years: MonthRange | null; edges: MonthRange[] } {
  const firstYear = Number(r.first.slice(5, 7)) === 1 ? Number(r.first.slice(0, 4)) : Number(r.first.slice(0, 4)) + 1;
  const lastYear = Number(r.last.slice(5, 7)) === 12 ? Number(r.last.slice(0, 4)) : Number(r.last.slice(0, 4)) - 1;
  if (r.last < r.first) return { years: null, edges: [] };
  if (firstYear > lastYear) return { years: null, edges: [r] };
  const years = { first: `${firstYear}-01-01`, last: `${lastYear}-01-01` };
  const edges: MonthRange[] = [];
  if (r.first < years.first) edges.push({ first: r.first, last: `${firstYear - 1}-12-01` });
  if (r.last > `${lastYear}-12-01`) edges.push({ first: `${lastYear + 1}-01-01`, last: r.last });
  return { years, edges };
}

export type ReadPlan = {
  /** Issues raised (and meetings held) from the period's start to the earlier of asOf and its end. */
  raised: DayRange;
  /** That range in whole months and a raw tail; null when it is read wholly raw. */
  split: MonthPlan | null;
  /** States on asOf, and "resolved during" judged on judgedOn: month ends from the summaries, then raw changes. */
  asOf: { month: string; changes: DayRange | null };
  judged: { month: string; changes: DayRange | null };
};

/**
 * The one plan every figure of a filter reads by: which months come from the summaries and which
 * days and changes from the raw rows. `summaries` is false when the filter has a dimension they lack.
 */
export function planRead(p: { from: string; to: string; asOf: string; judgedOn: string }, summaries: boolean): ReadPlan {
  const raised = { from: p.from, to: p.asOf < p.to ? p.asOf : p.to };
  return {
    raised,
    split: summaries && p.asOf >= p.from ? splitMonths(raised.from, raised.to) : null,
    asOf: asOfPlan(p.asOf),
    judged: asOfPlan(p.judgedOn),
  };
}

/** The last day of a month given by its first day. */
export const monthEnd = (month: string) => addDays(addMonths(month, 1), -1);
