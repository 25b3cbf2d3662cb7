import type { ReactNode } from 'react';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Pagination } from './pagination';

// A server-paged list around its table: how many match and which of them are shown above it,
// the page links below it.

/** How many records match, announced when the list changes. */
export function ListCount({ children }: { children: ReactNode }) {
  return <p className="tabular text-sm font-medium text-neutral-800" role="status" data-testid="records-count">{children}</p>;
}

export async function PagedList({ count, page, pageSize, shown, total, pageCount, path, params, children }: {
  /** The ListCount. */
  count: ReactNode;
  page: number; pageSize: number;
  /** Rows on this page. */
  shown: number;
  total: number; pageCount: number;
  /** The list's path and its view's params, for the page links. */
  path: string; params: Record<string, string>;
  children: ReactNode;
}) {
  const [format, tr] = await Promise.all([getFormatter(), getTranslations('records')]);
  const first = (page - 1) * pageSize + 1;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        {count}
        <p className="tabular text-sm text-neutral-700">
          {tr('shown', { from: format.number(first), to: format.number(first + shown - 1), total: format.number(total) })}
        </p>
      </div>
      {children}
      <Pagination page={page} pageCount={pageCount} path={path} params={params} />
    </div>
  );
}
