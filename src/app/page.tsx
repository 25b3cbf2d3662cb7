import { Suspense } from 'react';
import { getTranslations } from 'next-intl/server';
import { AkimOverview } from '@/features/stats/components/akim-overview';
import { PeriodPicker } from '@/features/stats/components/period-picker';
import { KpiSkeleton } from '@/components/ui/kpi-skeleton';
import { parsePeriod } from '@/lib/period';
import { periodLabel } from '@/features/stats/period-label';
import { getLatestHalfWithData, getYearsWithData } from '@/features/stats/queries/latest';
import { requirePageCaller } from '@/server/access/guard';

// GET / — national figures of akim meetings for ?period= (default: the latest half-year with data).
export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ period?: string | string[] }> }) {
  await requirePageCaller('stats.national');
  const raw = (await searchParams).period;
  const requested = typeof raw === 'string' && raw !== '' ? raw : undefined;
  const parsed = requested ? parsePeriod(requested) : null;
  const [period, years, t, tp] = await Promise.all([
    parsed ?? getLatestHalfWithData(),
    getYearsWithData(),
    getTranslations('overview'),
    getTranslations('period'),
  ]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t('title')}</h1>
          <p className="text-neutral-700">{t('subtitle', { period: await periodLabel(period) })}</p>
        </div>
        <PeriodPicker current={period} years={years} />
      </div>
      {requested && !parsed ? (
        <p role="alert" className="rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900">
          {tp('invalid', { value: requested })}
        </p>
      ) : null}
      <Suspense key={period.code} fallback={<KpiSkeleton />}>
        <AkimOverview period={period} />
      </Suspense>
    </div>
  );
}
