import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';

// The administration section: its own tabs. Each page checks its permission itself.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('admin');
  const te = await getTranslations('entry.adminNav');
  const tabs = [
    { href: '/admin/users', label: t('nav.users') },
    { href: '/admin/audit', label: t('nav.audit') },
    { href: '/admin/reference', label: t('nav.reference') },
    { href: '/admin/periods', label: te('periods') },
    { href: '/admin/restore', label: te('restore') },
  ];
  return (
    <div className="space-y-6">
      <nav aria-label={t('title')} className="border-b border-neutral-200">
        <ul className="flex flex-wrap gap-4 text-sm">
          {tabs.map((tab) => (
            <li key={tab.href}>
              <a href={tab.href} className="inline-block border-b-2 border-transparent px-1 py-2 font-medium hover:border-sky-kz">{tab.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}
