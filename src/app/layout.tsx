import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { LanguageSwitcher } from '@/components/ui/language-switcher';
import { SignOutButton } from '@/features/auth/components/sign-out-button';
import { can } from '@/server/access/policy';
import { getCaller } from '@/server/auth/caller';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: { default: t('name'), template: `%s · ${t('name')}` }, description: t('tagline') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, messages, caller] = await Promise.all([getLocale(), getTranslations(), getMessages(), getCaller()]);
  // Client components only need these texts; the rest renders on the server.
  const clientMessages = { errors: messages.errors, auth: messages.auth, admin: messages.admin, account: messages.account };
  const nav = [
    { href: '/', label: t('nav.overview'), show: true },
    { href: '/account/security', label: t('nav.account'), show: Boolean(caller) },
    { href: '/admin/users', label: t('nav.users'), show: Boolean(caller && can(caller.role, 'users.manage')) },
    { href: '/admin/audit', label: t('nav.audit'), show: Boolean(caller && can(caller.role, 'audit.read')) },
  ].filter((item) => item.show);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-neutral-50 text-neutral-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          {t('app.skipToContent')}
        </a>
        <NextIntlClientProvider messages={clientMessages}>
          <div className="flex min-h-screen flex-col md:flex-row">
            <nav aria-label={t('nav.label')} className="border-b border-neutral-200 bg-white md:w-56 md:border-b-0 md:border-r">
              <div className="px-4 py-4">
                <p className="text-lg font-semibold text-sky-kz-dark">{t('app.name')}</p>
                <p className="text-xs text-neutral-600">{t('app.tagline')}</p>
              </div>
              {caller ? (
                <ul className="px-2 pb-4">
                  {nav.map((item) => (
                    <li key={item.href}>
                      <a href={item.href} className="block rounded px-2 py-1.5 font-medium hover:bg-neutral-100">{item.label}</a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </nav>
            <div className="flex-1">
              <header className="flex flex-wrap items-center justify-end gap-3 border-b border-neutral-200 bg-white px-4 py-2">
                {caller ? (
                  <p className="text-sm text-neutral-700" data-testid="signed-in-user">
                    {t('auth.signedInAs', { name: caller.fullName })} · {t(`roles.${caller.role}`)}
                  </p>
                ) : null}
                {caller ? <SignOutButton /> : null}
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
