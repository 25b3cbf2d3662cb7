import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { KpiCard } from '@/components/ui/kpi-card';
import { formatDay } from '@/i18n/format-day';
import { type Period, previousPeriod } from '@/lib/period';
import { periodLabel } from '../period-label';
import { nationalFilter } from '../filters';
import { getSummary } from '../queries/summary';

// The national headline of akim meetings: the four figures the briefing opens with.
export async function AkimOverview({ period }: { period: Period }) {
  const [summary, t, tc, format] = await Promise.all([
    getSummary(nationalFilter(period)),
    getTranslations('overview'),
    getTranslations('change'),
    getFormatter(),
  ]);
  const { previous, ...current } = summary;
  const [label, previousLabel] = await Promise.all([periodLabel(period), periodLabel(previousPeriod(period))]);
  const asOf = formatDay(await getLocale(), current.asOf);

  if (current.meetings === 0 && current.issuesRaised === 0) {
    return <p className="rounded-lg border border-dashed border-neutral-300 bg-white p-6 text-neutral-700">{t('empty')}</p>;
  }

  const compact = (n: number) => format.number(n, { notation: 'compact', maximumFractionDigits: 1 });
  const exact = (n: number) => t('exact', { value: format.number(n) });
  const percent = (r: number) => format.number(r, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const countChange = (now: number, before: number) => {
    if (before === 0) return tc('none', { period: previousLabel });
    const diff = now - before;
    if (diff === 0) return tc('same', { period: previousLabel });
    return tc(diff > 0 ? 'up' : 'down', { value: compact(Math.abs(diff)), period: previousLabel });
  };
  const rateChange = (now: number | null, before: number | null) => {
    if (now === null || before === null) return tc('none', { period: previousLabel });
    const points = Math.round((now - before) * 1000) / 10;
    if (points === 0) return tc('same', { period: previousLabel });
    const value = tc('points', { value: format.number(Math.abs(points), { maximumFractionDigits: 1 }) });
    return tc(points > 0 ? 'up' : 'down', { value, period: previousLabel });
  };

  return (
    <div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <KpiCard label={t('meetings')} value={compact(current.meetings)} exact={exact(current.meetings)}
          change={countChange(current.meetings, previous.meetings)} period={label} />
        <KpiCard label={t('issuesRaised')} value={compact(current.issuesRaised)} exact={exact(current.issuesRaised)}
          change={countChange(current.issuesRaised, previous.issuesRaised)} period={label} />
        <KpiCard label={t('issuesResolved')} value={compact(current.issuesResolved)} exact={exact(current.issuesResolved)}
          hint={t('issuesResolvedHint')} change={countChange(current.issuesResolved, previous.issuesResolved)} period={label} />
        <KpiCard label={t('resolutionRate')} value={current.resolutionRate === null ? '—' : percent(current.resolutionRate)}
          hint={t('resolutionRateHint', { date: asOf })} change={rateChange(current.resolutionRate, previous.resolutionRate)} period={label} />
      </div>
      <p className="mt-4 text-xs text-neutral-500">{t('source', { date: asOf })}</p>
    </div>
  );
}
