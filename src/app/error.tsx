'use client';

import { useTranslations } from 'next-intl';

// Keeps the layout and navigation working when a page's data fails to load.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-white p-6">
      <h1 className="text-lg font-semibold">{t('title')}</h1>
      <button type="button" onClick={reset} className="mt-3 rounded bg-neutral-800 px-3 py-1.5 text-white">
        {t('retry')}
      </button>
    </div>
  );
}
