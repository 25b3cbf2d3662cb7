import { describe, expect, it } from 'vitest';
import { astanaDayStart, astanaOffsetHours, halfYearCode, halfYearCodeOf, halfYearOf, halfYearStart, isoDayOf, nextHalfYear, nextIsoDay, quarterOf, todayInKazakhstan } from '@/lib/calendar';
import { formatLocalDateTime } from '@/i18n/format-time';

describe('todayInKazakhstan', () => {
  it.each([
    // Before 1 March 2024 Astana was UTC+6.
    ['2023-12-31T17:59:59Z', '2023-12-31'],
    ['2023-12-31T18:00:00Z', '2024-01-01'],
    ['2024-02-29T17:59:59Z', '2024-02-29'],
    // 2024-03-01 00:00 at UTC+6 became 2024-02-29 23:00 at UTC+5: the day after begins an hour later.
    ['2024-02-29T18:00:00Z', '2024-02-29'],
    ['2024-02-29T18:59:59Z', '2024-02-29'],
    ['2024-02-29T19:00:00Z', '2024-03-01'],
    ['2026-12-02T18:59:59Z', '2026-12-02'],
    ['2026-12-02T19:00:00Z', '2026-12-03'],
    // Before 05:00 in Astana the UTC date is still the day before.
    ['2026-06-30T20:30:00Z', '2026-07-01'],
  ])('at %s is %s', (instant, day) => expect(todayInKazakhstan(new Date(instant))).toBe(day));

  it('switches offset at the 2024 move to one zone', () => {
    expect(astanaOffsetHours(new Date('2024-02-29T17:59:59.999Z'))).toBe(6);
    expect(astanaOffsetHours(new Date('2024-02-29T18:00:00Z'))).toBe(5);
  });
});

describe('Astana days as instants', () => {
  it('starts each day at local midnight on both sides of the change', () => {
    expect(astanaDayStart('2024-02-29').toISOString()).toBe('2024-02-28T18:00:00.000Z');
    expect(astanaDayStart('2024-03-01').toISOString()).toBe('2024-02-29T19:00:00.000Z');
    expect(astanaDayStart('2026-12-03').toISOString()).toBe('2026-12-02T19:00:00.000Z');
    expect(nextIsoDay('2024-02-28')).toBe('2024-02-29');
    expect(nextIsoDay('2026-12-31')).toBe('2027-01-01');
  });

  it('formats a time on Astana’s wall clock whatever the machine’s tz data', () => {
    expect(formatLocalDateTime('ru', new Date('2023-06-01T06:20:00Z'))).toBe('01.06.2023, 12:20');
    expect(formatLocalDateTime('ru', new Date('2026-11-27T10:20:00Z'))).toBe('27.11.2026, 15:20');
    expect(formatLocalDateTime('en', new Date('2026-12-31T19:05:00Z'))).toBe('1 Jan 2027, 00:05');
  });
});

describe('half-years and quarters', () => {
  it.each([
    ['2022-01-01', '2022-H1', 1], ['2022-06-30', '2022-H1', 2], ['2022-07-01', '2022-H2', 3], ['2022-12-31', '2022-H2', 4],
  ])('%s is in %s and quarter %i', (day, code, quarter) => {
    expect(halfYearCodeOf(day)).toBe(code);
    expect(halfYearCodeOf(new Date(`${day}T00:00:00Z`))).toBe(code);
    expect(quarterOf(day).quarter).toBe(quarter);
  });

  it('reads a Date as its UTC day, as PostgreSQL dates arrive', () => {
    expect(isoDayOf(new Date('2022-06-30T00:00:00Z'))).toBe('2022-06-30');
    expect(halfYearOf(new Date('2022-06-30T00:00:00Z'))).toEqual({ year: 2022, half: 1 });
    expect(halfYearCode({ year: 2024, half: 2 })).toBe('2024-H2');
  });
});

describe('one calendar', () => {
  it('has no copy of its rules elsewhere in src/', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (name === 'generated') continue;
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(name) && p !== join('src', 'lib', 'calendar.ts')) files.push(p);
      }
    };
    walk('src');
    const copies = [/<= ?6 \? ?1 : ?2/, /getUTCMonth\(\) < 6/, /5 \* 3_?600_?000/, /[+]0[56]:00/, /toISOString\(\)\.slice\(0, 10\)/];
    const found = files.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return copies.filter((re) => re.test(text)).map((re) => `${f}: ${re}`);
    });
    expect(found).toEqual([]);
  });
});

describe('stepping through half-years', () => {
  it('walks from a day to today, half by half, across a year end', () => {
    const out: string[] = [];
    for (let h = halfYearOf('2021-11-30'); halfYearStart(h) <= '2023-01-01'; h = nextHalfYear(h)) out.push(halfYearCode(h));
    expect(out).toEqual(['2021-H2', '2022-H1', '2022-H2', '2023-H1']);
  });
});
