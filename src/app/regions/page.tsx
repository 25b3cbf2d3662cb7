import { Suspense } from 'react';
import { getTranslations } from 'next-intl/server';
import { ChartCardSkeleton } from '@/components/charts/chart-skeleton';
import { FilterBar } from '@/features/dashboard/components/filter-bar';
import { TileMapSection } from '@/features/dashboard/components/overview-sections';
import { RegionIndexTable } from '@/features/dashboard/components/region-sections';
import { type SearchParams, filterHref, parseDashboardFilters } from '@/features/dashboard/filters';
import { periodLabel } from '@/server/stats/period-label';
import { requirePageCaller } from '@/server/access/guard';
import { PageHeader } from '@/components/ui/page-header';

const FIELDS = ['period', 'category', 'level'] as const;

// GET /regions — the 20 regions with their figures for ?period=, each linking to its page.
export default async function RegionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageCaller('stats.regions');
  const filters = await parseDashboardFilters(await searchParams, { allowed: FIELDS });
  const [t, tc] = await Promise.all([getTranslations('regionPage'), getTranslations('common')]);
  const query = filterHref('', filters.values).replace(/^\?/, '');
  const key = query + filters.period.code;
  return (
    <div className="space-y-6">
      <PageHeader title={t('indexTitle')} lead={t('indexSubtitle', { period: await periodLabel(filters.period) })} />
      <FilterBar filters={filters} path="/regions" fields={FIELDS} />
      <Suspense key={`map${key}`} fallback={<ChartCardSkeleton height={420} label={tc('loading')} />}>
        <TileMapSection filter={filters.filter} query={query} />
      </Suspense>
      <Suspense key={`table${key}`} fallback={<ChartCardSkeleton height={640} label={tc('loading')} />}>
        <RegionIndexTable filter={filters.filter} query={query} />
      </Suspense>
    </div>
  );
}
