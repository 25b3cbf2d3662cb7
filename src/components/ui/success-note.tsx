import type { ReactNode } from 'react';

/** A confirmation rendered by the server, e.g. after a redirect. */
export function SuccessNoteStatic({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="rounded border border-sky-kz-dark bg-sky-50 p-3 text-sm text-neutral-900">
      ✓ {children}
    </p>
  );
}
