import { Suspense } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageSection } from '@/components/ui/page-section';
import { Cell, DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import type { StatsFilter } from '@/server/stats/filters';
import { formatCount, formatMoney, formatPercent } from '@/lib/format';
import { can } from '@/server/access/policy';
import type { Caller } from '@/server/auth/caller';
import { budgetRequestFigures } from './requests-view';

// The budget requests on other pages: a region's (its requests by addressed body), and the
// central page's (every body's). The same figures as /api/v1/stats/budget-requests.

function BodyTable({ caption, rows, locale, t, ts }: {
  caption: string; locale: string; t: (k: string) => string; ts: (k: string) => string;
  rows: Awaited<ReturnType<typeof budgetRequestFigures>>['byBody'];
}) {
  return (
    <DataTable caption={caption}
      head={[
        { label: t('body') }, { label: t('requested'), numeric: true }, { label: t('amountRequested'), numeric: true },
        { label: t('amountApproved'), numeric: true }, { label: t('pending'), numeric: true }, { label: ts('REJECTED'), numeric: true },
      ]}>
      {rows.map((r) => (
        <tr key={r.code}>
          <Cell>{r.name}</Cell>
          <Cell numeric>{formatCount(locale, r.requested.count)}</Cell>
          <Cell numeric>{formatMoney(locale, r.requested.amountKzt)}</Cell>
          <Cell numeric>{formatMoney(locale, r.approvedTotalKzt)}</Cell>
          <Cell numeric>{formatCount(locale, r.pending.count)}</Cell>
          <Cell numeric>{formatCount(locale, r.rejected.count)}</Cell>
        </tr>
      ))}
    </DataTable>
  );
}

/** One region's requests: the totals, then by addressed body. */
export async function RegionRequestsSection({ filter, caller }: { filter: StatsFilter; caller: Caller }) {
  const locale = await getLocale();
  const [t, ts, s] = await Promise.all([getTranslations('budgetRequests'), getTranslations('codes.requestStatus'), budgetRequestFigures(filter, locale)]);
  return (
    <section aria-labelledby="requests-title" className="space-y-3 rounded-lg border border-neutral-200 bg-white p-4 xl:col-span-2" data-testid="region-requests">
      <h2 id="requests-title" className="text-base font-semibold">{t('sectionRegionTitle')}</h2>
      {s.requested.count === 0 ? <EmptyState title={t('emptyTitle')} /> : (
        <>
          <dl className="tabular grid gap-2 sm:grid-cols-4">
            <div><dt className="text-sm text-neutral-700">{t('requested')}</dt><dd className="font-semibold">{formatCount(locale, s.requested.count)} · {formatMoney(locale, s.requested.amountKzt)}</dd></div>
            <div><dt className="text-sm text-neutral-700">{t('approvedTotal')}</dt><dd className="font-semibold">{formatMoney(locale, s.approvedTotalKzt)}</dd></div>
            <div><dt className="text-sm text-neutral-700">{t('pending')}</dt><dd className="font-semibold">{formatCount(locale, s.pending.count)} · {formatMoney(locale, s.pending.amountKzt)}</dd></div>
            <div><dt className="text-sm text-neutral-700">{t('listShare')}</dt><dd className="font-semibold">{formatPercent(locale, s.list.share)}</dd></div>
          </dl>
          <BodyTable caption={t('byBodyTitle')} rows={s.byBody} locale={locale} t={(k) => t(k)} ts={(k) => ts(k)} />
        </>
      )}
      {can(caller.role, 'budget.read') ? <a href={`/budget-requests?period=${filter.period.code}`} className="text-sm text-sky-kz-dark underline">{t('sectionLink')}</a> : null}
    </section>
  );
}

/** The central page's section: each body's requests. */
export async function CentralRequestsSection({ filter, caller }: { filter: StatsFilter; caller: Caller }) {
  const locale = await getLocale();
  const [t, ts, s] = await Promise.all([getTranslations('budgetRequests'), getTranslations('codes.requestStatus'), budgetRequestFigures(filter, locale)]);
  return (
    <div className="space-y-3" data-testid="central-requests">
      {s.byBody.length === 0 ? <EmptyState title={t('emptyTitle')}>{t('emptyText')}</EmptyState>
        : <BodyTable caption={t('sectionCentralTitle')} rows={s.byBody} locale={locale} t={(k) => t(k)} ts={(k) => ts(k)} />}
      {can(caller.role, 'budget.read') ? <a href={`/budget-requests?period=${filter.period.code}`} className="text-sm text-sky-kz-dark underline">{t('sectionLink')}</a> : null}
    </div>
  );
}

/** The central page's titled section, loading on its own. */
export async function RequestsPageSection({ filter, caller, suspenseKey }: { filter: StatsFilter; caller: Caller; suspenseKey: string }) {
  const t = await getTranslations('budgetRequests');
  return (
    <PageSection id="budget-requests" title={t('sectionCentralTitle')}>
      <Suspense key={suspenseKey} fallback={<div aria-hidden="true" className="h-24 animate-pulse rounded bg-neutral-100" />}>
        <CentralRequestsSection filter={filter} caller={caller} />
      </Suspense>
    </PageSection>
  );
}
