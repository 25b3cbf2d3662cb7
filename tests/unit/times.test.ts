import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { formatFactor } from '@/lib/format';
import { roundToTenth, timesChange } from '@/lib/times';
import { type Tree, loadCatalogue } from '../support/messages';

// «в 2,3 раза больше», «в 1,8 раза меньше»: when a KPI card says the change as a factor, and
// how it reads in each language through the real catalogues.

describe('timesChange', () => {
  it('says "more" or "less" with the larger over the smaller, rounded to a tenth', () => {
    expect(timesChange(19_800, 8_500)).toEqual({ direction: 'more', factor: 2.3 });
    expect(timesChange(8_500, 19_800)).toEqual({ direction: 'less', factor: 2.3 });
    expect(timesChange(10, 18)).toEqual({ direction: 'less', factor: 1.8 });
    expect(timesChange(500, 100)).toEqual({ direction: 'more', factor: 5 });
  });

  it('speaks from 1.5 times on, judged before rounding', () => {
    expect(timesChange(150, 100)).toEqual({ direction: 'more', factor: 1.5 });
    expect(timesChange(100, 150)).toEqual({ direction: 'less', factor: 1.5 });
    expect(timesChange(149, 100)).toBeNull();
    // 1.4999 would round to 1.5, but is under the threshold.
    expect(timesChange(14_999, 10_000)).toBeNull();
    expect(timesChange(100, 100)).toBeNull();
  });

  it('works on rates and money alike', () => {
    expect(timesChange(0.6, 0.3)).toEqual({ direction: 'more', factor: 2 });
    expect(timesChange(1_000_000_000, 3_000_000_000)).toEqual({ direction: 'less', factor: 3 });
  });

  it('says nothing without two positive values', () => {
    expect(timesChange(10, 0)).toBeNull();
    expect(timesChange(0, 10)).toBeNull();
    expect(timesChange(null, 10)).toBeNull();
    expect(timesChange(10, null)).toBeNull();
    expect(timesChange(10, undefined)).toBeNull();
    expect(timesChange(Number.NaN, 10)).toBeNull();
    expect(timesChange(-30, 10)).toBeNull();
  });

  it('rounds half up to one decimal', () => {
    expect(roundToTenth(2.25)).toBe(2.3);
    expect(roundToTenth(2.249)).toBe(2.2);
    expect(roundToTenth(1.95)).toBe(2);
    expect(timesChange(225, 100)?.factor).toBe(2.3);
    expect(timesChange(1_995, 1_000)?.factor).toBe(2);
  });
});

const LOCALES = ['ru', 'kk', 'en'] as const;
const catalogues = Object.fromEntries(LOCALES.map((l) => [l, loadCatalogue(l)])) as Record<(typeof LOCALES)[number], Tree>;
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

/** The card's text for a change, as figures-kpis.tsx writes it. */
function say(locale: (typeof LOCALES)[number], now: number, before: number): string | null {
  const t = timesChange(now, before);
  if (!t) return null;
  const tc = createTranslator({ locale, messages: catalogues[locale] as never, namespace: 'change' as never }) as unknown as (key: string, values: Record<string, string | number>) => string;
  return plain(tc(t.direction === 'more' ? 'timesMore' : 'timesLess', { value: formatFactor(locale, t.factor), n: t.factor }));
}

describe('the words of a factor', () => {
  it.each([
    ['ru', 19_800, 8_500, 'в 2,3 раза больше'],
    ['ru', 10, 18, 'в 1,8 раза меньше'],
    ['ru', 200, 100, 'в 2 раза больше'],
    ['ru', 100, 500, 'в 5 раз меньше'],
    ['ru', 1_200, 100, 'в 12 раз больше'],
    ['ru', 2_100, 100, 'в 21 раз больше'],
    ['ru', 150, 100, 'в 1,5 раза больше'],
    ['kk', 19_800, 8_500, '2,3 есе көп'],
    ['kk', 10, 18, '1,8 есе аз'],
    ['en', 19_800, 8_500, '2.3 times more'],
    ['en', 10, 18, '1.8 times less'],
    ['en', 200, 100, '2 times more'],
  ] as const)('%s: %d against %d is «%s»', (locale, now, before, text) => {
    expect(say(locale, now, before)).toBe(text);
  });

  it('is silent under 1.5 times', () => expect(say('ru', 140, 100)).toBeNull());
});
