import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { formatLocalDateTime } from '@/i18n/format-time';
import { db } from '@/server/db/client';
import { listClosedPeriods } from '../closing';
import { ClosePeriodForm, ReopenPeriodForm } from './period-forms';
import { TableScroll } from '@/components/ui/table-scroll';

export async function PeriodsView() {
  const [t, locale, rows] = await Promise.all([getTranslations('entry.periods'), getLocale(), listClosedPeriods(db())]);
  const when = (d: Date | null) => (d ? formatLocalDateTime(locale, d) : '—');
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-neutral-700">{t('subtitle')}</p>
      </div>
      {rows.length === 0 ? (
        <EmptyState title={t('emptyTitle')}><p>{t('empty')}</p></EmptyState>
      ) : (
        <TableScroll label={t('title')} className="rounded border border-neutral-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">{t('title')}</caption>
            <thead className="bg-neutral-100 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">{t('period')}</th>
                <th scope="col" className="px-3 py-2">{t('state')}</th>
                <th scope="col" className="px-3 py-2">{t('closedAt')}</th>
                <th scope="col" className="px-3 py-2">{t('reopenedAt')}</th>
                <th scope="col" className="px-3 py-2">{t('action')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.code} className="border-t border-neutral-200 align-top" data-testid={`period-${r.code}`}>
                  <th scope="row" className="px-3 py-2 font-medium">{t('halfName', { year: r.year, half: r.half })}</th>
                  <td className="px-3 py-2">{r.reopenedAt ? t('stateOpen') : t('stateClosed')}</td>
                  <td className="px-3 py-2">{when(r.closedAt)}{r.closedBy ? ` · ${r.closedBy}` : ''}</td>
                  <td className="px-3 py-2">{r.reopenedAt ? `${when(r.reopenedAt)}${r.reopenedBy ? ` · ${r.reopenedBy}` : ''}${r.reason ? ` — ${r.reason}` : ''}` : '—'}</td>
                  <td className="px-3 py-2">{r.reopenedAt ? '—' : <ReopenPeriodForm year={r.year} half={r.half} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t('closeTitle')}</h2>
        <p className="text-sm text-neutral-700">{t('closeHint')}</p>
        <ClosePeriodForm />
      </section>
    </div>
  );
}
