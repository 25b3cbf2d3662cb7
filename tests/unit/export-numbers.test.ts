import { describe, expect, it } from 'vitest';
import { count, decimal, money, normaliseSpaces, percent, thousands, thousandsUnderstates, times } from '@/features/exports/briefing/numbers';

// The briefing writes numbers as the ministries' document does.
const n = (s: string) => normaliseSpaces(s);

describe('briefing numbers', () => {
  it('writes thousands with one decimal and the language’s word', () => {
    expect(n(thousands('ru', 19_812))).toBe('19,8 тыс.');
    expect(n(thousands('ru', 63_004))).toBe('63 тыс.');
    expect(n(thousands('ru', 47_583))).toBe('47,6 тыс.');
    expect(n(thousands('kk', 19_812))).toBe('19,8 мың');
    expect(n(thousands('en', 19_812))).toBe('19.8 thousand');
    expect(thousands('ru', 999)).toBe('999');
  });

  it('says "more than" only when the rounded figure understates the count', () => {
    expect(thousandsUnderstates(33_412)).toBe(true);
    expect(thousandsUnderstates(33_400)).toBe(false);
    expect(thousandsUnderstates(33_380)).toBe(false);
  });

  it('writes percentages with one decimal, dropping a zero fraction', () => {
    expect(percent('ru', 0.5232)).toBe('52,3%');
    expect(percent('ru', 0.93)).toBe('93%');
    expect(percent('ru', 0.7391, 0)).toBe('74%');
    expect(percent('en', 0.755)).toBe('75.5%');
    expect(percent('ru', 0.9285)).toBe('92,9%');
  });

  it('writes tenge in billions or millions', () => {
    expect(n(money('ru', 485_012_000_000))).toBe('485 млрд. тенге');
    expect(n(money('ru', 253_812_000_000))).toBe('253,8 млрд. тенге');
    expect(n(money('kk', 20_200_000_000))).toBe('20,2 млрд теңге');
    expect(n(money('en', 61_190_000_000))).toBe('61.2 billion tenge');
    expect(n(money('ru', 350_000_000))).toBe('350 млн. тенге');
  });

  it('writes ratios as "в 2,3 раза", with "раз" after whole numbers from five', () => {
    expect(times('ru', 148 / 64)).toBe('в 2,3 раза');
    expect(times('ru', 5)).toBe('в 5 раз');
    expect(times('ru', 1.5)).toBe('в 1,5 раза');
    expect(times('ru', 12)).toBe('в 12 раз');
    expect(times('kk', 2.31)).toBe('2,3 есе');
    expect(times('en', 2.31)).toBe('2.3 times');
  });

  it('leaves four-digit counts whole in Russian and Kazakh, as the document does', () => {
    expect(count('ru', 1498)).toBe('1498');
    expect(n(count('ru', 33_412))).toBe('33 412');
    expect(count('en', 1498)).toBe('1,498');
    expect(decimal('ru', -2.25)).toBe('-2,3');
  });
});
