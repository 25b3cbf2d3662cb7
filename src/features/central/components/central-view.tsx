import { Suspense, type ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { ChartCardSkeleton } from '@/components/charts/chart-skeleton';
import { KpiSkeleton } from '@/components/ui/kpi-skeleton';
import { DECREE_REQUIREMENTS, type DecreeRequirement } from '@/features/meetings/rules';
import { periodLabel } from '@/features/stats/period-label';
import type { Caller } from '@/server/auth/caller';
import { type PageFilter, type SearchParams, firstValue } from '../page-filter';
import { ComplianceMatrix } from './compliance-matrix';
import { FilterForm, RejectedFilters } from './filter-form';
import { MissedMeetings } from './missed-meetings';
import { ReceptionsSection } from './receptions-section';
import { ScheduleByBody, ScheduleByHalf, ScheduleKpis } from './schedule-section';

// /central: central officials' meetings under the Decree and the Government's schedule.

export function TableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div aria-hidden="true" className="space-y-2 rounded-lg border border-neutral-200 bg-white p-3">
      {Array.from({ length: rows }, (_, i) => <div key={i} className="h-6 animate-pulse rounded bg-neutral-100" />)}
    </div>
  );
}

function Section({ id, title, note, children }: { id: string; title: string; note?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} id={id} className="space-y-3">
      <div>
        <h2 id={`${id}-title`} className="text-lg font-semibold">{title}</h2>
        {note ? <p className="text-sm text-neutral-700">{note}</p> : null}
      </div>
      {children}
    </section>
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

export async function CentralView({ caller, pf, sp }: { caller: Caller; pf: PageFilter; sp: SearchParams }) {
  const [t, label] = await Promise.all([getTranslations('central'), periodLabel(pf.period)]);
  const { requirement, page } = parseMissedParams(sp);
  const key = `${pf.period.code}|${pf.body ?? ''}`;
  const params = { period: pf.period.code, body: pf.body ?? undefined };
  return (
    <div className="space-y-8">
      <div className="space-y-4">
        <div>
          <h1 className="text-2xl font-semibold">{t('title')}</h1>
          <p className="text-neutral-700">{t('subtitle', { period: label })}</p>
        </div>
        <FilterForm action="/central" current={pf.period} body={pf.body} withBody />
        <RejectedFilters rejected={pf.rejected} />
      </div>

      <Section id="schedule" title={t('schedule.title')} note={t('schedule.note')}>
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
      </Section>

      <Section id="compliance" title={t('compliance.title')} note={t('compliance.note')}>
        <Suspense key={key} fallback={<TableSkeleton rows={12} />}>
          <ComplianceMatrix filter={pf.filter} />
        </Suspense>
      </Section>

      <Section id="receptions" title={t('receptions.title')} note={t('receptions.note')}>
        <Suspense key={key} fallback={<KpiSkeleton cards={5} />}>
          <ReceptionsSection filter={pf.filter} />
        </Suspense>
      </Section>

      <Section id="missed" title={t('missed.title')} note={t('missed.note')}>
        <Suspense key={`${key}|${requirement ?? ''}|${page}`} fallback={<TableSkeleton rows={10} />}>
          <MissedMeetings caller={caller} filter={pf.filter} requirement={requirement} page={page} params={params} />
        </Suspense>
      </Section>
      <p className="text-xs text-neutral-600">{t('source')}</p>
    </div>
  );
}
