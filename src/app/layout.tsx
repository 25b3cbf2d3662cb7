import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { LanguageSwitcher } from '@/components/ui/language-switcher';
import { SignOutButton } from '@/features/auth/components/sign-out-button';
import { NavLinks } from '@/features/dashboard/components/nav-links';
import { navGroups } from '@/features/dashboard/nav';
import { getCaller } from '@/server/auth/caller';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return {
    title: { default: t('name'), template: `%s · ${t('name')}` },
    description: t('tagline'),
    icons: { icon: [{ url: '/favicon.svg', type: 'image/svg+xml' }, { url: '/icon-192.png', sizes: '192x192' }], apple: '/apple-touch-icon.png' },
    manifest: '/manifest.webmanifest',
    // An internal tool: robots.txt keeps crawlers off, and this keeps a leaked link out of indexes.
    robots: { index: false, follow: false },
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, messages, caller] = await Promise.all([getLocale(), getTranslations(), getMessages(), getCaller()]);
  // Client components only need these texts; the rest renders on the server.
  const clientMessages = { errors: messages.errors, auth: messages.auth, admin: messages.admin, account: messages.account, entry: messages.entry, codes: messages.codes, validation: messages.validation, import: messages.import, submissions: messages.submissions,
    budgetRequests: { forms: (messages.budgetRequests as Record<string, unknown> | undefined)?.forms } };
  const groups = caller ? await navGroups(caller.role) : [];
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-neutral-50 text-neutral-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          {t('app.skipToContent')}
        </a>
        <NextIntlClientProvider messages={clientMessages}>
          <div className="flex min-h-screen flex-col md:flex-row">
            <nav aria-label={t('nav.label')} className="border-b border-neutral-200 bg-white md:w-60 md:shrink-0 md:border-b-0 md:border-r">
              <div className="px-4 py-3 md:py-4">
                <p className="text-lg font-semibold text-sky-kz-dark">{t('app.name')}</p>
                <p className="text-xs text-neutral-600">{t('app.tagline')}</p>
              </div>
              {caller ? (
                <>
                  {/* On a phone the sections fold into a menu; a details element needs no script. */}
                  <details className="border-t border-neutral-200 md:hidden">
                    <summary className="cursor-pointer px-4 py-2 font-medium">{t('shell.menu')}</summary>
                    <NavLinks groups={groups} />
                  </details>
                  <div className="hidden md:block">
                    <NavLinks groups={groups} />
                  </div>
                </>
              ) : null}
            </nav>
            <div className="min-w-0 flex-1">
              <header className="flex flex-wrap items-center justify-end gap-3 border-b border-neutral-200 bg-white px-4 py-2">
                {caller ? (
                  <p className="text-sm text-neutral-700" data-testid="signed-in-user">
                    {t('auth.signedInAs', { name: caller.fullName })} · {t(`roles.${caller.role}`)}
                  </p>
                ) : null}
                {caller ? <SignOutButton /> : null}
                <LanguageSwitcher />
              </header>
              <main id="main" className="mx-auto max-w-7xl px-4 py-6">
                {children}
              </main>
            </div>
          </div>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
