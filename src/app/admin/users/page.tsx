import { getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/ui/pagination';
import { UsersTable } from '@/features/users/components/users-table';
import { listUsers } from '@/features/users/queries';
import { userListParams } from '@/features/users/schemas';
import { requirePageCaller } from '@/server/access/guard';

// GET /admin/users — every account with its role, scope and sign-in state, ?page= paginated.
export default async function UsersPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requirePageCaller('users.manage');
  const { page } = userListParams.parse(await searchParams);
  const [list, t] = await Promise.all([listUsers(page), getTranslations('admin.users')]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t('title')}</h1>
          <p className="tabular text-neutral-700">{t('count', { count: list.total })}</p>
        </div>
        <a href="/admin/users/new" className="rounded bg-sky-kz-dark px-4 py-2 font-medium text-white">{t('new')}</a>
      </div>
      <UsersTable rows={list.rows} />
      <Pagination page={list.page} pageCount={list.pageCount} path="/admin/users" />
    </div>
  );
}
