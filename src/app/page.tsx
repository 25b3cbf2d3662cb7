import { Suspense } from 'react';
import { getTranslations } from 'next-intl/server';
import { KpiSkeleton } from '@/components/ui/kpi-skeleton';
import { ChartCardSkeleton } from '@/components/charts/chart-skeleton';
import { FilterBar } from '@/features/dashboard/components/filter-bar';
import { FiguresKpis } from '@/features/dashboard/components/figures-kpis';
import {
  CategorySection, EscalationSection, RankingSection, RateTrendSection, TileMapSection,
} from '@/features/dashboard/components/overview-sections';
import { type SearchParams, filterHref, parseDashboardFilters } from '@/features/dashboard/filters';
import { getRegionByKato } from '@/features/dashboard/queries/region-tiles';
import { periodLabel } from '@/server/stats/period-label';
import { pickName } from '@/i18n/pick-name';
import { getLocale } from 'next-intl/server';
import { can } from '@/server/access/policy';
import { requirePageCaller } from '@/server/access/guard';
import { PageHeader } from '@/components/ui/page-header';

// GET / — akims' meetings for ?period= (default: the latest half-year with data), nationwide or
// filtered by region, category and level; each section streams on its own.
export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const caller = await requirePageCaller('stats.national');
  const regional = can(caller.role, 'stats.regions');
  const filters = await parseDashboardFilters(await searchParams, { forbidden: regional ? [] : ['region'] });
  const [t, to, tc, locale] = await Promise.all([getTranslations('overview'), getTranslations('overviewPage'), getTranslations('common'), getLocale()]);
  const period = await periodLabel(filters.period);
  const region = filters.values.region ? await getRegionByKato(filters.values.region) : null;
  const key = JSON.stringify(filters.values) + filters.period.code;
  const { region: _region, ...withoutRegion } = filters.values;
  void _region;
  const loading = (height: number) => <ChartCardSkeleton height={height} label={tc('loading')} />;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t('title')}
        lead={region ? to('subtitleRegion', { region: pickName(locale, region), period }) : t('subtitle', { period })}
      />
      <FilterBar filters={filters} path="/" fields={regional ? undefined : ['period', 'category', 'level', 'compare']} />
      <Suspense key={`kpi${key}`} fallback={<KpiSkeleton cards={6} />}>
        <FiguresKpis filter={filters.filter} compare={filters.compare} />
      </Suspense>
      <Suspense key={`trend${key}`} fallback={loading(260)}>
        <RateTrendSection filter={filters.filter} />
      </Suspense>
      {regional ? (
        <Suspense key={`map${key}`} fallback={loading(420)}>
          <TileMapSection filter={filters.filter} selectedKato={region?.kato} query={filterHref('', withoutRegion).replace(/^\?/, '')} />
        </Suspense>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-2">
        {regional ? (
          <Suspense key={`ranking${key}`} fallback={loading(640)}>
            <RankingSection filter={filters.filter} selectedKato={region?.kato} />
          </Suspense>
        ) : null}
        <Suspense key={`categories${key}`} fallback={loading(300)}>
          <CategorySection filter={filters.filter} />
        </Suspense>
      </div>
      <Suspense key={`escalations${key}`} fallback={loading(340)}>
        <EscalationSection filter={filters.filter} />
      </Suspense>
    </div>
  );
}
