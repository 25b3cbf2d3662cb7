import type { ReactNode } from 'react';

// The box a wide or long table scrolls in, so the page itself never scrolls sideways. It is a
// named group in the tab order, so keyboard users can scroll it with the arrow keys too. It is
// positioned, so the visually hidden (absolute) texts of its cells are clipped with it rather
// than widening the page.
export function TableScroll({ label, className = 'rounded-lg border border-neutral-200 bg-white', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label} tabIndex={0} className={`relative overflow-auto ${className}`}>
      {children}
    </div>
  );
}
