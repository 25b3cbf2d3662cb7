import { RequestsPageSection } from '@/features/budget/components/request-sections';
import { CentralView } from '@/features/central/components/central-view';
import { type SearchParams, resolvePageFilter } from '@/features/central/page-filter';
import { requirePageCaller } from '@/server/access/guard';

// GET /central — central officials: schedule against held, Decree requirements, receptions.
export default async function CentralPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const caller = await requirePageCaller('stats.national');
  const sp = await searchParams;
  const pf = await resolvePageFilter(sp, ['period', 'body']);
  const requests = <RequestsPageSection caller={caller} filter={pf.filter} suspenseKey={`${pf.period.code}|${pf.body ?? ''}-r`} />;
  return <CentralView caller={caller} pf={pf} sp={sp} requests={requests} />;
}
