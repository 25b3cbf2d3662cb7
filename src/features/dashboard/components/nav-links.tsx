'use client';

import { usePathname } from 'next/navigation';

// The section links, with the current one marked for screen readers (aria-current) and by
// a bar and weight, not colour alone. Client-side only to know the path after soft navigation.

export type NavGroup = { label: string; items: Array<{ href: string; label: string }> };

const isCurrent = (pathname: string, href: string) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`));

export function NavLinks({ groups }: { groups: NavGroup[] }) {
  const pathname = usePathname() ?? '/';
  return (
    <div className="space-y-4 px-2 pb-4">
      {groups.map((g) => (
        <div key={g.label}>
          <p className="px-2 pb-1 text-xs font-semibold uppercase tracking-wide text-neutral-600">{g.label}</p>
          <ul>
            {g.items.map((item) => {
              const current = isCurrent(pathname, item.href);
              return (
                <li key={item.href}>
                  <a href={item.href} aria-current={current ? 'page' : undefined}
                    className="block border-l-4 border-transparent px-2 py-1.5 font-medium hover:bg-neutral-100 aria-[current=page]:border-sky-kz-dark aria-[current=page]:bg-neutral-100 aria-[current=page]:font-semibold">
                    {item.label}
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}
