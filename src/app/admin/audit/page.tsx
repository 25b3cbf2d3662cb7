import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { AuditFilters } from '@/features/audit/components/audit-filters';
import { AuditTable } from '@/features/audit/components/audit-table';
import { getAuditFilterOptions, listAuditEntries } from '@/features/audit/queries';
import { parseAuditFilter } from '@/features/audit/schemas';
import { requirePageCaller } from '@/server/access/guard';
import { PageHeader } from '@/components/ui/page-header';

// GET /admin/audit — the audit trail, newest first; ?action=&username=&entity=&from=&to=&page=
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageCaller('audit.read');
  const filter = parseAuditFilter(await searchParams);
  const [list, options, t] = await Promise.all([listAuditEntries(filter), getAuditFilterOptions(), getTranslations('admin.audit')]);
  const filtered = Boolean(filter.action || filter.username || filter.entity || filter.from || filter.to);
  const params = { action: filter.action, username: filter.username, entity: filter.entity, from: filter.from, to: filter.to };
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} lead={t('subtitle')} />
      <AuditFilters filter={filter} actions={options.actions} entities={options.entities} />
      <p className="tabular text-sm text-neutral-700" role="status">{t('count', { count: list.total })}</p>
      {list.rows.length === 0 ? (
        <EmptyState title={filtered ? t('emptyFilteredTitle') : t('emptyTitle')}>
          <p>{filtered ? t('emptyFiltered') : t('empty')}</p>
        </EmptyState>
      ) : (
        <AuditTable rows={list.rows} />
      )}
      <Pagination page={filter.page} pageCount={list.pageCount} path="/admin/audit" params={params} />
    </div>
  );
}
