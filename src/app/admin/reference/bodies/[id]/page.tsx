import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { BodyForm } from '@/features/reference/components/body-form';
import { getCentralBody } from '@/features/reference/queries';
import { requirePageCaller } from '@/server/access/guard';
import { PageHeader } from '@/components/ui/page-header';

// GET /admin/reference/bodies/:id — edit a central state body.
export default async function BodyPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageCaller('reference.manage');
  const id = Number((await params).id);
  const body = Number.isInteger(id) && id > 0 ? await getCentralBody(id) : null;
  if (!body) notFound();
  const t = await getTranslations('admin.reference');
  return (
    <div className="space-y-4">
      <a href="/admin/reference?tab=bodies" className="text-sm text-sky-kz-dark underline">← {t('bodies.title')}</a>
      <PageHeader title={t('bodies.editTitle', { name: body.shortRu })} />
      <BodyForm key={`${body.id}`} body={body} />
    </div>
  );
}
