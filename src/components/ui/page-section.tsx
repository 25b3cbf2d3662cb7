import type { ReactNode } from 'react';

// A titled part of a page: a region named by its level-2 heading, with an optional note that
// belongs to the heading. The id is also the part's anchor (`#missed`); the heading's is `{id}-title`.
export function PageSection({ id, title, note, children }: { id: string; title: string; note?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} id={id} className="space-y-3">
      <div>
        <h2 id={`${id}-title`} className="text-lg font-semibold">{title}</h2>
        {note ? <p className="text-sm text-neutral-700">{note}</p> : null}
      </div>
      {children}
    </section>
  );
}
