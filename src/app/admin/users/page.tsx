import { getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/ui/pagination';
import { UsersTable } from '@/features/users/components/users-table';
import { listUsers } from '@/features/users/queries';
import { userListParams } from '@/features/users/schemas';
import { requirePageCaller } from '@/server/access/guard';
import { PageHeader } from '@/components/ui/page-header';

// GET /admin/users — every account with its role, scope and sign-in state, ?page= paginated.
export default async function UsersPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requirePageCaller('users.manage');
  const { page } = userListParams.parse(await searchParams);
  const [list, t] = await Promise.all([listUsers(page), getTranslations('admin.users')]);
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('title')}
        lead={<span className="tabular">{t('count', { count: list.total })}</span>}
        actions={<a href="/admin/users/new" className="rounded bg-sky-kz-dark px-4 py-2 font-medium text-white">{t('new')}</a>}
      />
      <UsersTable rows={list.rows} />
      <Pagination page={list.page} pageCount={list.pageCount} path="/admin/users" />
    </div>
  );
}
