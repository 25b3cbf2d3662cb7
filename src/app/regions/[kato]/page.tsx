import { Suspense } from 'react';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ChartCardSkeleton } from '@/components/charts/chart-skeleton';
import { KpiSkeleton } from '@/components/ui/kpi-skeleton';
import { RegionRequestsSection } from '@/features/budget/components/request-sections';
import { FiguresKpis } from '@/features/dashboard/components/figures-kpis';
import { FilterBar } from '@/features/dashboard/components/filter-bar';
import { CategorySection } from '@/features/dashboard/components/overview-sections';
import { ActionPlanSection, LevelSection, RegionRank, StatusSection } from '@/features/dashboard/components/region-sections';
import { type SearchParams, filterHref, parseDashboardFilters } from '@/features/dashboard/filters';
import { getRegionByKato } from '@/features/dashboard/queries/region-tiles';
import { periodLabel } from '@/server/stats/period-label';
import { pickName } from '@/i18n/pick-name';
import { requirePageCaller } from '@/server/access/guard';

const FIELDS = ['period', 'category', 'level', 'compare'] as const;

// GET /regions/[kato] — one region's figures beside the national ones; an unknown KATO is a 404.
export default async function RegionPage({ params, searchParams }: { params: Promise<{ kato: string }>; searchParams: Promise<SearchParams> }) {
  const caller = await requirePageCaller('stats.regions');
  const region = await getRegionByKato((await params).kato);
  if (!region) notFound();
  const filters = await parseDashboardFilters(await searchParams, { allowed: FIELDS });
  const [t, tc, locale] = await Promise.all([getTranslations('regionPage'), getTranslations('common'), getLocale()]);
  const national = filters.filter;
  const filter = { ...national, regionId: region.id };
  const query = filterHref('', filters.values).replace(/^\?/, '');
  const key = query + filters.period.code;
  const loading = (height: number) => <ChartCardSkeleton height={height} label={tc('loading')} />;
  return (
    <div className="space-y-6">
      <div>
        <a href={`/regions${query ? `?${query}` : ''}`} className="text-sm text-sky-kz-dark underline">← {t('allRegions')}</a>
        <h1 className="mt-1 text-2xl font-semibold">{pickName(locale, region)}</h1>
        <p className="text-neutral-700">{t('subtitle', { period: await periodLabel(filters.period) })}</p>
        <Suspense key={`rank${key}`} fallback={null}>
          <RegionRank filter={national} kato={region.kato} />
        </Suspense>
      </div>
      <FilterBar filters={filters} path={`/regions/${region.kato}`} fields={FIELDS} />
      <Suspense key={`kpi${key}`} fallback={<KpiSkeleton cards={6} />}>
        <FiguresKpis filter={filter} national={national} compare={filters.compare} />
      </Suspense>
      <div className="grid gap-6 xl:grid-cols-2">
        <Suspense key={`levels${key}`} fallback={loading(160)}>
          <LevelSection filter={filter} />
        </Suspense>
        <Suspense key={`statuses${key}`} fallback={loading(220)}>
          <StatusSection filter={filter} />
        </Suspense>
        <Suspense key={`categories${key}`} fallback={loading(300)}>
          <CategorySection filter={filter} />
        </Suspense>
        <Suspense key={`plan${key}`} fallback={loading(80)}>
          <ActionPlanSection filter={filter} />
        </Suspense>
        <Suspense key={`requests${key}`} fallback={loading(120)}>
          <RegionRequestsSection filter={filter} caller={caller} />
        </Suspense>
      </div>
    </div>
  );
}
