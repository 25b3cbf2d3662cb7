import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDay } from '@/i18n/format-day';
import type { Period } from '@/lib/period';

/** A period in the reader's words: "II полугодие 2022 года", "2022 год", … */
export async function periodLabel(p: Period): Promise<string> {
  const t = await getTranslations('period');
  switch (p.kind) {
    case 'year':
      return t('year', { year: String(p.year) });
    case 'half':
      return t('half', { year: String(p.year), half: String(p.index) });
    case 'quarter':
      return t('quarter', { year: String(p.year), quarter: String(p.index) });
    default:
      return t('range', { from: formatDay(await getLocale(), p.from), to: formatDay(await getLocale(), p.to) });
  }
}
