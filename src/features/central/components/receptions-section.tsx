import { getLocale, getTranslations } from 'next-intl/server';
import { KpiCard } from '@/components/ui/kpi-card';
import { EmptyState } from '@/components/ui/empty-state';
import type { StatsFilter } from '@/server/stats/filters';
import { periodLabel } from '@/server/stats/period-label';
import { previousPeriod } from '@/lib/period';
import { formatCount, formatPercent } from '@/lib/format';
import { centralStats, previousFilter } from '../stats';
import { countChange } from './change';

// Personal receptions held by central officials in the period, by the day of the reception.
export async function ReceptionsSection({ filter }: { filter: StatsFilter }) {
  const locale = await getLocale();
  const [t, now, before, label, previousLabel] = await Promise.all([
    getTranslations('central.receptions'),
    centralStats(filter, locale),
    centralStats(previousFilter(filter), locale),
    periodLabel(filter.period),
    periodLabel(previousPeriod(filter.period)),
  ]);
  if (now.personalReceptions === 0) return <EmptyState title={t('emptyTitle')}>{t('emptyText')}</EmptyState>;
  const figures = [
    { key: 'count', value: now.personalReceptions, before: before.personalReceptions },
    { key: 'citizens', value: now.citizensReceived, before: before.citizensReceived },
    { key: 'voiced', value: now.issuesVoiced, before: before.issuesVoiced },
    { key: 'resolved', value: now.issuesResolved, before: before.issuesResolved },
    { key: 'inExecution', value: now.issuesInExecution, before: before.issuesInExecution },
  ] as const;
  const changes = await Promise.all(figures.map((f) => countChange(locale, f.value, f.before, previousLabel)));
  const ofVoiced = (n: number) => (now.issuesVoiced === 0 ? undefined : t('ofVoiced', { share: formatPercent(locale, n / now.issuesVoiced, 0) }));
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
      {figures.map((f, i) => (
        <KpiCard key={f.key} label={t(f.key)} value={formatCount(locale, f.value)} change={changes[i]!} period={label}
          hint={f.key === 'resolved' || f.key === 'inExecution' ? ofVoiced(f.value) : undefined} />
      ))}
    </div>
  );
}
