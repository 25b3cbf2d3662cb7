import { Suspense } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { FilterChips, FilterForm, FilterSelect, FilterText, chipsInForce } from '@/components/ui/list-filters';
import { InvalidFilters } from '@/components/ui/list-states';
import { PageHeader } from '@/components/ui/page-header';
import { periodChoices } from '@/components/ui/period-choices';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { AkimLevel, IssueStatus, MeetingKind } from '@/generated/prisma/enums';
import type { Caller } from '@/server/auth/caller';
import type { RawSearchParams } from '@/server/page-params';
import { categoryChoices, regionChoices } from '@/server/reference-options';
import { ISSUE_PAGE_SORTS, parseIssuePageParams } from '@/server/records/issues/schemas';
import { IssuesTable } from './issues-table';
import { issuesQuery } from './issues-query';

// The /issues page: a GET form of filters, the filters in force as chips, and the table,
// which streams in behind a skeleton so the form is usable at once.
export async function IssuesPage({ caller, searchParams, years }: { caller: Caller; searchParams: RawSearchParams; years: readonly number[] }) {
  const { params, invalid } = parseIssuePageParams(searchParams);
  const locale = await getLocale();
  const [t, tr, tc, periods, regions, categories] = await Promise.all([
    getTranslations('issueRecords'),
    getTranslations('records'),
    getTranslations('codes'),
    periodChoices(years, params.period?.code),
    regionChoices(caller, locale),
    categoryChoices(locale),
  ]);
  const statuses = Object.values(IssueStatus).map((s) => ({ value: s, label: tc(`issueStatus.${s}`) }));
  const levels = Object.values(AkimLevel).map((l) => ({ value: l, label: tc(`akimLevel.${l}`) }));
  const kinds = Object.values(MeetingKind).map((k) => ({ value: k, label: tc(`meetingKind.${k}`) }));
  const sorts = ISSUE_PAGE_SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }));
  const fieldNames: Record<string, string> = {
    period: tr('filters.period'), region: tr('filters.region'), category: t('filters.category'), status: t('filters.status'),
    level: t('filters.level'), kind: t('filters.kind'), q: tr('filters.search'), sort: tr('filters.sort'), page: tr('filters.page'),
  };
  const chips = chipsInForce((name, value) => tr('filters.chip', { name: fieldNames[name]!, value }), [
    ['period', params.period?.code, periods], ['region', params.region, regions], ['category', params.category, categories],
    ['status', params.status, statuses], ['level', params.level, levels], ['kind', params.kind, kinds],
    ['q', params.q && `«${params.q}»`],
  ]);

  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} lead={t('subtitle')} />
      <InvalidFilters names={invalid.map((n) => fieldNames[n] ?? n)} />
      <FilterForm action="/issues" label={tr('filters.label')} apply={tr('filters.apply')} reset={tr('filters.reset')}>
        <FilterSelect name="period" label={tr('filters.period')} anyLabel={tr('filters.anyPeriod')} value={params.period?.code} choices={periods} />
        {regions.length > 0 ? (
          <FilterSelect name="region" label={tr('filters.region')} anyLabel={regions.length > 1 ? tr('filters.anyRegion') : undefined} value={params.region} choices={regions} />
        ) : null}
        <FilterSelect name="category" label={t('filters.category')} anyLabel={t('filters.anyCategory')} value={params.category} choices={categories} />
        <FilterSelect name="status" label={t('filters.status')} anyLabel={t('filters.anyStatus')} value={params.status} choices={statuses} />
        <FilterSelect name="level" label={t('filters.level')} anyLabel={t('filters.anyLevel')} value={params.level} choices={levels} />
        <FilterSelect name="kind" label={t('filters.kind')} anyLabel={t('filters.anyKind')} value={params.kind} choices={kinds} />
        <FilterText name="q" label={tr('filters.search')} hint={t('filters.searchHint')} value={params.q} />
        <FilterSelect name="sort" label={tr('filters.sort')} value={params.sort} choices={sorts} />
      </FilterForm>
      <p className="text-xs text-neutral-700">{t('filters.periodHint')}</p>
      <FilterChips label={tr('filters.chips')} chips={chips} />
      <Suspense key={issuesQuery(params)} fallback={<TableSkeleton label={tr('loading')} columns={7} />}>
        <IssuesTable caller={caller} params={params} filtered={chips.length > 0} />
      </Suspense>
    </div>
  );
}
