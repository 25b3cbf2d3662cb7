// Numbers as the briefing writes them, in each language: "19,8 тыс.", "63 тыс.", "52,3%",
// "в 2,3 раза", "485 млрд. тенге". Pure, so the unit tests pin every form.

export type Lang = 'ru' | 'kk' | 'en';

const NBSP = '\u00a0';

/** Rounds half away from zero to `digits` decimals and writes the decimal comma (ru, kk) or point (en); a zero fraction is dropped. */
export function decimal(lang: Lang, n: number, digits = 1): string {
  const factor = 10 ** digits;
  // Through a string of limited precision, so 0.9285 * 100 = 92.85000000000001 and 92.85 round alike.
  const rounded = Math.round(Number((Math.abs(n) * factor).toPrecision(12))) / factor;
  const [whole, fraction] = rounded.toFixed(digits).split('.');
  const sign = n < 0 && rounded > 0 ? '-' : '';
  const trimmed = (fraction ?? '').replace(/0+$/, '');
  return `${sign}${group(lang, whole ?? '0')}${trimmed ? (lang === 'en' ? '.' : ',') + trimmed : ''}`;
}

/** Thousands grouped as each language's documents do: "1498", "33 412" (ru, kk); "1,498" (en). */
function group(lang: Lang, digits: string): string {
  if (lang === 'en') return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  // Russian and Kazakh typesetting leaves four-digit numbers whole.
  return digits.length <= 4 ? digits : digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** An exact count: 216, 1498, 33 412. */
export const count = (lang: Lang, n: number) => decimal(lang, n, 0);

const THOUSAND: Record<Lang, string> = { ru: 'тыс.', kk: 'мың', en: 'thousand' };

/** A count in thousands with one decimal: "19,8 тыс.", "63 тыс."; below a thousand, the count itself. */
export function thousands(lang: Lang, n: number): string {
  if (Math.abs(n) < 1000) return count(lang, n);
  return `${decimal(lang, n / 1000)}${NBSP}${THOUSAND[lang]}`;
}

/** Whether the rounded figure understates the count: the briefing then says "more than". */
export const thousandsUnderstates = (n: number) => Math.abs(n) >= 1000 && Math.round(n / 100) * 100 < n;

/** A share from 0 to 1 as a percentage: "52,3%", "93%" (one decimal unless told, a zero fraction dropped). */
export const percent = (lang: Lang, ratio: number, digits = 1) => `${decimal(lang, ratio * 100, digits)}%`;

const MONEY: Record<Lang, { billion: string; million: string; unit: string }> = {
  ru: { billion: 'млрд.', million: 'млн.', unit: 'тенге' },
  kk: { billion: 'млрд', million: 'млн', unit: 'теңге' },
  en: { billion: 'billion', million: 'million', unit: 'tenge' },
};

/** Tenge in billions (or millions below a billion), one decimal: "485 млрд. тенге", "253,8 млрд. тенге". */
export function money(lang: Lang, kzt: number): string {
  const m = MONEY[lang];
  if (Math.abs(kzt) >= 1e9) return `${decimal(lang, kzt / 1e9)}${NBSP}${m.billion} ${m.unit}`;
  if (Math.abs(kzt) >= 1e6) return `${decimal(lang, kzt / 1e6)}${NBSP}${m.million} ${m.unit}`;
  return `${count(lang, kzt)} ${m.unit}`;
}

/** A ratio above one as "в 2,3 раза" / "2,3 есе" / "2.3 times"; Russian says "раз" after whole 5 and more. */
export function times(lang: Lang, ratio: number): string {
  const value = decimal(lang, ratio);
  if (lang === 'kk') return `${value} есе`;
  if (lang === 'en') return `${value} times`;
  const whole = Number.isInteger(Math.round(ratio * 10) / 10);
  const last = Math.round(ratio) % 10;
  const lastTwo = Math.round(ratio) % 100;
  const word = whole && (last === 0 || last >= 5 || (lastTwo >= 11 && lastTwo <= 14)) ? 'раз' : 'раза';
  return `в ${value} ${word}`;
}

/** Collapses every kind of space to one plain space: for comparing extracted text. */
export const normaliseSpaces = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
