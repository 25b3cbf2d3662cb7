import type { ReactNode } from 'react';
import { EMPTY } from './data-table';

// A record's fields as a description list: the term above its value, "—" when it has none.
export function DetailList({ items }: { items: Array<{ term: string; value: ReactNode }> }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-neutral-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3">
      {items.map((item) => (
        <div key={item.term}>
          <dt className="text-sm text-neutral-700">{item.term}</dt>
          <dd className="font-medium">{item.value === null || item.value === undefined || item.value === '' ? EMPTY : item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
