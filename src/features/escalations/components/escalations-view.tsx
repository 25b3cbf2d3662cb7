import { Suspense, cache } from 'react';
import { changeLabel } from '@/i18n/change-label';
import { getLocale, getTranslations } from 'next-intl/server';
import { BarChart } from '@/components/charts/lazy';
import type { BarDatum } from '@/components/charts/bar-chart';
import { ChartCard } from '@/components/charts/chart-card';
import { ChartCardSkeleton } from '@/components/charts/chart-skeleton';
import { Cell, DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { KpiCard } from '@/components/ui/kpi-card';
import { KpiSkeleton } from '@/components/ui/kpi-skeleton';
import { Disposition } from '@/generated/prisma/enums';
import { type StatsFilter, nationalFilter } from '@/server/stats/filters';
import { periodLabel } from '@/server/stats/period-label';
import { getEscalationStats } from '@/server/stats/queries/escalations';
import { pickName } from '@/i18n/pick-name';
import { previousPeriod } from '@/lib/period';
import type { Caller } from '@/server/auth/caller';
import { formatCount, formatMoney, formatMoneyExact, formatPercent } from '@/lib/format';
import { listSelectedEscalations } from '@/server/stats/queries/selected-escalations';
import { PageHeader } from '@/components/ui/page-header';
import { PageSection } from '@/components/ui/page-section';

// /escalations: the central-level list. Lists belong to half-years; a year covers both.

const DISPOSITIONS = Object.values(Disposition);

// Read once per request for a given filter: the cards and the table share it.
const statsByKey = cache((key: string) => getEscalationStats(JSON.parse(key) as StatsFilter));
const escalationStats = (f: StatsFilter) => statsByKey(JSON.stringify(f));

function TableSkeleton({ rows }: { rows: number }) {
  return (
    <div aria-hidden="true" className="space-y-2 rounded-lg border border-neutral-200 bg-white p-3">
      {Array.from({ length: rows }, (_, i) => <div key={i} className="h-6 animate-pulse rounded bg-neutral-100" />)}
    </div>
  );
}

async function halvesLabel(halves: string[]): Promise<string> {
  const t = await getTranslations('escalations');
  return halves.map((h) => t('halfShort', { year: h.slice(0, 4), half: h.slice(-1) })).join(', ');
}

export async function EscalationKpis({ filter }: { filter: StatsFilter }) {
  const locale = await getLocale();
  const previous = { ...nationalFilter(previousPeriod(filter.period)), bodyId: filter.bodyId };
  const [t, now, before, label, previousLabel] = await Promise.all([
    getTranslations('escalations'),
    escalationStats(filter),
    escalationStats(previous),
    periodLabel(filter.period),
    periodLabel(previousPeriod(filter.period)),
  ]);
  const changeOf = await changeLabel(previousLabel);
  const change = (a: number, b: number) => changeOf(a, b, (n) => formatCount(locale, n));
  const amount = DISPOSITIONS.reduce((s, d) => s + now.byDisposition[d].amountKzt, 0);
  const amountBefore = DISPOSITIONS.reduce((s, d) => s + before.byDisposition[d].amountKzt, 0);
  const moneyChange = changeOf(amount, amountBefore, (n) => formatMoney(locale, n));
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <KpiCard label={t('total')} value={formatCount(locale, now.total)} hint={t('totalHint', { halves: await halvesLabel(now.halves) })}
        change={change(now.total, before.total)} period={label} />
      <KpiCard label={t('selected')} value={formatCount(locale, now.selected)} hint={t('selectedHint')} change={change(now.selected, before.selected)} period={label} />
      <KpiCard label={t('amount')} value={formatMoney(locale, amount)} exact={formatMoneyExact(locale, amount)} hint={t('amountHint')} change={moneyChange} period={label} />
    </div>
  );
}

/** The list by disposition: a chart of counts, and a table with shares and amounts. */
export async function DispositionChart({ filter }: { filter: StatsFilter }) {
  const locale = await getLocale();
  const [t, tc, td, stats, label] = await Promise.all([
    getTranslations('escalations'), getTranslations('centralCommon'), getTranslations('codes.disposition'), escalationStats(filter), periodLabel(filter.period),
  ]);
  const rows: Array<{ key: string; label: string; count: number; amountKzt: number }> = DISPOSITIONS.map((d) => ({ key: d, label: td(d), ...stats.byDisposition[d] }));
  if (stats.undecided > 0) rows.push({ key: 'UNDECIDED', label: t('undecided'), count: stats.undecided, amountKzt: 0 });
  const amount = rows.reduce((s, r) => s + r.amountKzt, 0);
  const shareOf = (n: number) => formatPercent(locale, stats.total === 0 ? null : n / stats.total);
  const data: BarDatum[] = rows.map((r) => ({
    key: r.key, label: r.label, value: r.count, valueLabel: formatCount(locale, r.count),
    tooltip: [
      t('tipCount', { n: formatCount(locale, r.count), share: shareOf(r.count) }),
      ...(r.amountKzt > 0 ? [t('tipAmount', { amount: formatMoney(locale, r.amountKzt) })] : []),
    ],
  }));
  return (
    <ChartCard id="by-disposition" title={t('byDispositionTitle')} subtitle={t('byDispositionSubtitle', { period: label })} source={t('source')}
      tableToggle={tc('showTable')} footnote={t('byDispositionNote')}
      empty={stats.total === 0 ? { title: t('emptyTitle'), text: t('emptyText') } : undefined}
      table={{
        caption: t('byDispositionTableTitle'),
        head: [{ label: t('disposition') }, { label: t('count'), numeric: true }, { label: t('share'), numeric: true }, { label: t('amountCol'), numeric: true }],
        rows: [
          ...rows.map((r) => ({ key: r.key, cells: [r.label, formatCount(locale, r.count), shareOf(r.count), r.amountKzt > 0 ? formatMoney(locale, r.amountKzt) : null] })),
          { key: 'total', cells: [t('totalRow'), formatCount(locale, stats.total), shareOf(stats.total), amount > 0 ? formatMoney(locale, amount) : null] },
        ],
      }}>
      <BarChart data={data} valueKind="count" locale={locale} height={Math.max(160, data.length * 40)} title={t('byDispositionTitle')} />
    </ChartCard>
  );
}

export async function SelectedIssues({ caller, filter }: { caller: Caller; filter: StatsFilter }) {
  const locale = await getLocale();
  const [t, td, items] = await Promise.all([getTranslations('escalations'), getTranslations('codes.disposition'), listSelectedEscalations(caller, filter)]);
  if (items.length === 0) return <EmptyState title={t('selectedEmptyTitle')}>{t('selectedEmptyText')}</EmptyState>;
  return (
    <DataTable caption={t('selectedTitle')}
      head={[{ label: t('issue') }, { label: t('region') }, { label: t('category') }, { label: t('body') }, { label: t('disposition') }, { label: t('amountCol'), numeric: true }, { label: t('list') }]}>
      {items.map((i) => (
        <tr key={`${i.issueId}-${i.half}`}>
          <Cell>
            <a href={`/issues/${i.issueId}`} className="text-sky-kz-dark underline">{t('issueNo', { id: i.issueId })}</a>
            <span className="block max-w-md text-neutral-800">{i.description}</span>
          </Cell>
          <Cell>{pickName(locale, i.region)}</Cell>
          <Cell>{pickName(locale, i.category)}</Cell>
          <Cell>{pickName(locale, i.body)}</Cell>
          <Cell>{i.disposition ? td(i.disposition) : t('undecided')}</Cell>
          <Cell numeric>{i.amountKzt ? formatMoney(locale, i.amountKzt) : null}</Cell>
          <Cell className="whitespace-nowrap">{t('halfShort', { year: i.half.slice(0, 4), half: i.half.slice(-1) })}</Cell>
        </tr>
      ))}
    </DataTable>
  );
}

export async function EscalationsView({ caller, filter, header }: { caller: Caller; filter: StatsFilter; header: React.ReactNode }) {
  const [t, label] = await Promise.all([getTranslations('escalations'), periodLabel(filter.period)]);
  const key = `${filter.period.code}|${filter.bodyId ?? ''}`;
  return (
    <div className="space-y-8">
      <PageHeader title={t('title')} lead={t('subtitle', { period: label })}>
        {header}
      </PageHeader>
      <Suspense key={key} fallback={<KpiSkeleton cards={3} />}>
        <EscalationKpis filter={filter} />
      </Suspense>
      <Suspense key={key} fallback={<ChartCardSkeleton height={280} label={t('byDispositionTitle')} />}>
        <DispositionChart filter={filter} />
      </Suspense>
      <PageSection id="selected" title={t('selectedTitle')} note={t('selectedNote')}>
        <Suspense key={key} fallback={<TableSkeleton rows={6} />}>
          <SelectedIssues caller={caller} filter={filter} />
        </Suspense>
      </PageSection>
      <p className="text-xs text-neutral-600">{t('source')}</p>
    </div>
  );
}
