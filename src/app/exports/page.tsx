import { getTranslations } from 'next-intl/server';
import { FilterForm, RejectedFilters } from '@/features/central/components/filter-form';
import { type SearchParams, resolvePageFilter } from '@/features/central/page-filter';
import { ExportsView } from '@/features/exports/components/exports-view';
import { requirePageCaller } from '@/server/access/guard';
import { can } from '@/server/access/policy';

export async function generateMetadata() {
  return { title: (await getTranslations('exports.page'))('title') };
}

// GET /exports — the briefing, the workbook and the CSV tables of a period; issuing and the archive.
export default async function ExportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const caller = await requirePageCaller('exports.tables');
  const pf = await resolvePageFilter(await searchParams, ['period']);
  const header = (
    <>
      <FilterForm action="/exports" current={pf.period} />
      <RejectedFilters rejected={pf.rejected} />
    </>
  );
  return <ExportsView period={pf.period} canIssue={can(caller.role, 'briefing.issue')} header={header} />;
}
