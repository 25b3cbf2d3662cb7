import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { DECREE_REQUIREMENTS, type DecreeRequirement } from '@/server/records/meetings/rules';
import type { StatsFilter } from '@/server/stats/filters';
import { formatCount, formatPercent } from '@/lib/format';
import { centralStats } from '../stats';
import { TableScroll } from '@/components/ui/table-scroll';

// Body × Decree requirement: the share of the body's held meetings that met each one. A cell
// says in words and with a sign whether every meeting met it or fewer than half did; the
// shade only repeats that.

/** Below this share a requirement counts as falling short for a body. */
export const SHORTFALL_BELOW = 0.5;

type Tone = 'all' | 'short' | 'part' | 'none';
const toneOf = (s: number | null): Tone => (s === null ? 'none' : s >= 1 ? 'all' : s < SHORTFALL_BELOW ? 'short' : 'part');
const TONE_CLASS: Record<Tone, string> = {
  all: 'bg-sky-50 text-neutral-900',
  part: 'text-neutral-900',
  short: 'bg-amber-50 text-neutral-900',
  none: 'text-neutral-600',
};

export async function ComplianceMatrix({ filter }: { filter: StatsFilter }) {
  const locale = await getLocale();
  const [t, tc, stats] = await Promise.all([getTranslations('central.compliance'), getTranslations('codes.requirement'), centralStats(filter, locale)]);
  if (stats.held === 0) return <EmptyState title={t('emptyTitle')}>{t('emptyText')}</EmptyState>;

  const cell = (req: DecreeRequirement, shares: Record<DecreeRequirement, number | null>, held: number) => {
    const s = shares[req];
    const tone = toneOf(s);
    const met = s === null ? 0 : Math.round(s * held);
    return (
      <td key={req} className={`border-b border-l border-neutral-200 px-2 py-2 text-right align-top ${TONE_CLASS[tone]}`}>
        {s === null ? (
          <span aria-label={t('noMeetings')}>—</span>
        ) : (
          <>
            <span className="tabular block font-medium">
              {tone === 'all' ? <span aria-hidden="true">✓ </span> : tone === 'short' ? <span aria-hidden="true">✗ </span> : null}
              {formatPercent(locale, s, 0)}
            </span>
            <span className="tabular block text-xs text-neutral-700">{t('metOf', { met: formatCount(locale, met), held: formatCount(locale, held) })}</span>
            {tone === 'short' ? <span className="sr-only">{t('short')}</span> : null}
            {tone === 'all' ? <span className="sr-only">{t('all')}</span> : null}
          </>
        )}
      </td>
    );
  };
  const th = 'border-b border-neutral-200 px-3 py-2 text-left font-medium';
  return (
    <div>
      <TableScroll label={t('caption')} className="max-h-[70vh] rounded-lg border border-neutral-200 bg-white">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{t('caption')}</caption>
          <thead className="sticky top-0 z-10 bg-neutral-100">
            <tr>
              <th scope="col" className="border-b border-neutral-300 px-3 py-2 text-left font-semibold">{t('body')}</th>
              <th scope="col" className="border-b border-neutral-300 px-2 py-2 text-right font-semibold">{t('held')}</th>
              {DECREE_REQUIREMENTS.map((r) => (
                <th key={r} scope="col" className="min-w-24 border-b border-l border-neutral-300 px-2 py-2 text-right text-xs font-semibold">{tc(r)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...stats.byBody].sort((a, b) => a.name.localeCompare(b.name, locale)).map((b) => (
              <tr key={b.code}>
                <th scope="row" className={th}>{b.name}</th>
                <td className="tabular border-b border-neutral-200 px-2 py-2 text-right align-top">{b.held === 0 ? '—' : formatCount(locale, b.held)}</td>
                {DECREE_REQUIREMENTS.map((r) => cell(r, b.requirements, b.held))}
              </tr>
            ))}
            {filter.bodyId === null ? (
              <tr className="font-semibold">
                <th scope="row" className={`${th} bg-neutral-100`}>{t('allBodies')}</th>
                <td className="tabular border-b border-neutral-200 bg-neutral-100 px-2 py-2 text-right align-top">{formatCount(locale, stats.held)}</td>
                {DECREE_REQUIREMENTS.map((r) => cell(r, stats.requirements, stats.held))}
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableScroll>
      <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm text-neutral-700" aria-label={t('legend')}>
        <li><span aria-hidden="true" className="mr-1 inline-block rounded bg-sky-50 px-1">✓</span>{t('legendAll')}</li>
        <li><span aria-hidden="true" className="mr-1 inline-block rounded bg-amber-50 px-1">✗</span>{t('legendShort', { share: formatPercent(locale, SHORTFALL_BELOW, 0) })}</li>
        <li>{t('legendAnnounced', { days: stats.announcementMinDays })}</li>
      </ul>
    </div>
  );
}
