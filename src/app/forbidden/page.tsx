import { getTranslations } from 'next-intl/server';

// GET /forbidden — where a page sends a signed-in user whose role may not see it.
export default async function ForbiddenPage() {
  const t = await getTranslations();
  return (
    <div className="rounded-lg border border-neutral-200 bg-white p-6">
      <h1 className="text-lg font-semibold">{t('auth.forbiddenTitle')}</h1>
      <p className="mt-2 text-neutral-700">{t('auth.forbiddenText')}</p>
      <a href="/" className="mt-3 inline-block text-sky-kz-dark underline">{t('errors.backHome')}</a>
    </div>
  );
}
