import { describe, expect, it } from 'vitest';
import { comparedPeriod, dateRangePeriod, halfOf, parsePeriod, previousPeriod, shiftMonths, yearAgoPeriod, type Period } from '@/lib/period';

const range = (p: Period | null) => (p ? { kind: p.kind, code: p.code, from: p.from, to: p.to } : null);

describe('parsePeriod', () => {
  it.each([
    ['2022', 'year', '2022-01-01', '2022-12-31'],
    ['2022-H1', 'half', '2022-01-01', '2022-06-30'],
    ['2022-H2', 'half', '2022-07-01', '2022-12-31'],
    ['2022-Q1', 'quarter', '2022-01-01', '2022-03-31'],
    ['2022-Q2', 'quarter', '2022-04-01', '2022-06-30'],
    ['2022-Q3', 'quarter', '2022-07-01', '2022-09-30'],
    ['2022-Q4', 'quarter', '2022-10-01', '2022-12-31'],
    ['2024-Q1', 'quarter', '2024-01-01', '2024-03-31'],
    ['2000', 'year', '2000-01-01', '2000-12-31'],
    ['2100-H2', 'half', '2100-07-01', '2100-12-31'],
  ])('%s is a %s from %s to %s', (code, kind, from, to) => {
    expect(range(parsePeriod(code))).toEqual({ kind, code, from, to });
  });

  it('records year and index', () => {
    expect(parsePeriod('2022-Q3')).toMatchObject({ year: 2022, index: 3 });
    expect(parsePeriod('2022-H2')).toMatchObject({ year: 2022, index: 2 });
    expect(parsePeriod('2022')).toMatchObject({ year: 2022, index: undefined });
  });

  it('trims surrounding whitespace', () => expect(parsePeriod(' 2022-H1 ')?.code).toBe('2022-H1'));

  it.each(['abc', '', '2022-H3', '2022-H0', '2022-Q5', '2022-Q0', '22', '20222', '2022-h1', '2022-q1', '2022-', '2022-H1-Q1', '1999', '2101', '1999-H2', '2101-Q1'])(
    'rejects %j', (code) => expect(parsePeriod(code)).toBeNull(),
  );
});

describe('previousPeriod', () => {
  const prev = (code: string) => previousPeriod(parsePeriod(code) as Period).code;
  it('steps back a year, half or quarter', () => {
    expect(prev('2022')).toBe('2021');
    expect(prev('2022-H2')).toBe('2022-H1');
    expect(prev('2022-H1')).toBe('2021-H2');
    expect(prev('2022-Q4')).toBe('2022-Q3');
    expect(prev('2022-Q2')).toBe('2022-Q1');
    expect(prev('2022-Q1')).toBe('2021-Q4');
    expect(range(previousPeriod(parsePeriod('2022-H1') as Period))).toEqual({ kind: 'half', code: '2021-H2', from: '2021-07-01', to: '2021-12-31' });
  });

  it('gives a range of the same length ending the day before', () => {
    expect(range(previousPeriod(dateRangePeriod('2022-03-10', '2022-03-19') as Period)))
      .toEqual({ kind: 'range', code: '2022-02-28..2022-03-09', from: '2022-02-28', to: '2022-03-09' });
    // one day, across a leap day and a year boundary
    expect(previousPeriod(dateRangePeriod('2024-03-01', '2024-03-01') as Period).from).toBe('2024-02-29');
    expect(range(previousPeriod(dateRangePeriod('2023-01-01', '2023-01-31') as Period)))
      .toEqual({ kind: 'range', code: '2022-12-01..2022-12-31', from: '2022-12-01', to: '2022-12-31' });
  });
});

describe('yearAgoPeriod', () => {
  const ago = (code: string) => range(yearAgoPeriod(parsePeriod(code) as Period));
  it('takes the same year, half or quarter a year earlier', () => {
    expect(ago('2022')).toEqual({ kind: 'year', code: '2021', from: '2021-01-01', to: '2021-12-31' });
    expect(ago('2022-H2')).toEqual({ kind: 'half', code: '2021-H2', from: '2021-07-01', to: '2021-12-31' });
    expect(ago('2022-H1')).toEqual({ kind: 'half', code: '2021-H1', from: '2021-01-01', to: '2021-06-30' });
    expect(ago('2024-Q1')).toEqual({ kind: 'quarter', code: '2023-Q1', from: '2023-01-01', to: '2023-03-31' });
    expect(ago('2022-Q4')).toEqual({ kind: 'quarter', code: '2021-Q4', from: '2021-10-01', to: '2021-12-31' });
    expect(yearAgoPeriod(parsePeriod('2022-Q3') as Period)).toMatchObject({ year: 2021, index: 3 });
    // Built directly: the year before 2000 is outside what parsePeriod accepts.
    expect(ago('2000-H2')?.code).toBe('1999-H2');
  });

  it('shifts a from..to range by 12 months', () => {
    expect(range(yearAgoPeriod(dateRangePeriod('2022-07-05', '2022-12-20') as Period)))
      .toEqual({ kind: 'range', code: '2021-07-05..2021-12-20', from: '2021-07-05', to: '2021-12-20' });
    // A multi-year range keeps its length in months.
    expect(yearAgoPeriod(dateRangePeriod('2021-03-01', '2023-02-15') as Period).code).toBe('2020-03-01..2022-02-15');
  });

  it('clamps a leap day and keeps a month’s last day its last day', () => {
    expect(yearAgoPeriod(dateRangePeriod('2024-02-29', '2024-03-10') as Period).code).toBe('2023-02-28..2023-03-10');
    // Whole February of 2025 is whole February of 2024, leap day included.
    expect(yearAgoPeriod(dateRangePeriod('2025-02-01', '2025-02-28') as Period).code).toBe('2024-02-01..2024-02-29');
    expect(yearAgoPeriod(dateRangePeriod('2024-02-29', '2024-02-29') as Period).code).toBe('2023-02-28..2023-02-28');
  });
});

describe('shiftMonths', () => {
  it.each([
    ['2022-07-15', -12, false, '2021-07-15'],
    ['2022-01-31', -1, false, '2021-12-31'],
    ['2022-03-31', -1, false, '2022-02-28'],
    ['2024-02-29', -12, false, '2023-02-28'],
    ['2023-02-28', 12, false, '2024-02-28'],
    ['2023-02-28', 12, true, '2024-02-29'],
    ['2022-06-30', -12, true, '2021-06-30'],
    ['2022-06-29', -12, true, '2021-06-29'],
    ['2022-12-31', 1, false, '2023-01-31'],
  ] as const)('%s %+d months (month end kept: %s) is %s', (date, months, monthEnd, expected) => {
    expect(shiftMonths(date, months, monthEnd)).toBe(expected);
  });
});

describe('comparedPeriod', () => {
  it('is the previous period by choice previous, the year-ago one by yearAgo', () => {
    const h2 = parsePeriod('2022-H2') as Period;
    expect(comparedPeriod(h2, 'previous').code).toBe('2022-H1');
    expect(comparedPeriod(h2, 'yearAgo').code).toBe('2021-H2');
    const range = dateRangePeriod('2022-07-05', '2022-12-20') as Period;
    expect(comparedPeriod(range, 'previous')).toEqual(previousPeriod(range));
    expect(comparedPeriod(range, 'yearAgo').code).toBe('2021-07-05..2021-12-20');
  });
});

describe('dateRangePeriod', () => {
  it('accepts an ordered pair, including a single day', () => {
    expect(range(dateRangePeriod('2022-01-15', '2022-02-15'))).toEqual({ kind: 'range', code: '2022-01-15..2022-02-15', from: '2022-01-15', to: '2022-02-15' });
    expect(dateRangePeriod('2022-05-05', '2022-05-05')?.code).toBe('2022-05-05..2022-05-05');
  });
  it.each([
    ['2022-02-15', '2022-01-15'],
    ['2022-13-01', '2022-12-31'],
    ['2022-02-30', '2022-03-01'],
    ['2022-01-01', 'tomorrow'],
    ['2022-1-1', '2022-02-01'],
    ['', '2022-02-01'],
  ])('rejects %j..%j', (from, to) => expect(dateRangePeriod(from, to)).toBeNull());
});

describe('halfOf', () => {
  it.each([
    ['2022-01-01', '2022-H1'], ['2022-06-30', '2022-H1'], ['2022-07-01', '2022-H2'], ['2023-12-31', '2023-H2'],
  ])('%s is in %s', (date, code) => expect(halfOf(date).code).toBe(code));
});
