import { describe, expect, it } from 'vitest';
import { asOfPlan, isMonthEnd, lastClosedMonth, monthsBetween, readBackwards, splitMonths, splitYears } from '@/server/stats/queries/month-plan';

describe('splitting a period between the monthly summaries and the raw rows', () => {
  it('reads a half-year wholly from the summaries', () => {
    expect(splitMonths('2022-07-01', '2022-12-31')).toEqual({ months: { first: '2022-07-01', last: '2022-12-01' }, tail: null });
  });

  it('reads the days after the last whole month raw', () => {
    expect(splitMonths('2026-07-01', '2026-11-27')).toEqual({ months: { first: '2026-07-01', last: '2026-10-01' }, tail: { from: '2026-11-01', to: '2026-11-27' } });
  });

  it('reads a first month that has not ended raw', () => {
    expect(splitMonths('2026-11-01', '2026-11-27')).toEqual({ months: null, tail: { from: '2026-11-01', to: '2026-11-27' } });
  });

  it('gives nothing to read for an empty range, and leaves a mid-month start to the raw rows', () => {
    expect(splitMonths('2022-07-01', '2022-06-30')).toEqual({ months: null, tail: null });
    expect(splitMonths('2022-07-02', '2022-12-31')).toBeNull();
  });

  it('reads a state as of a month end from the summaries alone, and corrects any other date with that month’s changes', () => {
    expect(asOfPlan('2022-12-31')).toEqual({ month: '2022-12-01', changes: null });
    expect(asOfPlan('2024-02-29')).toEqual({ month: '2024-02-01', changes: null });
    expect(asOfPlan('2023-03-15')).toEqual({ month: '2023-02-01', changes: { from: '2023-03-01', to: '2023-03-15' } });
    expect(asOfPlan('2023-01-01')).toEqual({ month: '2022-12-01', changes: { from: '2023-01-01', to: '2023-01-01' } });
  });

  it('knows month ends, leap years included', () => {
    expect(['2023-02-28', '2024-02-29', '2022-12-31'].map(isMonthEnd)).toEqual([true, true, true]);
    expect(['2024-02-28', '2022-12-30'].map(isMonthEnd)).toEqual([false, false]);
    expect(lastClosedMonth('2022-01-10')).toBe('2021-12-01');
    expect(monthsBetween('2016-01-01', '2025-12-01')).toBe(119);
  });

  it('reads ten years backwards from the current totals, and one half-year forwards', () => {
    expect(readBackwards(120, '2025-12-01', '2026-11-27')).toBe(true);
    expect(readBackwards(6, '2025-06-01', '2026-11-27')).toBe(false);
  });
});

describe('splitting whole months between the year rows and the month rows', () => {
  it('reads whole years from the year rows and the months around them from the month rows', () => {
    expect(splitYears({ first: '2015-07-01', last: '2025-03-01' })).toEqual({
      years: { first: '2016-01-01', last: '2024-01-01' },
      edges: [{ first: '2015-07-01', last: '2015-12-01' }, { first: '2025-01-01', last: '2025-03-01' }],
    });
    expect(splitYears({ first: '2016-01-01', last: '2025-12-01' })).toEqual({ years: { first: '2016-01-01', last: '2025-01-01' }, edges: [] });
  });

  it('reads a range without a whole year, or across a year end, from the month rows only', () => {
    expect(splitYears({ first: '2022-07-01', last: '2022-12-01' })).toEqual({ years: null, edges: [{ first: '2022-07-01', last: '2022-12-01' }] });
    expect(splitYears({ first: '2022-02-01', last: '2023-11-01' })).toEqual({ years: null, edges: [{ first: '2022-02-01', last: '2023-11-01' }] });
  });

  it('gives nothing for an empty range', () => {
    expect(splitYears({ first: '2022-07-01', last: '2022-06-01' })).toEqual({ years: null, edges: [] });
  });
});
