import { getTranslations } from 'next-intl/server';
import { CreateUserForm } from '@/features/users/components/create-user-form';
import { loadScopeOptions } from '@/features/users/components/scope-options';
import { requirePageCaller } from '@/server/access/guard';

// GET /admin/users/new — create an account with its role, scope and initial password.
export default async function NewUserPage() {
  await requirePageCaller('users.manage');
  const [options, t] = await Promise.all([loadScopeOptions(), getTranslations('admin')]);
  return (
    <div className="space-y-4">
      <a href="/admin/users" className="text-sm text-sky-kz-dark underline">← {t('userPage.back')}</a>
      <h1 className="text-2xl font-semibold">{t('users.new')}</h1>
      <p className="max-w-xl text-neutral-700">{t('userForm.intro')}</p>
      <CreateUserForm options={options} />
    </div>
  );
}
