import { FilterForm, RejectedFilters } from '@/features/central/components/filter-form';
import { type SearchParams, resolvePageFilter } from '@/features/central/page-filter';
import { EscalationsView } from '@/features/escalations/components/escalations-view';
import { requirePageCaller } from '@/server/access/guard';

// GET /escalations — the central-level list of the period: by disposition, and the selected issues.
export default async function EscalationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const caller = await requirePageCaller('stats.national');
  const pf = await resolvePageFilter(await searchParams, ['period', 'body']);
  const header = (
    <>
      <FilterForm action="/escalations" current={pf.period} body={pf.body} withBody />
      <RejectedFilters rejected={pf.rejected} />
    </>
  );
  return <EscalationsView caller={caller} filter={pf.filter} header={header} />;
}
