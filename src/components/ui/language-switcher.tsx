import { getLocale, getTranslations } from 'next-intl/server';
import { setLocale } from '@/i18n/actions';
import { LOCALES } from '@/i18n/config';

// Plain form buttons: switching language works without JavaScript.
export async function LanguageSwitcher() {
  const t = await getTranslations('language');
  const current = await getLocale();
  return (
    <form action={setLocale} aria-label={t('label')} className="flex gap-1 text-sm">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className="rounded px-2 py-1 text-neutral-700 hover:bg-neutral-200 aria-pressed:bg-neutral-800 aria-pressed:text-white"
        >
          {t(locale)}
        </button>
      ))}
    </form>
  );
}
