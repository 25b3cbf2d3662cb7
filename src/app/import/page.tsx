import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ImportForm } from '@/features/import/components/import-form';
import { requirePageCaller } from '@/server/access/guard';
import { PageHeader } from '@/components/ui/page-header';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('import'))('title') };
}

// GET /import – the template, then check a spreadsheet and write it.
export default async function ImportPage() {
  await requirePageCaller('records.write');
  const t = await getTranslations('import');
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} lead={t('lead')} intro />
      <section aria-labelledby="template-title" className="space-y-2 rounded border border-neutral-200 bg-white p-4">
        <h2 id="template-title" className="text-lg font-semibold">{t('templateTitle')}</h2>
        <p className="max-w-3xl text-sm text-neutral-700">{t('templateHint')}</p>
        <p className="flex flex-wrap gap-4">
          <a href="/import/template?format=xlsx" className="text-sky-kz-dark underline">{t('templateXlsx')}</a>
          <a href="/import/template?format=csv" className="text-sky-kz-dark underline">{t('templateCsv')}</a>
        </p>
      </section>
      <ImportForm />
    </div>
  );
}
