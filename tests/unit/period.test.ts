import { describe, expect, it } from 'vitest';
import { dateRangePeriod, halfOf, parsePeriod, previousPeriod, type Period } from '@/lib/period';

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
