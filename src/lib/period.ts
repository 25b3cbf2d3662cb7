import { z } from 'zod';
import { halfYearCodeOf, isoDayOf } from './calendar';

// Reporting periods: a year, a half-year (H1 = Jan–Jun, H2 = Jul–Dec), a quarter,
// or any inclusive date range. All are inclusive ranges of calendar dates.

export type PeriodKind = 'year' | 'half' | 'quarter' | 'range';
export type Period = { kind: PeriodKind; code: string; from: string; to: string; year?: number; index?: number };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function monthsPeriod(kind: PeriodKind, code: string, year: number, firstMonth: number, months: number, index?: number): Period {
  const endMonth = firstMonth + months - 1;
  return { kind, code, year, index, from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(endMonth)}-${pad(lastDay(year, endMonth))}` };
}

export const PERIOD_CODE = /^(\d{4})(?:-(H[12]|Q[1-4]))?$/;

/** Parses `2022`, `2022-H1`, `2022-H2` or `2022-Q3`; null when the code is not one of those. */
export function parsePeriod(code: string): Period | null {
  const match = PERIOD_CODE.exec(code.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) return null;
  const part = match[2];
  if (!part) return monthsPeriod('year', `${year}`, year, 1, 12);
  const n = Number(part.slice(1));
  if (part.startsWith('H')) return monthsPeriod('half', `${year}-H${n}`, year, n === 1 ? 1 : 7, 6, n);
  return monthsPeriod('quarter', `${year}-Q${n}`, year, (n - 1) * 3 + 1, 3, n);
}

export const isoDate = z.iso.date();

export function dateRangePeriod(from: string, to: string): Period | null {
  if (!isoDate.safeParse(from).success || !isoDate.safeParse(to).success || from > to) return null;
  return { kind: 'range', code: `${from}..${to}`, from, to };
}

/** The half-year that contains a date, as a period. */
export const halfOf = (date: string): Period => parsePeriod(halfYearCodeOf(date)) as Period;

/** The period of equal length just before: the previous year, half, quarter, or the same number of days. */
export function previousPeriod(p: Period): Period {
  // Built directly, not through parsePeriod: the period before 2000 lies outside the years it accepts.
  if (p.kind === 'year' && p.year) return monthsPeriod('year', `${p.year - 1}`, p.year - 1, 1, 12);
  if (p.kind === 'half' && p.year && p.index) {
    const [year, n] = p.index === 1 ? [p.year - 1, 2] : [p.year, 1];
    return monthsPeriod('half', `${year}-H${n}`, year, n === 1 ? 1 : 7, 6, n);
  }
  if (p.kind === 'quarter' && p.year && p.index) {
    const [year, n] = p.index === 1 ? [p.year - 1, 4] : [p.year, p.index - 1];
    return monthsPeriod('quarter', `${year}-Q${n}`, year, (n - 1) * 3 + 1, 3, n);
  }
  const day = 86_400_000;
  const from = Date.parse(`${p.from}T00:00:00Z`);
  const to = Date.parse(`${p.to}T00:00:00Z`);
  const length = (to - from) / day + 1;
  const iso = (t: number) => isoDayOf(new Date(t));
  return { kind: 'range', code: `${iso(from - length * day)}..${iso(from - day)}`, from: iso(from - length * day), to: iso(from - day) };
}

/** What a period's figures are compared with: the period just before, or the same period a year earlier. */
export const COMPARES = ['previous', 'yearAgo'] as const;
export type Compare = (typeof COMPARES)[number];

const isoDay = (year: number, month: number, day: number) => `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;

/**
 * A date `months` months away, the day kept where the month has it and clamped to the month's
 * end where it has not (2024-02-29 − 12 months = 2023-02-28). With `monthEnd`, a month's last
 * day stays its month's last day (2025-02-28 − 12 months = 2024-02-29), so a range of whole
 * months shifts to whole months.
 */
export function shiftMonths(date: string, months: number, monthEnd = false): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = lastDay(year, month);
  const day = monthEnd && d === lastDay(y, m) ? last : Math.min(d, last);
  return isoDay(year, month, day);
}

/** The same period a year earlier: 2022-H2 → 2021-H2, 2022-Q3 → 2021-Q3, a from..to range shifted by 12 months. */
export function yearAgoPeriod(p: Period): Period {
  // Built directly, as previousPeriod is: a year before 2000 lies outside what parsePeriod accepts.
  if (p.kind === 'year' && p.year) return monthsPeriod('year', `${p.year - 1}`, p.year - 1, 1, 12);
  if (p.kind === 'half' && p.year && p.index) return monthsPeriod('half', `${p.year - 1}-H${p.index}`, p.year - 1, p.index === 1 ? 1 : 7, 6, p.index);
  if (p.kind === 'quarter' && p.year && p.index) {
    return monthsPeriod('quarter', `${p.year - 1}-Q${p.index}`, p.year - 1, (p.index - 1) * 3 + 1, 3, p.index);
  }
  const from = shiftMonths(p.from, -12);
  const to = shiftMonths(p.to, -12, true);
  return { kind: 'range', code: `${from}..${to}`, from, to };
}

/** The period a period is compared with. */
export const comparedPeriod = (p: Period, compare: Compare): Period => (compare === 'yearAgo' ? yearAgoPeriod(p) : previousPeriod(p));
