// Business dates are plain 'YYYY-MM-DD' strings here; arithmetic goes through UTC.
export type IsoDate = string;

const DAY = 86_400_000;

export const toDate = (d: IsoDate) => new Date(`${d}T00:00:00Z`);
export const fromDate = (d: Date): IsoDate => d.toISOString().slice(0, 10);
export const addDays = (d: IsoDate, days: number): IsoDate => fromDate(new Date(toDate(d).getTime() + days * DAY));
export const daysBetween = (from: IsoDate, to: IsoDate) => Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY);
export const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
export const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

export function halfBounds(year: number, half: 1 | 2): { start: IsoDate; end: IsoDate } {
  return half === 1 ? { start: `${year}-01-01`, end: `${year}-06-30` } : { start: `${year}-07-01`, end: `${year}-12-31` };
}

export function monthBounds(year: number, month: number): { start: IsoDate; end: IsoDate } {
  const start = `${year}-${String(month).padStart(2, '0')}-01`;
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { start, end: addDays(next, -1) };
}
