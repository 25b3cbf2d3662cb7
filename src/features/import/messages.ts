import 'server-only';
import { createTranslator } from 'next-intl';
import { loadMessages } from '@/i18n/catalogue';
import { DEFAULT_LOCALE, LOCALE_COOKIE, type Locale, isLocale } from '@/i18n/config';
import type { RowError } from './parse-rows';

// Row errors in the reader's language, for the API and the page alike.

export type DescribedError = { row: number; column: string; field: string; message: string };

/** The language of an API request: ?lang, then the remembered choice (cookie), then Accept-Language. */
export function requestLocale(request: Request): Locale {
  const lang = new URL(request.url).searchParams.get('lang');
  if (isLocale(lang)) return lang;
  const cookie = /(?:^|;\s*)NEXT_LOCALE=([a-z]{2})/.exec(request.headers.get('cookie') ?? '')?.[1];
  if (LOCALE_COOKIE === 'NEXT_LOCALE' && isLocale(cookie)) return cookie;
  for (const part of (request.headers.get('accept-language') ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase().slice(0, 2);
    if (isLocale(tag)) return tag;
  }
  return DEFAULT_LOCALE;
}

export async function describeErrors(errors: RowError[], locale: Locale): Promise<DescribedError[]> {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages: messages as never, namespace: 'import.errors' as never }) as unknown as {
    (key: string, params?: Record<string, string | number>): string;
    has: (key: string) => boolean;
  };
  // Keys with a namespace come from the shared write schemas (entry.validation.*, validation.*).
  const root = createTranslator({ locale, messages: messages as never }) as unknown as {
    (key: string, params?: Record<string, string | number>): string;
    has: (key: string) => boolean;
  };
  const codes = (messages.codes as { issueStatus: Record<string, string> }).issueStatus;
  const amount = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : `${locale}-KZ`);
  return errors.map((e) => {
    const params: Record<string, string | number> = { ...e.params };
    if (typeof params.from === 'string') params.from = codes[params.from] ?? params.from;
    if (typeof params.to === 'string') params.to = codes[params.to] ?? params.to;
    if (typeof params.recorded === 'string') params.recorded = amount.format(Number(params.recorded));
    if (typeof params.date === 'string') params.date = params.date.split('-').reverse().join('.');
    const message = e.key.includes('.') ? (root.has(e.key) ? root(e.key, params) : t('invalid')) : t.has(e.key) ? t(e.key, params) : t('invalid');
    return { row: e.row, column: e.column, field: e.field, message };
  });
}
