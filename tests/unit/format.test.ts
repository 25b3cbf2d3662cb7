import { describe, expect, it } from 'vitest';
import { formatDay } from '@/i18n/format-day';
import { formatLocalDate, formatLocalDateTime } from '@/i18n/format-time';
import { EMPTY_VALUE, formatCompact, formatCount, formatMoney, formatMoneyExact, formatPercent, formatPoints } from '@/lib/format';

// Intl separates a number from its unit with a no-break space (U+00A0) or a narrow one (U+202F).
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('locale number formatting', () => {
  it('writes the briefing figures the Russian way', () => {
    expect(plain(formatCompact('ru', 28_312))).toBe('28,3 тыс.');
    expect(plain(formatCompact('ru', 63_004))).toBe('63 тыс.');
    expect(plain(formatPercent('ru', 0.755))).toBe('75,5 %');
    expect(plain(formatMoney('ru', 485_000_000_000))).toBe('485 млрд ₸');
    expect(plain(formatMoney('ru', 253_800_000_000))).toBe('253,8 млрд ₸');
    expect(plain(formatCount('ru', 28_312))).toBe('28 312');
  });

  it('writes Kazakh with мың and млрд', () => {
    expect(plain(formatCompact('kk', 28_312))).toBe('28,3 мың');
    expect(plain(formatPercent('kk', 0.523))).toBe('52,3%');
    expect(plain(formatMoney('kk', 485_000_000_000))).toBe('485 млрд ₸');
    // From Russian number data, as browsers lack Kazakh's: the same on the server and in charts.
    expect(plain(formatCompact('kk', 2_500))).toBe('2,5 мың');
    expect(plain(formatCompact('kk', 1_250_000))).toBe('1,3 млн');
    expect(plain(formatMoney('kk', 28_300))).toBe('28,3 мың ₸');
    expect(plain(formatCount('kk', 28_312))).toBe('28 312');
  });

  it('writes English with K, B and a decimal point', () => {
    expect(formatCompact('en', 28_312)).toBe('28.3K');
    expect(formatPercent('en', 0.755)).toBe('75.5%');
    expect(formatMoney('en', 253_800_000_000)).toBe('₸253.8B');
    expect(formatCount('en', 28_312)).toBe('28,312');
  });

  it('keeps small numbers exact and rounds rates to one decimal', () => {
    expect(formatCompact('ru', 62)).toBe('62');
    expect(plain(formatPercent('ru', 0.94666))).toBe('94,7 %');
    expect(plain(formatPercent('ru', 1))).toBe('100,0 %');
    expect(plain(formatMoneyExact('ru', 20_200_000_000))).toBe('20 200 000 000 ₸');
    expect(formatPoints('ru', 2.4)).toBe('2,4');
  });

  it('shows a dash, never zero, for a missing value', () => {
    for (const f of [formatCount, formatCompact, formatPercent, formatMoney, formatMoneyExact]) {
      expect(f('ru', null)).toBe(EMPTY_VALUE);
      expect(f('ru', undefined)).toBe(EMPTY_VALUE);
      expect(f('ru', Number.NaN)).toBe(EMPTY_VALUE);
    }
    expect(formatCount('ru', 0)).toBe('0');
  });
});

describe('thousands, decimals and dates by language', () => {
  it('groups thousands with a space and writes a decimal comma in Russian and Kazakh', () => {
    for (const locale of ['ru', 'kk']) {
      expect(plain(formatCount(locale, 1_234_567)), locale).toBe('1 234 567');
      expect(plain(formatPoints(locale, 1234.5)), locale).toBe('1 234,5');
      expect(plain(formatMoneyExact(locale, 1_500_000)), locale).toBe('1 500 000 ₸');
      expect(plain(formatPercent(locale, 0.1234)), locale).toMatch(/^12,3 ?%$/);
    }
    expect(formatPoints('en', 1234.5)).toBe('1,234.5');
    expect(formatMoneyExact('en', 1_500_000)).toBe('₸1,500,000');
  });

  it('writes one kind of space inside a Russian or Kazakh number', () => {
    for (const locale of ['ru', 'kk']) {
      const spaces = new Set([...formatCount(locale, 1_234_567)].filter((c) => /\s/.test(c)));
      expect(spaces.size, locale).toBe(1);
    }
  });

  it('writes calendar dates dd.mm.yyyy in Russian and Kazakh', () => {
    expect(formatDay('ru', '2022-12-31')).toBe('31.12.2022');
    expect(formatDay('kk', '2023-01-05')).toBe('05.01.2023');
    expect(formatDay('en', '2022-12-31')).toBe('31 Dec 2022');
  });

  it('shows moments in Kazakhstan time, dd.mm.yyyy in Russian and Kazakh', () => {
    const at = new Date('2026-11-27T19:20:57Z'); // 28 November, 00:20 in Almaty
    expect(formatLocalDateTime('ru', at)).toBe('28.11.2026, 00:20');
    expect(formatLocalDateTime('kk', at)).toBe('28.11.2026, 00:20');
    expect(formatLocalDateTime('en', at)).toBe('28 Nov 2026, 00:20');
    expect(formatLocalDate('ru', at)).toBe('28.11.2026');
    expect(formatLocalDate('en', at)).toBe('28 Nov 2026');
  });
});
