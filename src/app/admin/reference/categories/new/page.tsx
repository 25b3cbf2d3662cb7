import { getTranslations } from 'next-intl/server';
import { CategoryForm } from '@/features/reference/components/category-form';
import { requirePageCaller } from '@/server/access/guard';
import { PageHeader } from '@/components/ui/page-header';

// GET /admin/reference/categories/new — add an issue category.
export default async function NewCategoryPage() {
  await requirePageCaller('reference.manage');
  const t = await getTranslations('admin.reference');
  return (
    <div className="space-y-4">
      <a href="/admin/reference?tab=categories" className="text-sm text-sky-kz-dark underline">← {t('categories.title')}</a>
      <PageHeader title={t('categories.new')} />
      <CategoryForm />
    </div>
  );
}
