import { getTranslations } from 'next-intl/server';
import { BodyForm } from '@/features/reference/components/body-form';
import { requirePageCaller } from '@/server/access/guard';
import { PageHeader } from '@/components/ui/page-header';

// GET /admin/reference/bodies/new — add a central state body.
export default async function NewBodyPage() {
  await requirePageCaller('reference.manage');
  const t = await getTranslations('admin.reference');
  return (
    <div className="space-y-4">
      <a href="/admin/reference?tab=bodies" className="text-sm text-sky-kz-dark underline">← {t('bodies.title')}</a>
      <PageHeader title={t('bodies.new')} />
      <BodyForm />
    </div>
  );
}
