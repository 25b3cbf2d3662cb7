import { getLocale, getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/ui/pagination';
import { BodiesTable, CategoriesTable, OfficialsTable, UnitsTable } from '@/features/reference/components/reference-lists';
import { listCentralBodies, listIssueCategories, listOfficials, listRegions, listUnits } from '@/features/reference/queries';
import { referenceFilterSchema } from '@/features/reference/schemas';
import { pickName } from '@/i18n/pick-name';
import { requirePageCaller } from '@/server/access/guard';
import { PageHeader } from '@/components/ui/page-header';

const TABS = ['categories', 'bodies', 'officials', 'units'] as const;
type Tab = (typeof TABS)[number];

// GET /admin/reference?tab=categories|bodies|officials|units&region=&body=&page= — reference lists.
export default async function ReferencePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePageCaller('reference.manage');
  const params = await searchParams;
  const tab: Tab = TABS.find((x) => x === params.tab) ?? 'categories';
  const filter = referenceFilterSchema.parse(params);
  const [t, locale] = await Promise.all([getTranslations('admin.reference'), getLocale()]);
  const input = 'max-w-full rounded border border-neutral-400 bg-white px-2 py-1.5';

  async function body() {
    switch (tab) {
      case 'categories':
        return (
          <>
            <a href="/admin/reference/categories/new" className="inline-block rounded bg-sky-kz-dark px-4 py-2 font-medium text-white">{t('categories.new')}</a>
            <CategoriesTable rows={await listIssueCategories()} />
          </>
        );
      case 'bodies':
        return (
          <>
            <a href="/admin/reference/bodies/new" className="inline-block rounded bg-sky-kz-dark px-4 py-2 font-medium text-white">{t('bodies.new')}</a>
            <BodiesTable rows={await listCentralBodies()} />
          </>
        );
      case 'officials':
      case 'units': {
        const [regions, bodies] = await Promise.all([listRegions(), tab === 'officials' ? listCentralBodies() : Promise.resolve([])]);
        const list = tab === 'officials'
          ? await listOfficials({ regionKato: filter.region, bodyCode: filter.body, page: filter.page })
          : await listUnits({ regionKato: filter.region, page: filter.page });
        const filtered = Boolean(filter.region || filter.body);
        return (
          <>
            {tab === 'officials' ? <a href="/admin/reference/officials/new" className="inline-block rounded bg-sky-kz-dark px-4 py-2 font-medium text-white">{t('officials.new')}</a> : null}
            <form method="get" action="/admin/reference" className="flex flex-wrap items-end gap-3 rounded-lg border border-neutral-200 bg-white p-4 text-sm">
              <input type="hidden" name="tab" value={tab} />
              <div className="flex max-w-full flex-col gap-1">
                <label htmlFor="f-region" className="font-medium">{t('filters.region')}</label>
                <select id="f-region" name="region" defaultValue={filter.region ?? ''} className={input}>
                  <option value="">{t('filters.any')}</option>
                  {regions.map((r) => <option key={r.kato} value={r.kato}>{pickName(locale, r)}</option>)}
                </select>
              </div>
              {tab === 'officials' ? (
                <div className="flex max-w-full flex-col gap-1">
                  <label htmlFor="f-body" className="font-medium">{t('filters.body')}</label>
                  <select id="f-body" name="body" defaultValue={filter.body ?? ''} className={input}>
                    <option value="">{t('filters.any')}</option>
                    {bodies.map((b) => <option key={b.code} value={b.code}>{b.shortRu}</option>)}
                  </select>
                </div>
              ) : null}
              <button type="submit" className="rounded bg-sky-kz-dark px-4 py-1.5 font-medium text-white">{t('filters.apply')}</button>
            </form>
            <p className="tabular text-sm text-neutral-700">{t('count', { count: list.total })}</p>
            {tab === 'officials'
              ? <OfficialsTable rows={(list as Awaited<ReturnType<typeof listOfficials>>).rows} filtered={filtered} />
              : <UnitsTable rows={(list as Awaited<ReturnType<typeof listUnits>>).rows} filtered={filtered} />}
            <Pagination page={filter.page} pageCount={list.pageCount} path="/admin/reference" params={{ tab, region: filter.region, body: filter.body }} />
          </>
        );
      }
    }
  }

  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} />
      <nav aria-label={t('title')}>
        <ul className="flex flex-wrap gap-2 text-sm">
          {TABS.map((x) => (
            <li key={x}>
              <a href={`/admin/reference?tab=${x}`} aria-current={x === tab ? 'page' : undefined}
                className="inline-block rounded border border-neutral-300 px-3 py-1.5 aria-[current=page]:bg-neutral-800 aria-[current=page]:text-white">
                {t(`${x}.title`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2 className="text-lg font-semibold">{t(`${tab}.title`)}</h2>
      {await body()}
    </div>
  );
}
