import { Suspense } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { Cell, DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import type { StatsFilter } from '@/server/stats/filters';
import { periodLabel } from '@/server/stats/period-label';
import { getActionPlanStats } from '@/server/stats/queries/action-plans';
import { halvesOf } from '@/server/stats/queries/halves';
import { parsePeriod, type Period } from '@/lib/period';
import { formatCount } from '@/lib/format';
import { PageHeader } from '@/components/ui/page-header';
import { PageSection } from '@/components/ui/page-section';

// /action-plans: which akimats published their plan on their website for the period. Plans
// belong to half-years; over a year a region is unpublished when either half's plan is.

/** Only web links are shown as links: an address is typed by an akimat. */
function safeUrl(url: string | null): URL | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : null;
  } catch {
    return null;
  }
}

function ListSkeleton() {
  return (
    <div aria-hidden="true" className="space-y-2 rounded-lg border border-neutral-200 bg-white p-3">
      {Array.from({ length: 8 }, (_, i) => <div key={i} className="h-6 animate-pulse rounded bg-neutral-100" />)}
    </div>
  );
}

async function ActionPlanLists({ filter }: { filter: StatsFilter }) {
  const locale = await getLocale();
  const halves = halvesOf(filter.period);
  const [t, all, perHalf] = await Promise.all([
    getTranslations('actionPlans'),
    getActionPlanStats(filter, locale),
    // Each half's own plan, so a year says which half is missing.
    halves.length > 1
      ? Promise.all(halves.map(async (h) => ({ code: h.code, stats: await getActionPlanStats({ ...filter, period: parsePeriod(h.code) as Period }, locale) })))
      : Promise.resolve([]),
  ]);
  if (all.halves.length === 0) return <EmptyState title={t('emptyTitle')}>{t('emptyText')}</EmptyState>;
  const count = all.published.length + all.notPublished.length;
  const halfLabel = (code: string) => t('halfShort', { year: code.slice(0, 4), half: code.slice(-1) });
  const halfCells = (kato: string) =>
    perHalf.map((h) => {
      const ok = h.stats.published.some((r) => r.kato === kato);
      return (
        <Cell key={h.code}>
          <span aria-hidden="true">{ok ? '✓ ' : '✗ '}</span>
          {ok ? t('published') : t('notPublished')}
        </Cell>
      );
    });
  const halfHead = perHalf.map((h) => ({ label: halfLabel(h.code) }));
  const th = 'border-b border-neutral-200 px-3 py-2 text-left font-medium';
  return (
    <div className="space-y-8">
      <div className="grid gap-4 sm:grid-cols-2">
        <section aria-label={t('notPublishedCount')} className="rounded-lg border-2 border-amber-500 bg-white p-4">
          <h2 className="text-sm font-medium text-neutral-700">{t('notPublishedCount')}</h2>
          <p className="tabular mt-1 text-3xl font-semibold" data-testid="not-published-count">
            <span aria-hidden="true">✗ </span>{t('ofRegions', { n: formatCount(locale, all.notPublished.length), total: formatCount(locale, count) })}
          </p>
        </section>
        <section aria-label={t('publishedCount')} className="rounded-lg border border-neutral-200 bg-white p-4">
          <h2 className="text-sm font-medium text-neutral-700">{t('publishedCount')}</h2>
          <p className="tabular mt-1 text-3xl font-semibold" data-testid="published-count">
            <span aria-hidden="true">✓ </span>{t('ofRegions', { n: formatCount(locale, all.published.length), total: formatCount(locale, count) })}
          </p>
        </section>
      </div>

      <PageSection id="not-published" title={t('notPublishedTitle')}>
        {all.notPublished.length === 0 ? (
          <EmptyState title={t('allPublishedTitle')}>{t('allPublishedText')}</EmptyState>
        ) : (
          <DataTable caption={t('notPublishedTitle')} head={[{ label: t('region') }, ...halfHead]}>
            {all.notPublished.map((r) => (
              <tr key={r.kato} data-testid="not-published-row">
                <th scope="row" className={th}><a href={`/regions/${r.kato}?period=${filter.period.code}`} className="text-sky-kz-dark underline">{r.name}</a></th>
                {halfCells(r.kato)}
              </tr>
            ))}
          </DataTable>
        )}
      </PageSection>

      <PageSection id="published" title={t('publishedTitle')} note={t('publishedNote')}>
        {all.published.length === 0 ? (
          <EmptyState title={t('noneTitle')}>{t('noneText')}</EmptyState>
        ) : (
          <DataTable caption={t('publishedTitle')} head={[{ label: t('region') }, ...halfHead, { label: t('link') }]}>
            {all.published.map((r) => {
              const url = safeUrl(r.url);
              return (
                <tr key={r.kato}>
                  <th scope="row" className={th}><a href={`/regions/${r.kato}?period=${filter.period.code}`} className="text-sky-kz-dark underline">{r.name}</a></th>
                  {halfCells(r.kato)}
                  <Cell>
                    {url ? (
                      <a href={url.href} target="_blank" rel="noopener noreferrer" className="break-all text-sky-kz-dark underline">
                        {t('openPlan', { region: r.name })}
                        <span className="block text-xs text-neutral-600">{url.host}</span>
                      </a>
                    ) : null}
                  </Cell>
                </tr>
              );
            })}
          </DataTable>
        )}
      </PageSection>
    </div>
  );
}

export async function ActionPlansView({ filter, header }: { filter: StatsFilter; header: React.ReactNode }) {
  const [t, label] = await Promise.all([getTranslations('actionPlans'), periodLabel(filter.period)]);
  return (
    <div className="space-y-8">
      <PageHeader title={t('title')} lead={t('subtitle', { period: label })}>
        {header}
      </PageHeader>
      <Suspense key={filter.period.code} fallback={<ListSkeleton />}>
        <ActionPlanLists filter={filter} />
      </Suspense>
      <p className="text-xs text-neutral-600">{t('source')}</p>
    </div>
  );
}
