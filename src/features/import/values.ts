// Cell values as people type them in ru/kk spreadsheets: "1 234 567,50" (space or no-break
// space thousands, decimal comma), dates "dd.mm.yyyy". XLSX cells may already hold numbers
// and dates. Each parser answers a value or null for "does not parse"; empty is undefined.

import { isoDayOf } from '@/lib/calendar';

export type Cell = string | number | Date | boolean | null | undefined;

const SPACES = /[\s\u00a0\u202f\u2007]/g;

export const cellText = (cell: Cell): string => {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return isoDayOf(cell);
  return String(cell).replace(/[\u00a0\u202f]/g, ' ').trim();
};

export const isBlank = (cell: Cell) => cellText(cell) === '';

/** A non-negative amount in whole tenge; kopecks must be zero ("1 500,00" is 1500). */
export function parseAmount(cell: Cell): number | null | undefined {
  if (isBlank(cell)) return undefined;
  if (typeof cell === 'number') return Number.isSafeInteger(cell) && cell >= 0 ? cell : null;
  const s = cellText(cell).replace(SPACES, '').replace(/['’]/g, '');
  // One decimal mark, comma or point, with at most two digits after it.
  const m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return null;
  if (m[2] && Number(m[2]) !== 0) return null;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) ? n : null;
}

/** A non-negative whole number (counts, issue numbers). */
export function parseCount(cell: Cell): number | null | undefined {
  const n = parseAmount(cell);
  return n === undefined || n === null ? n : n;
}

const iso = (y: number, m: number, d: number): string | null => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

/** A calendar date as 'YYYY-MM-DD': from dd.mm.yyyy (also dd/mm/yyyy, d.m.yy), ISO, or an XLSX date cell. */
export function parseDay(cell: Cell): string | null | undefined {
  if (isBlank(cell)) return undefined;
  if (cell instanceof Date) {
    // exceljs gives dates as UTC midnight of the calendar day shown in the sheet.
    return iso(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === 'number') {
    // A date the sheet stored as a serial number (days since 1899-12-30), as the streaming reader gives
    // date cells; a fraction is the time of day, which the date does not need.
    if (cell < 1 || cell >= 100_000) return null;
    const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(cell) * 86_400_000);
    return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  const s = cellText(cell);
  let m = /^(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})(?:\s.*)?$/.exec(s);
  if (m) {
    const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return iso(y, Number(m[2]), Number(m[1]));
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/** For matching names and labels: case, ё, quotes and runs of spaces do not matter. */
export const normalizeName = (s: string) =>
  s.replace(SPACES, ' ').replace(/[«»"“”]/g, '').trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
