import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { formatLocalDateTime } from '@/i18n/format-time';
import { db } from '@/server/db/client';
import { listClosedPeriods } from '@/server/records/closing';
import { ClosePeriodForm, ReopenPeriodForm } from './period-forms';
import { SimpleTable } from '@/components/ui/simple-table';
import { PageHeader } from '@/components/ui/page-header';

export async function PeriodsView() {
  const [t, locale, rows] = await Promise.all([getTranslations('entry.periods'), getLocale(), listClosedPeriods(db())]);
  const when = (d: Date | null) => (d ? formatLocalDateTime(locale, d) : '—');
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} lead={t('subtitle')} />
      {rows.length === 0 ? (
        <EmptyState title={t('emptyTitle')}><p>{t('empty')}</p></EmptyState>
      ) : (
        <SimpleTable
          label={t('title')}
          caption={t('title')}
          head={[{ label: t('period') }, { label: t('state') }, { label: t('closedAt') }, { label: t('reopenedAt') }, { label: t('action') }]}
        >
          {rows.map((r) => (
            <tr key={r.code} className="border-t border-neutral-200 align-top" data-testid={`period-${r.code}`}>
              <th scope="row" className="px-3 py-2 font-medium">{t('halfName', { year: r.year, half: r.half })}</th>
              <td className="px-3 py-2">{r.reopenedAt ? t('stateOpen') : t('stateClosed')}</td>
              <td className="px-3 py-2">{when(r.closedAt)}{r.closedBy ? ` · ${r.closedBy}` : ''}</td>
              <td className="px-3 py-2">{r.reopenedAt ? `${when(r.reopenedAt)}${r.reopenedBy ? ` · ${r.reopenedBy}` : ''}${r.reason ? ` — ${r.reason}` : ''}` : '—'}</td>
              <td className="px-3 py-2">{r.reopenedAt ? '—' : <ReopenPeriodForm year={r.year} half={r.half} />}</td>
            </tr>
          ))}
        </SimpleTable>
      )}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t('closeTitle')}</h2>
        <p className="text-sm text-neutral-700">{t('closeHint')}</p>
        <ClosePeriodForm />
      </section>
    </div>
  );
}
