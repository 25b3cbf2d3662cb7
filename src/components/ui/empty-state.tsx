import type { ReactNode } from 'react';

// What an empty list says: why it is empty and what to do.
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-neutral-300 bg-white p-6 text-center">
      <p className="font-medium">{title}</p>
      {children ? <div className="mt-1 text-sm text-neutral-700">{children}</div> : null}
    </div>
  );
}
