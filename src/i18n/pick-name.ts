import type { Locale } from './config';

/** The reference name in the reader's language, falling back to Russian. */
export function pickName(locale: string, row: { nameRu: string; nameKk: string; nameEn: string }): string {
  const byLocale: Record<Locale, string> = { ru: row.nameRu, kk: row.nameKk, en: row.nameEn };
  return byLocale[locale as Locale] || row.nameRu;
}
