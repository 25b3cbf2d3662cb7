import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { LanguageSwitcher } from '@/components/ui/language-switcher';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: { default: t('name'), template: `%s · ${t('name')}` }, description: t('tagline') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations();
  // Client components only need the error texts; the rest renders on the server.
  const { errors } = await getMessages();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-neutral-50 text-neutral-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          {t('app.skipToContent')}
        </a>
        <NextIntlClientProvider messages={{ errors }}>
          <div className="flex min-h-screen flex-col md:flex-row">
            <nav aria-label={t('nav.label')} className="border-b border-neutral-200 bg-white md:w-56 md:border-b-0 md:border-r">
              <div className="px-4 py-4">
                <p className="text-lg font-semibold text-sky-kz-dark">{t('app.name')}</p>
                <p className="text-xs text-neutral-600">{t('app.tagline')}</p>
              </div>
              <ul className="px-2 pb-4">
                <li>
                  <a href="/" aria-current="page" className="block rounded px-2 py-1.5 font-medium hover:bg-neutral-100 aria-[current=page]:bg-neutral-100">
                    {t('nav.overview')}
                  </a>
                </li>
              </ul>
            </nav>
            <div className="flex-1">
              <header className="flex items-center justify-end border-b border-neutral-200 bg-white px-4 py-2">
                <LanguageSwitcher />
              </header>
              <main id="main" className="mx-auto max-w-6xl px-4 py-6">
                {children}
              </main>
            </div>
          </div>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
