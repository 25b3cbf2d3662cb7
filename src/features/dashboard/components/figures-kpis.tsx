import { changeLabel } from '@/i18n/change-label';
import { getLocale, getTranslations } from 'next-intl/server';
import { KpiCard } from '@/components/ui/kpi-card';
import { EmptyState } from '@/components/ui/empty-state';
import type { StatsFilter } from '@/server/stats/filters';
import { periodLabel } from '@/server/stats/period-label';
import { getFigures, getSummary } from '@/server/stats/queries/summary';
import { formatCompact, formatCount, formatFactor, formatMoney, formatMoneyExact, formatPercent, formatPoints } from '@/lib/format';
import { type Compare, comparedPeriod } from '@/lib/period';
import { timesChange } from '@/lib/times';
import { SectionError, attempt, dateLabel } from '../labels';
import { replicaAsOfLabel } from '../replica-note';

// The headline figures of a period — meetings, issues raised and resolved, the rate, the local
// and the republican budget — each with its change from the compared period (the one before, or
// the same period a year earlier): the difference with an arrow and a sign, not colour, and «в N
// раза» where one value is at least 1.5 times the other; on a region's page, the national figure beside it.

export async function FiguresKpis({ filter, national, compare = 'previous' }: { filter: StatsFilter; national?: StatsFilter; compare?: Compare }) {
  const loaded = await attempt(() => Promise.all([getSummary(filter, compare), national ? getFigures(national) : Promise.resolve(null)]));
  if (!loaded.ok) return <SectionError />;
  const [summary, nationwide] = loaded.value;
  const [locale, t, to, tc] = await Promise.all([getLocale(), getTranslations('overview'), getTranslations('overviewPage'), getTranslations('change')]);
  const { previous, ...current } = summary;
  const [label, previousLabel, asOf, replicaTime] = await Promise.all([
    periodLabel(filter.period), periodLabel(comparedPeriod(filter.period, compare)), dateLabel(current.asOf), replicaAsOfLabel(locale),
  ]);

  if (current.meetings === 0 && current.issuesRaised === 0) return <EmptyState title={t('empty')} />;

  const count = (n: number) => formatCompact(locale, n);
  const exact = (n: number) => t('exact', { value: formatCount(locale, n) });
  const change = await changeLabel(previousLabel);
  const times = (now: number | null, before: number | null) => {
    const t = timesChange(now, before);
    return t ? tc(t.direction === 'more' ? 'timesMore' : 'timesLess', { value: formatFactor(locale, t.factor), n: t.factor }) : undefined;
  };
  const points = (d: number) => tc('points', { value: formatPoints(locale, Math.round(d * 1000) / 10) });
  const rateChange = (now: number | null, before: number | null) => change(now, before, points, (a, b) => Math.round((a - b) * 1000) === 0);
  const beside = (value: string) => (nationwide ? to('national', { value }) : undefined);
  // Local and republican money: the same two cards, need and allocation, each with its own labels.
  const moneyCards = (source: 'budget' | 'republicanBudget') => {
    const b = current[source];
    const k = source === 'budget' ? 'budget' : 'republicanBudget';
    const money = (n: number) => formatMoney(locale, n);
    return (
      <>
        <KpiCard label={to(`${k}Need`)} value={money(b.needKzt)} exact={t('exact', { value: formatMoneyExact(locale, b.needKzt) })}
          period={label} hint={to(`${k}NeedHint`, { date: asOf })}
          change={change(b.needKzt, previous[source].needKzt, money)} times={times(b.needKzt, previous[source].needKzt)}
          comparison={nationwide ? beside(money(nationwide[source].needKzt)) : undefined} />
        <KpiCard label={to(`${k}Allocated`)} value={money(b.allocatedKzt)}
          exact={t('exact', { value: formatMoneyExact(locale, b.allocatedKzt) })} period={label}
          hint={b.allocatedShare === null ? to('budgetNoShare') : to('budgetAllocatedHint', { share: formatPercent(locale, b.allocatedShare), date: asOf })}
          change={change(b.allocatedKzt, previous[source].allocatedKzt, money)} times={times(b.allocatedKzt, previous[source].allocatedKzt)}
          comparison={nationwide ? beside(`${money(nationwide[source].allocatedKzt)} (${formatPercent(locale, nationwide[source].allocatedShare)})`) : undefined} />
      </>
    );
  };

  return (
    <div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <KpiCard label={t('meetings')} value={count(current.meetings)} exact={exact(current.meetings)} period={label}
          change={change(current.meetings, previous.meetings, count)} times={times(current.meetings, previous.meetings)} comparison={nationwide ? beside(count(nationwide.meetings)) : undefined} />
        <KpiCard label={t('issuesRaised')} value={count(current.issuesRaised)} exact={exact(current.issuesRaised)} period={label}
          change={change(current.issuesRaised, previous.issuesRaised, count)} times={times(current.issuesRaised, previous.issuesRaised)} comparison={nationwide ? beside(count(nationwide.issuesRaised)) : undefined} />
        <KpiCard label={t('issuesResolved')} value={count(current.issuesResolved)} exact={exact(current.issuesResolved)} period={label}
          change={change(current.issuesResolved, previous.issuesResolved, count)} times={times(current.issuesResolved, previous.issuesResolved)}
          comparison={nationwide ? beside(count(nationwide.issuesResolved)) : undefined} />
        <KpiCard label={t('resolutionRate')} value={formatPercent(locale, current.resolutionRate)} period={label}
          hint={t('resolutionRateHint', { date: asOf })} change={rateChange(current.resolutionRate, previous.resolutionRate)}
          times={times(current.resolutionRate, previous.resolutionRate)}
          comparison={nationwide ? beside(formatPercent(locale, nationwide.resolutionRate)) : undefined} />
        {moneyCards('budget')}
        {moneyCards('republicanBudget')}
      </div>
      <p className="mt-3 text-xs text-neutral-600">
        {t('source', { date: asOf })}
        {replicaTime && <strong className="ml-1 font-medium text-amber-900">{t('replicaAsOf', { time: replicaTime })}</strong>}
      </p>
    </div>
  );
}
