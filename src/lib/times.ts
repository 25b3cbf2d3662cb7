// When a change is said as "N times" («в 2,3 раза больше», «в 1,8 раза меньше»), as the
// briefing says it: only where one value is at least 1.5 times the other; the factor is the
// larger over the smaller, rounded half up to one decimal, with the direction of the change.

/** The larger value must be at least this many times the smaller. */
export const TIMES_FROM = 1.5;

export type TimesChange = { direction: 'more' | 'less'; factor: number };

/** Rounds half up to one decimal, through a string of limited precision (2.25 → 2.3, not 2.2). */
export const roundToTenth = (n: number) => Math.round(Number((n * 10).toPrecision(12))) / 10;

/** How many times `now` is `before`, or the other way round; null when either is missing or not positive, or the two are closer than 1.5 times. */
export function timesChange(now: number | null | undefined, before: number | null | undefined): TimesChange | null {
  if (now == null || before == null || !Number.isFinite(now) || !Number.isFinite(before) || now <= 0 || before <= 0) return null;
  const [larger, smaller] = now >= before ? [now, before] : [before, now];
  if (larger < TIMES_FROM * smaller) return null;
  return { direction: now > before ? 'more' : 'less', factor: roundToTenth(larger / smaller) };
}
