import { Suspense } from 'react';
import { getTranslations } from 'next-intl/server';
import { ChartCardSkeleton } from '@/components/charts/chart-skeleton';
import { KpiSkeleton } from '@/components/ui/kpi-skeleton';
import { DECREE_REQUIREMENTS, type DecreeRequirement } from '@/server/records/meetings/rules';
import { periodLabel } from '@/server/stats/period-label';
import type { Caller } from '@/server/auth/caller';
import { type PageFilter, type SearchParams, firstValue } from '../page-filter';
import { ComplianceMatrix } from './compliance-matrix';
import { FilterForm, RejectedFilters } from './filter-form';
import { MissedMeetings } from './missed-meetings';
import { ReceptionsSection } from './receptions-section';
import { ScheduleByBody, ScheduleByHalf, ScheduleKpis } from './schedule-section';
import { PageHeader } from '@/components/ui/page-header';
import { PageSection } from '@/components/ui/page-section';
import type { ReactNode } from 'react';

// /central: central officials' meetings under the Decree and the Government's schedule.

export function TableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div aria-hidden="true" className="space-y-2 rounded-lg border border-neutral-200 bg-white p-3">
      {Array.from({ length: rows }, (_, i) => <div key={i} className="h-6 animate-pulse rounded bg-neutral-100" />)}
    </div>
  );
}

export function parseMissedParams(sp: SearchParams): { requirement: DecreeRequirement | null; page: number } {
  const missed = firstValue(sp.missed);
  const page = Number(firstValue(sp.page) ?? '1');
  return {
    requirement: (DECREE_REQUIREMENTS as readonly string[]).includes(missed ?? '') ? (missed as DecreeRequirement) : null,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** `requests` is the budget requests' section, which the page composes in for the same filter. */
export async function CentralView({ caller, pf, sp, requests }: { caller: Caller; pf: PageFilter; sp: SearchParams; requests: ReactNode }) {
  const [t, label] = await Promise.all([getTranslations('central'), periodLabel(pf.period)]);
  const { requirement, page } = parseMissedParams(sp);
  const key = `${pf.period.code}|${pf.body ?? ''}`;
  const params = { period: pf.period.code, body: pf.body ?? undefined };
  return (
    <div className="space-y-8">
      <PageHeader title={t('title')} lead={t('subtitle', { period: label })}>
        <FilterForm action="/central" current={pf.period} body={pf.body} withBody />
        <RejectedFilters rejected={pf.rejected} />
      </PageHeader>

      <PageSection id="schedule" title={t('schedule.title')} note={t('schedule.note')}>
        <Suspense key={key} fallback={<KpiSkeleton cards={3} />}>
          <ScheduleKpis filter={pf.filter} />
        </Suspense>
        <div className="grid gap-4 xl:grid-cols-2">
          <Suspense key={`${key}-h`} fallback={<ChartCardSkeleton height={200} label={t('schedule.byHalfTitle')} />}>
            <ScheduleByHalf filter={pf.filter} />
          </Suspense>
          <Suspense key={`${key}-b`} fallback={<ChartCardSkeleton height={540} label={t('schedule.byBodyTitle')} />}>
            <ScheduleByBody filter={pf.filter} />
          </Suspense>
        </div>
      </PageSection>

      <PageSection id="compliance" title={t('compliance.title')} note={t('compliance.note')}>
        <Suspense key={key} fallback={<TableSkeleton rows={12} />}>
          <ComplianceMatrix filter={pf.filter} />
        </Suspense>
      </PageSection>

      <PageSection id="receptions" title={t('receptions.title')} note={t('receptions.note')}>
        <Suspense key={key} fallback={<KpiSkeleton cards={5} />}>
          <ReceptionsSection filter={pf.filter} />
        </Suspense>
      </PageSection>

      {requests}

      <PageSection id="missed" title={t('missed.title')} note={t('missed.note')}>
        <Suspense key={`${key}|${requirement ?? ''}|${page}`} fallback={<TableSkeleton rows={10} />}>
          <MissedMeetings caller={caller} filter={pf.filter} requirement={requirement} page={page} params={params} />
        </Suspense>
      </PageSection>
      <p className="text-xs text-neutral-600">{t('source')}</p>
    </div>
  );
}
