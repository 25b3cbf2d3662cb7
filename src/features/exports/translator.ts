import 'server-only';
import { createTranslator } from 'next-intl';
import { type Locale, isLocale } from '@/i18n/config';
import { loadMessages } from '@/i18n/catalogue';

// Files are made for a language asked for in the URL, not the reader's cookie, so their texts
// come from a translator built for that language rather than from the request's.

export type ExportLang = Locale;
export const exportLang = (v: string | undefined | null): ExportLang => (isLocale(v) ? v : 'ru');

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export async function translatorFor(lang: ExportLang): Promise<Translate> {
  const messages = await loadMessages(lang);
  // Keys are built from codes at run time, so the translator is used untyped.
  return createTranslator({ locale: lang, messages }) as unknown as Translate;
}
