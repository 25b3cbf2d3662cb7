// Numbers in the reader's language, the same on the server and in client charts.
// ru: 28,3 тыс. · 75,5 % · 485 млрд ₸; kk: 28,3 мың · 75,5% · 485 млрд ₸; en: 28.3K · 75.5% · ₸485B.

export const EMPTY_VALUE = '—';

type NumberFormatter = { format: (n: number) => string };

// Browsers such as Chromium carry no Kazakh number data (2500 comes out as "2.5K"), while Node
// does. Kazakh writes numbers as Russian does, so kk is formatted with ru data and Kazakh words:
// the same text on the server and in client charts.
const KAZAKH = (text: string) => text.replace('тыс.', 'мың').replace(/\s%/u, '%');

const cache = new Map<string, NumberFormatter>();
function formatter(locale: string, options: Intl.NumberFormatOptions): NumberFormatter {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    const base = new Intl.NumberFormat(locale === 'kk' ? 'ru' : locale, options);
    f = locale === 'kk' ? { format: (n) => KAZAKH(base.format(n)) } : base;
    cache.set(key, f);
  }
  return f;
}

type Maybe = number | null | undefined;
const missing = (n: Maybe): n is null | undefined => n === null || n === undefined || !Number.isFinite(n);

/** The exact count with the locale's grouping: 28 312. */
export function formatCount(locale: string, n: Maybe): string {
  return missing(n) ? EMPTY_VALUE : formatter(locale, { maximumFractionDigits: 0 }).format(n);
}

/** A rounded count: 28,3 тыс.; below a thousand the number itself. */
export function formatCompact(locale: string, n: Maybe): string {
  return missing(n) ? EMPTY_VALUE : formatter(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

/** A share from 0 to 1 as a percentage with one decimal: 75,5 %. */
export function formatPercent(locale: string, ratio: Maybe, digits = 1): string {
  return missing(ratio)
    ? EMPTY_VALUE
    : formatter(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ratio);
}

/** Tenge, rounded to thousands, millions or billions: 485 млрд ₸, 253,8 млрд ₸. */
export function formatMoney(locale: string, kzt: Maybe): string {
  return missing(kzt)
    ? EMPTY_VALUE
    : formatter(locale, {
        style: 'currency', currency: 'KZT', currencyDisplay: 'narrowSymbol',
        notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1,
      }).format(kzt);
}

/** Exact tenge with grouping: 253 812 000 000 ₸. */
export function formatMoneyExact(locale: string, kzt: Maybe): string {
  return missing(kzt)
    ? EMPTY_VALUE
    : formatter(locale, { style: 'currency', currency: 'KZT', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 }).format(kzt);
}

/** A change in percentage points, unsigned, one decimal: 2,4. The caller adds the sign and unit. */
export function formatPoints(locale: string, points: number): string {
  return formatter(locale, { minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(points);
}

/** Each count beside its text (`rows` → `rowsText`), for messages in client components: they
 *  choose the plural form by the number and print the text, since ICU's `#` would use the
 *  browser's number data, which writes Kazakh numbers as 1,234. */
export function withCountTexts<K extends string>(locale: string, counts: Record<K, number>): Record<K, number> & Record<`${K}Text`, string> {
  const texts = Object.fromEntries(Object.entries<number>(counts).map(([k, n]) => [`${k}Text`, formatCount(locale, n)]));
  return { ...counts, ...texts } as Record<K, number> & Record<`${K}Text`, string>;
}

/** A factor with at most one decimal, a zero fraction dropped: 2,3 · 5 (the caller rounds it). */
export function formatFactor(locale: string, factor: number): string {
  return formatter(locale, { minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(factor);
}
