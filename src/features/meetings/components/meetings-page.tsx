import { Suspense } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { FilterChips, FilterForm, FilterSelect, FilterText, chipsInForce } from '@/components/ui/list-filters';
import { InvalidFilters } from '@/components/ui/list-states';
import { PageHeader } from '@/components/ui/page-header';
import { periodChoices } from '@/components/ui/period-choices';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { AkimLevel, MeetingKind } from '@/generated/prisma/enums';
import type { Caller } from '@/server/auth/caller';
import type { RawSearchParams } from '@/server/page-params';
import { bodyChoices, regionChoices } from '@/server/reference-options';
import { MEETING_PAGE_SORTS, parseMeetingPageParams } from '@/server/records/meetings/schemas';
import { MeetingsTable } from './meetings-table';
import { meetingsQuery } from './meetings-query';

// The /meetings page: a GET form of filters, the filters in force as chips, and the table,
// which streams in behind a skeleton so the form is usable at once.
export async function MeetingsPage({ caller, searchParams, years }: { caller: Caller; searchParams: RawSearchParams; years: readonly number[] }) {
  const { params, invalid } = parseMeetingPageParams(searchParams);
  const locale = await getLocale();
  const [t, tr, tc, periods, regions, bodies] = await Promise.all([
    getTranslations('meetingRecords'),
    getTranslations('records'),
    getTranslations('codes'),
    periodChoices(years, params.period?.code),
    regionChoices(caller, locale),
    bodyChoices(caller, locale),
  ]);
  const kinds = Object.values(MeetingKind).map((k) => ({ value: k, label: tc(`meetingKind.${k}`) }));
  const levels = Object.values(AkimLevel).map((l) => ({ value: l, label: tc(`akimLevel.${l}`) }));
  const sorts = MEETING_PAGE_SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }));
  const fieldNames: Record<string, string> = {
    period: tr('filters.period'), region: tr('filters.region'), kind: t('filters.kind'), level: t('filters.level'),
    body: t('filters.body'), q: tr('filters.search'), sort: tr('filters.sort'), page: tr('filters.page'),
  };
  const chips = chipsInForce((name, value) => tr('filters.chip', { name: fieldNames[name]!, value }), [
    ['period', params.period?.code, periods], ['region', params.region, regions], ['kind', params.kind, kinds],
    ['level', params.level, levels], ['body', params.body, bodies], ['q', params.q && `«${params.q}»`],
  ]);

  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} lead={t('subtitle')} />
      <InvalidFilters names={invalid.map((n) => fieldNames[n] ?? n)} />
      <FilterForm action="/meetings" label={tr('filters.label')} apply={tr('filters.apply')} reset={tr('filters.reset')}>
        <FilterSelect name="period" label={tr('filters.period')} anyLabel={tr('filters.anyPeriod')} value={params.period?.code} choices={periods} />
        {regions.length > 0 ? (
          <FilterSelect name="region" label={tr('filters.region')} anyLabel={regions.length > 1 ? tr('filters.anyRegion') : undefined} value={params.region} choices={regions} />
        ) : null}
        <FilterSelect name="kind" label={t('filters.kind')} anyLabel={t('filters.anyKind')} value={params.kind} choices={kinds} />
        <FilterSelect name="level" label={t('filters.level')} anyLabel={t('filters.anyLevel')} value={params.level} choices={levels} />
        {bodies.length > 0 ? (
          <FilterSelect name="body" label={t('filters.body')} anyLabel={bodies.length > 1 ? t('filters.anyBody') : undefined} value={params.body} choices={bodies} />
        ) : null}
        <FilterText name="q" label={tr('filters.search')} hint={t('filters.searchHint')} value={params.q} />
        <FilterSelect name="sort" label={tr('filters.sort')} value={params.sort} choices={sorts} />
      </FilterForm>
      <FilterChips label={tr('filters.chips')} chips={chips} />
      <Suspense key={meetingsQuery(params)} fallback={<TableSkeleton label={tr('loading')} columns={5} />}>
        <MeetingsTable caller={caller} params={params} filtered={chips.length > 0} />
      </Suspense>
    </div>
  );
}
