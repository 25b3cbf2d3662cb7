import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { periodLabel } from '@/server/stats/period-label';
import { formatDay } from '@/i18n/format-day';
import { parsePeriod } from '@/lib/period';
import { logger } from '@/server/observability/logger';

// Words shared by the dashboard's sections.

/** 31.12.2022 (31 Dec 2022 in English). */
export async function dateLabel(iso: string): Promise<string> {
  return formatDay(await getLocale(), iso);
}

/** The half-years a list or plan belongs to: "I полугодие 2022 года, II полугодие 2022 года". */
export async function halvesLabel(codes: readonly string[]): Promise<string> {
  const labels = await Promise.all(codes.map((c) => parsePeriod(c)).filter((p) => p !== null).map((p) => periodLabel(p)));
  return labels.join(', ');
}

/** A section that failed to load says so, and the rest of the page stays. */
export async function SectionError() {
  const t = await getTranslations('chartKit');
  return <p role="alert" className="rounded-lg border border-amber-500 bg-amber-50 p-4 text-sm text-amber-950">{t('sectionError')}</p>;
}

/** Runs a section's reads; a failure is logged and shown as that section's error only. */
export async function attempt<T>(load: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
  try {
    return { ok: true, value: await load() };
  } catch (error) {
    logger.error({ err: error }, 'dashboard section failed');
    return { ok: false };
  }
}
