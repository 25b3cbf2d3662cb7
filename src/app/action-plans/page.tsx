import { ActionPlansView } from '@/features/action-plans/components/action-plans-view';
import { FilterForm, RejectedFilters } from '@/features/central/components/filter-form';
import { type SearchParams, resolvePageFilter } from '@/features/central/page-filter';
import { requirePageCaller } from '@/server/access/guard';

// GET /action-plans — which akimats published their action plan for the period, and which did not.
export default async function ActionPlansPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageCaller('stats.national');
  const pf = await resolvePageFilter(await searchParams, ['period']);
  const header = (
    <>
      <FilterForm action="/action-plans" current={pf.period} />
      <RejectedFilters rejected={pf.rejected} />
    </>
  );
  return <ActionPlansView filter={pf.filter} header={header} />;
}
