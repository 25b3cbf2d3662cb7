import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { withCountTexts } from '@/lib/format';
import { type Tree, loadCatalogue } from '../support/messages';

// Counts beside nouns agree with them: "1 встреча, 2 встречи, 5 встреч" in Russian; Kazakh nouns
// after a numeral stay singular; English has one and other. Read through next-intl with the real
// catalogues, as the pages read them.

const LOCALES = ['ru', 'kk', 'en'] as const;
const catalogues = Object.fromEntries(LOCALES.map((l) => [l, loadCatalogue(l)])) as Record<(typeof LOCALES)[number], Tree>;
const translator = (locale: (typeof LOCALES)[number]) =>
  createTranslator({ locale, messages: catalogues[locale] as never }) as unknown as (key: string, values: Record<string, number | string>) => string;
// ICU's # groups digits with a no-break space in ru and kk.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

/** Each `{arg, plural, …}` of a message with its branch keys (`one`, `few`, `=0`, …). */
function plurals(message: string): Array<{ arg: string; branches: string[] }> {
  const out: Array<{ arg: string; branches: string[] }> = [];
  const re = /\{\s*(\w+)\s*,\s*plural\s*,/g;
  for (let m = re.exec(message); m; m = re.exec(message)) {
    const branches: string[] = [];
    let i = m.index + m[0].length;
    for (;;) {
      while (/\s/.test(message[i] ?? '')) i++;
      if (message[i] === '}' || i >= message.length) break;
      const key = /^[^\s{]+/.exec(message.slice(i))![0];
      branches.push(key);
      i += key.length;
      while (/\s/.test(message[i] ?? '')) i++;
      let depth = 0;
      do { if (message[i] === '{') depth++; else if (message[i] === '}') depth--; i++; } while (depth > 0 && i < message.length);
    }
    out.push({ arg: m[1]!, branches });
  }
  return out;
}

/** The message with each `{arg, plural, …}` cut out, however deeply its branches nest. */
function withoutPlurals(message: string): string {
  const re = /\{\s*\w+\s*,\s*plural\s*,/g;
  let out = '';
  let from = 0;
  for (let m = re.exec(message); m; m = re.exec(message)) {
    out += message.slice(from, m.index);
    let i = m.index;
    let depth = 0;
    do { if (message[i] === '{') depth++; else if (message[i] === '}') depth--; i++; } while (depth > 0 && i < message.length);
    from = i;
    re.lastIndex = i;
  }
  return out + message.slice(from);
}

function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}

describe('plurals', () => {
  it('reads the branches of a plural (sanity)', () => {
    expect(plurals('{n, plural, =0 {нет} one {# a} other {# {x} b}} и {m, plural, other {#}}')).toEqual([
      { arg: 'n', branches: ['=0', 'one', 'other'] },
      { arg: 'm', branches: ['other'] },
    ]);
    expect(withoutPlurals('a {n, plural, one {{nText} x} other {{nText} y}} b {k} встреч')).toBe('a  b {k} встреч');
  });

  it('gives every Russian plural the one, few, many and other forms, and English one and other', () => {
    const need = { ru: ['one', 'few', 'many', 'other'], kk: ['other'], en: ['one', 'other'] };
    let seen = 0;
    for (const locale of LOCALES) {
      for (const [key, message] of leaves(catalogues[locale])) {
        for (const p of plurals(message)) {
          seen++;
          for (const b of need[locale]) expect(p.branches, `${locale}:${key} {${p.arg}} lacks ${b}`).toContain(b);
        }
      }
    }
    expect(seen).toBeGreaterThan(10);
  });

  it('puts no bare count before a counted noun', () => {
    // "{n} встреч" or "{n} issues" reads wrong for some n: such a count needs a plural ({page} is a number of a page, {share} a percentage).
    const bare = {
      ru: /\{(?!(?:page|share)\})\w+\}\s+(встреч|вопрос|строк|регион|граждан|ошиб|дн|дней|пользовател|запис|акимат|приём)/,
      kk: /(?!)/, // Kazakh nouns do not change after a numeral
      en: /\{(?!(?:page|share)\})\w+\}\s+(meetings|issues|rows|regions|citizens|errors|days|users|records|akimats|receptions|amounts|statuses)\b/,
    };
    for (const locale of LOCALES) {
      for (const [key, message] of leaves(catalogues[locale])) {
        // Plural branches may hold a noun after `#` or `{nText}`; look only outside them.
        const outside = withoutPlurals(message);
        expect(bare[locale].test(outside), `${locale}:${key}: ${message}`).toBe(false);
      }
    }
  });

  it('has a plural in English wherever Russian has one', () => {
    const en = new Map(leaves(catalogues.en));
    for (const [key, message] of leaves(catalogues.ru)) {
      for (const { arg } of plurals(message)) expect(plurals(en.get(key) ?? '').map((p) => p.arg), `en:${key} has no plural for {${arg}}`).toContain(arg);
    }
  });

  const cases: Array<[string, string, Record<string, number | string>, string]> = [
    ['ru', 'meetingRecords.count', { count: 1 }, 'Найдена 1 встреча'],
    ['ru', 'meetingRecords.count', { count: 2 }, 'Найдено 2 встречи'],
    ['ru', 'meetingRecords.count', { count: 5 }, 'Найдено 5 встреч'],
    ['ru', 'meetingRecords.count', { count: 11 }, 'Найдено 11 встреч'],
    ['ru', 'meetingRecords.count', { count: 21 }, 'Найдена 21 встреча'],
    ['ru', 'meetingRecords.count', { count: 1.5 }, 'Найдено 1,5 встречи'],
    ['ru', 'meetingRecords.count', { count: 28_312 }, 'Найдено 28 312 встреч'],
    ['ru', 'issueRecords.count', { count: 1 }, 'Найден 1 вопрос'],
    ['ru', 'issueRecords.count', { count: 3 }, 'Найдено 3 вопроса'],
    ['ru', 'issueRecords.count', { count: 12 }, 'Найдено 12 вопросов'],
    ['ru', 'meetingRecords.detail.issuesCount', { count: 22 }, '22 вопроса'],
    ['ru', 'budgetRequests.medianDaysValue', { days: 1 }, '1 день'],
    ['ru', 'budgetRequests.medianDaysValue', { days: 5 }, '5 дней'],
    ['ru', 'budgetRequests.inbox.waiting', { days: 22 }, 'ждёт 22 дня'],
    ['ru', 'import.commit', withCountTexts('ru', { rows: 1 }), 'Записать 1 строку'],
    ['ru', 'import.commit', withCountTexts('ru', { rows: 4 }), 'Записать 4 строки'],
    ['ru', 'import.commit', withCountTexts('ru', { rows: 100 }), 'Записать 100 строк'],
    ['ru', 'import.commit', withCountTexts('ru', { rows: 50_000 }), 'Записать 50 000 строк'],
    ['ru', 'import.summary', withCountTexts('ru', { rows: 21, errors: 0 }), '21 строка готова к записи, ошибок нет.'],
    ['ru', 'import.summary', withCountTexts('ru', { rows: 5, errors: 2 }), '5 строк готовы к записи, 2 ошибки.'],
    ['ru', 'import.committed', withCountTexts('ru', { meetings: 1_250, issues: 3, statuses: 0, money: 2, receptions: 0 }),
      'Записано: встреч добавлено — 1 250, вопросов добавлено — 3, статусов изменено — 0, сумм добавлено — 2, личных приёмов добавлено — 0.'],
    ['ru', 'records.beyondLastPage', { page: 9, pages: 5 }, 'На странице 9 записей нет: в списке 5 страниц.'],
    ['ru', 'overviewPage.map.noRate', { min: 21 }, 'меньше 21 вопроса'],
    ['ru', 'overviewPage.map.noRate', { min: 10 }, 'меньше 10 вопросов'],
    ['ru', 'central.compliance.legendAnnounced', { days: 3 }, '«Анонсирована заблаговременно»: не позднее чем за 3 дня до встречи'],
    ['kk', 'meetingRecords.count', { count: 1 }, '1 кездесу табылды'],
    ['kk', 'meetingRecords.count', { count: 5 }, '5 кездесу табылды'],
    ['kk', 'meetingRecords.count', { count: 28_312 }, '28 312 кездесу табылды'],
    ['kk', 'issueRecords.count', { count: 2 }, '2 мәселе табылды'],
    ['kk', 'import.commit', withCountTexts('kk', { rows: 50_000 }), '50 000 жолды жазу'],
    ['kk', 'import.summary', withCountTexts('kk', { rows: 12_345, errors: 0 }), 'Жазуға дайын жолдар: 12 345, қателер: 0.'],
    ['en', 'meetingRecords.count', { count: 1 }, '1 meeting found'],
    ['en', 'meetingRecords.count', { count: 2 }, '2 meetings found'],
    ['en', 'meetingRecords.count', { count: 28_312 }, '28,312 meetings found'],
    ['en', 'import.summary', withCountTexts('en', { rows: 1, errors: 1 }), '1 row is ready to save, 1 error.'],
    ['en', 'import.committed', withCountTexts('en', { meetings: 1, issues: 1_250, statuses: 2, money: 0, receptions: 1 }),
      'Saved: 1 meeting added, 1,250 issues added, 2 statuses changed, 0 amounts added, 1 personal reception added.'],
    ['en', 'budgetRequests.medianDaysValue', { days: 1 }, '1 day'],
    ['en', 'budgetRequests.inbox.waiting', { days: 12 }, 'waiting 12 days'],
    ['en', 'overviewPage.map.noRate', { min: 10 }, 'fewer than 10 issues'],
  ];
  it.each(cases)('%s %s %o', (locale, key, values, expected) => {
    expect(plain(translator(locale as (typeof LOCALES)[number])(key, values))).toBe(expected);
  });
});
