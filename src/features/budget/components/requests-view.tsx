import { Suspense, cache } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { BarChart } from '@/components/charts/lazy';
import type { BarDatum } from '@/components/charts/bar-chart';
import { ChartCard } from '@/components/charts/chart-card';
import { ChartCardSkeleton } from '@/components/charts/chart-skeleton';
import { Cell, DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { KpiCard } from '@/components/ui/kpi-card';
import { KpiSkeleton } from '@/components/ui/kpi-skeleton';
import { PageHeader } from '@/components/ui/page-header';
import { PageSection } from '@/components/ui/page-section';
import { BudgetRequestRejection } from '@/generated/prisma/enums';
import type { StatsFilter } from '@/server/stats/filters';
import { periodLabel } from '@/server/stats/period-label';
import { type RequestFiguresRow, getBudgetRequestFigures, listBudgetRequests } from '@/server/stats/queries/budget-requests';
import { formatDay } from '@/i18n/format-day';
import { pickName } from '@/i18n/pick-name';
import { formatCount, formatMoney, formatMoneyExact, formatPercent } from '@/lib/format';

// /budget-requests: the akimats' budget requests of a period as they stood on asOf — the
// same figures as /api/v1/stats/budget-requests, by status, by region and by body, and the list.

const REASONS = Object.values(BudgetRequestRejection);

// Read once per request for a given filter: the cards, the chart and the tables share it.
const figuresByKey = cache((key: string, lang: string) => getBudgetRequestFigures(JSON.parse(key) as StatsFilter, lang));
export const budgetRequestFigures = (f: StatsFilter, lang: string) => figuresByKey(JSON.stringify(f), lang);

type Row = RequestFiguresRow;

function TableSkeleton({ rows }: { rows: number }) {
  return (
    <div aria-hidden="true" className="space-y-2 rounded-lg border border-neutral-200 bg-white p-3">
      {Array.from({ length: rows }, (_, i) => <div key={i} className="h-6 animate-pulse rounded bg-neutral-100" />)}
    </div>
  );
}

export async function RequestKpis({ filter }: { filter: StatsFilter }) {
  const locale = await getLocale();
  const [t, s, label] = await Promise.all([getTranslations('budgetRequests'), budgetRequestFigures(filter, locale), periodLabel(filter.period)]);
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5" data-testid="request-kpis">
      <KpiCard label={t('requested')} value={formatCount(locale, s.requested.count)} change={t('requestedHint', { amount: formatMoney(locale, s.requested.amountKzt) })} period={label} />
      <KpiCard label={t('approvedTotal')} value={formatMoney(locale, s.approvedTotalKzt)} exact={formatMoneyExact(locale, s.approvedTotalKzt)}
        change={t('approvedTotalHint', { count: formatCount(locale, s.approved.count + s.partiallyApproved.count) })} period={label} />
      <KpiCard label={t('pending')} value={formatCount(locale, s.pending.count)} change={t('pendingHint', { amount: formatMoney(locale, s.pending.amountKzt) })} period={label} />
      <KpiCard label={t('listShare')} value={formatPercent(locale, s.list.share)}
        change={t('listShareHint', { withRequest: formatCount(locale, s.list.withRequest), entries: formatCount(locale, s.list.entries) })} period={label} />
      <KpiCard label={t('medianDays')} value={s.medianDaysToDecision === null ? t('noneYet') : t('medianDaysValue', { days: s.medianDaysToDecision })}
        change={t('medianDaysHint')} period={label} />
    </div>
  );
}

/** The status funnel: submitted, then where each request stands; a chart and its table. */
export async function StatusFunnel({ filter }: { filter: StatsFilter }) {
  const locale = await getLocale();
  const [t, ts, s, label] = await Promise.all([getTranslations('budgetRequests'), getTranslations('codes.requestStatus'), budgetRequestFigures(filter, locale), periodLabel(filter.period)]);
  const rows = [
    { key: 'SUBMITTED', label: ts('SUBMITTED'), count: s.pending.count, asked: s.pending.amountKzt, approved: null as number | null },
    { key: 'APPROVED', label: ts('APPROVED'), count: s.approved.count, asked: s.approved.amountKzt, approved: s.approved.approvedKzt },
    { key: 'PARTIALLY_APPROVED', label: ts('PARTIALLY_APPROVED'), count: s.partiallyApproved.count, asked: s.partiallyApproved.amountKzt, approved: s.partiallyApproved.approvedKzt },
    { key: 'REJECTED', label: ts('REJECTED'), count: s.rejected.count, asked: s.rejected.amountKzt, approved: null },
    { key: 'WITHDRAWN', label: ts('WITHDRAWN'), count: s.withdrawn.count, asked: s.withdrawn.amountKzt, approved: null },
  ];
  const data: BarDatum[] = [
    { key: 'REQUESTED', label: t('totalRow'), value: s.requested.count, valueLabel: formatCount(locale, s.requested.count), tooltip: [formatMoney(locale, s.requested.amountKzt)] },
    ...rows.map((r) => ({ key: r.key, label: r.label, value: r.count, valueLabel: formatCount(locale, r.count), tooltip: [formatMoney(locale, r.asked)] })),
  ];
  const money = (n: number | null) => (n === null ? null : formatMoney(locale, n));
  return (
    <ChartCard id="by-status" title={t('funnelTitle')} subtitle={t('funnelSubtitle', { period: label })} source={t('source')} tableToggle={t('showTable')} footnote={t('funnelNote')}
      empty={s.requested.count === 0 ? { title: t('emptyTitle'), text: t('emptyText') } : undefined}
      table={{
        caption: t('funnelTitle'),
        head: [{ label: t('status') }, { label: t('count'), numeric: true }, { label: t('amountRequested'), numeric: true }, { label: t('amountApproved'), numeric: true }],
        rows: [
          { key: 'requested', cells: [t('totalRow'), formatCount(locale, s.requested.count), money(s.requested.amountKzt), money(s.approvedTotalKzt)] },
          ...rows.map((r) => ({ key: r.key, cells: [r.label, formatCount(locale, r.count), money(r.asked), money(r.approved)] })),
        ],
      }}>
      <BarChart data={data} valueKind="count" locale={locale} height={Math.max(160, data.length * 40)} title={t('funnelTitle')} />
    </ChartCard>
  );
}

function FiguresTable({ caption, first, rows, locale, t }: {
  caption: string; first: string; locale: string; t: (k: string) => string;
  rows: Array<{ key: string; name: string; figures: Row; total?: boolean }>;
}) {
  const money = (n: number) => formatMoney(locale, n);
  return (
    <DataTable caption={caption}
      head={[
        { label: first }, { label: t('requested'), numeric: true }, { label: t('amountRequested'), numeric: true }, { label: t('approvedTotal'), numeric: true },
        { label: t('amountApproved'), numeric: true }, { label: t('pending'), numeric: true }, { label: t('rejected'), numeric: true }, { label: t('withdrawn'), numeric: true },
      ]}>
      {rows.map(({ key, name, figures: r, total }) => (
        <tr key={key} className={total ? 'font-semibold' : undefined}>
          <Cell>{name}</Cell>
          <Cell numeric>{formatCount(locale, r.requested.count)}</Cell>
          <Cell numeric>{money(r.requested.amountKzt)}</Cell>
          <Cell numeric>{formatCount(locale, r.approved.count + r.partiallyApproved.count)}</Cell>
          <Cell numeric>{money(r.approvedTotalKzt)}</Cell>
          <Cell numeric>{formatCount(locale, r.pending.count)}</Cell>
          <Cell numeric>{formatCount(locale, r.rejected.count)}</Cell>
          <Cell numeric>{formatCount(locale, r.withdrawn.count)}</Cell>
        </tr>
      ))}
    </DataTable>
  );
}

export async function RequestsByRegion({ filter }: { filter: StatsFilter }) {
  const locale = await getLocale();
  const [t, ts, s] = await Promise.all([getTranslations('budgetRequests'), getTranslations('codes.requestStatus'), budgetRequestFigures(filter, locale)]);
  if (s.byRegion.length === 0) return <EmptyState title={t('emptyTitle')}>{t('emptyText')}</EmptyState>;
  const label = (k: string) => (k === 'rejected' ? ts('REJECTED') : k === 'withdrawn' ? ts('WITHDRAWN') : t(k));
  return (
    <FiguresTable caption={t('byRegionTitle')} first={t('region')} locale={locale} t={label}
      rows={[...s.byRegion.map((r) => ({ key: r.code, name: r.name, figures: r })), { key: 'total', name: t('totalRow'), figures: s, total: true }]} />
  );
}

export async function RequestsByBody({ filter }: { filter: StatsFilter }) {
  const locale = await getLocale();
  const [t, ts, s] = await Promise.all([getTranslations('budgetRequests'), getTranslations('codes.requestStatus'), budgetRequestFigures(filter, locale)]);
  if (s.byBody.length === 0) return <EmptyState title={t('emptyTitle')}>{t('emptyText')}</EmptyState>;
  const label = (k: string) => (k === 'rejected' ? ts('REJECTED') : k === 'withdrawn' ? ts('WITHDRAWN') : t(k));
  return (
    <FiguresTable caption={t('byBodyTitle')} first={t('body')} locale={locale} t={label}
      rows={[...s.byBody.map((r) => ({ key: r.code, name: r.name, figures: r })), { key: 'total', name: t('totalRow'), figures: s, total: true }]} />
  );
}

export async function RejectedByReason({ filter }: { filter: StatsFilter }) {
  const locale = await getLocale();
  const [t, tr, s] = await Promise.all([getTranslations('budgetRequests'), getTranslations('codes.requestRejection'), budgetRequestFigures(filter, locale)]);
  if (s.rejected.count === 0) return null;
  return (
    <DataTable caption={t('rejectedByReasonTitle')} head={[{ label: t('reason') }, { label: t('count'), numeric: true }, { label: t('amountRequested'), numeric: true }]}>
      {REASONS.filter((r) => s.rejected.byReason[r].count > 0).map((r) => (
        <tr key={r}>
          <Cell>{tr(r)}</Cell>
          <Cell numeric>{formatCount(locale, s.rejected.byReason[r].count)}</Cell>
          <Cell numeric>{formatMoney(locale, s.rejected.byReason[r].amountKzt)}</Cell>
        </tr>
      ))}
    </DataTable>
  );
}

export async function RequestList({ filter }: { filter: StatsFilter }) {
  const locale = await getLocale();
  const [t, ts, tr, items] = await Promise.all([
    getTranslations('budgetRequests'), getTranslations('codes.requestStatus'), getTranslations('codes.requestRejection'), listBudgetRequests(filter),
  ]);
  if (items.length === 0) return <EmptyState title={t('emptyTitle')}>{t('emptyText')}</EmptyState>;
  return (
    <DataTable caption={t('listTitle')}
      head={[
        { label: t('request') }, { label: t('region') }, { label: t('body') }, { label: t('submittedOn') }, { label: t('status') },
        { label: t('amountRequested'), numeric: true }, { label: t('amountApproved'), numeric: true }, { label: t('issues') },
      ]}>
      {items.map((r) => (
        <tr key={r.id} data-testid={`request-row-${r.id}`}>
          <Cell className="whitespace-nowrap">{t('requestNo', { id: r.id })}</Cell>
          <Cell>{pickName(locale, r.region)}</Cell>
          <Cell>{pickName(locale, r.body)}</Cell>
          <Cell className="whitespace-nowrap">{formatDay(locale, r.submittedOn)}</Cell>
          <Cell>
            {ts(r.status)}
            {r.reason ? <span className="block text-sm text-neutral-700">{tr(r.reason)}</span> : null}
            {r.decidedOn ? <span className="block text-sm text-neutral-700">{t('decidedOn')}: {formatDay(locale, r.decidedOn)}</span> : null}
          </Cell>
          <Cell numeric>{formatMoney(locale, r.amountKzt)}</Cell>
          <Cell numeric>{r.approvedKzt === null ? null : formatMoney(locale, r.approvedKzt)}</Cell>
          <Cell>
            {r.issueIds.map((id, i) => (
              <span key={id}>{i > 0 ? ', ' : ''}<a href={`/issues/${id}`} className="text-sky-kz-dark underline">{t('issueNo', { id })}</a></span>
            ))}
          </Cell>
        </tr>
      ))}
    </DataTable>
  );
}

export async function BudgetRequestsView({ filter, header }: { filter: StatsFilter; header: React.ReactNode }) {
  const locale = await getLocale();
  const [t, label] = await Promise.all([getTranslations('budgetRequests'), periodLabel(filter.period)]);
  const key = `${filter.period.code}|${filter.bodyId ?? ''}|${filter.asOf}`;
  return (
    <div className="space-y-8">
      <PageHeader title={t('title')} lead={t('subtitle', { period: label, asOf: formatDay(locale, filter.asOf) })}>
        {header}
      </PageHeader>
      <Suspense key={`k${key}`} fallback={<KpiSkeleton cards={5} />}>
        <RequestKpis filter={filter} />
      </Suspense>
      <Suspense key={`f${key}`} fallback={<ChartCardSkeleton height={280} label={t('funnelTitle')} />}>
        <StatusFunnel filter={filter} />
      </Suspense>
      <PageSection id="by-region" title={t('byRegionTitle')}>
        <Suspense key={`r${key}`} fallback={<TableSkeleton rows={8} />}>
          <RequestsByRegion filter={filter} />
        </Suspense>
      </PageSection>
      <PageSection id="by-body" title={t('byBodyTitle')}>
        <Suspense key={`b${key}`} fallback={<TableSkeleton rows={6} />}>
          <RequestsByBody filter={filter} />
        </Suspense>
        <Suspense key={`x${key}`} fallback={null}>
          <RejectedByReason filter={filter} />
        </Suspense>
      </PageSection>
      <PageSection id="list" title={t('listTitle')} note={t('listNote')}>
        <Suspense key={`l${key}`} fallback={<TableSkeleton rows={8} />}>
          <RequestList filter={filter} />
        </Suspense>
      </PageSection>
      <p className="text-xs text-neutral-600">{t('source')}</p>
    </div>
  );
}
