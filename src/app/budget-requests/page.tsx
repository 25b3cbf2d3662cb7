import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { BudgetRequestsView } from '@/features/budget/components/requests-view';
import { FilterForm, RejectedFilters } from '@/features/central/components/filter-form';
import { type SearchParams, resolvePageFilter } from '@/features/central/page-filter';
import { requirePageCaller } from '@/server/access/guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('budgetRequests'))('title') };
}

// GET /budget-requests — the akimats' budget requests of the period: by status, region and body, and the list.
export default async function BudgetRequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageCaller('budget.read');
  const pf = await resolvePageFilter(await searchParams, ['period', 'body']);
  const header = (
    <>
      <FilterForm action="/budget-requests" current={pf.period} body={pf.body} withBody />
      <RejectedFilters rejected={pf.rejected} />
    </>
  );
  return <BudgetRequestsView filter={pf.filter} header={header} />;
}
