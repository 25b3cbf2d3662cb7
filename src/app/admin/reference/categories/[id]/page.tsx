import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CategoryForm } from '@/features/reference/components/category-form';
import { getIssueCategory } from '@/features/reference/queries';
import { requirePageCaller } from '@/server/access/guard';
import { PageHeader } from '@/components/ui/page-header';

// GET /admin/reference/categories/:id — edit an issue category.
export default async function CategoryPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageCaller('reference.manage');
  const id = Number((await params).id);
  const category = Number.isInteger(id) && id > 0 ? await getIssueCategory(id) : null;
  if (!category) notFound();
  const t = await getTranslations('admin.reference');
  return (
    <div className="space-y-4">
      <a href="/admin/reference?tab=categories" className="text-sm text-sky-kz-dark underline">← {t('categories.title')}</a>
      <PageHeader title={t('categories.editTitle', { name: category.nameRu })} />
      <CategoryForm key={`${category.id}`} category={category} />
    </div>
  );
}
