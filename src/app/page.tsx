import { Suspense } from 'react';
import { getTranslations } from 'next-intl/server';
import { AkimOverview } from '@/features/stats/components/akim-overview';
import { FilterBar } from '@/features/dashboard/components/filter-bar';
import { type SearchParams, parseDashboardFilters } from '@/features/dashboard/filters';
import { KpiSkeleton } from '@/components/ui/kpi-skeleton';
import { periodLabel } from '@/features/stats/period-label';
import { requirePageCaller } from '@/server/access/guard';

// GET / — national figures of akim meetings for ?period= (default: the latest half-year with data).
export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageCaller('stats.national');
  const filters = await parseDashboardFilters(await searchParams);
  const t = await getTranslations('overview');
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-neutral-700">{t('subtitle', { period: await periodLabel(filters.period) })}</p>
      </div>
      <FilterBar filters={filters} path="/" />
      <Suspense key={filters.period.code} fallback={<KpiSkeleton />}>
        <AkimOverview period={filters.period} />
      </Suspense>
    </div>
  );
}
