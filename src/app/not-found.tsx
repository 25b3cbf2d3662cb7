import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <div className="rounded-lg border border-neutral-200 bg-white p-6">
      <h1 className="text-lg font-semibold">{t('notFound')}</h1>
      <a href="/" className="mt-3 inline-block text-sky-kz-dark underline">{t('backHome')}</a>
    </div>
  );
}
