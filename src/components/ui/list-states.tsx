import Link from 'next/link';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { isAppError } from '@/server/errors';

// What a server-paged list shows instead of its table: nothing entered, nothing matching the
// filters, or a page past the last one. Null when there are rows to show.
export async function listState(o: {
  count: ReactNode; total: number; rows: number; filtered: boolean;
  empty: { title: string; text: string }; emptyFiltered: { title: string; text: string };
  page: number; pageCount: number; firstPageHref: string;
}): Promise<ReactNode> {
  if (o.total === 0) {
    const e = o.filtered ? o.emptyFiltered : o.empty;
    return (
      <div className="space-y-3">
        {o.count}
        <EmptyState title={e.title}><p>{e.text}</p></EmptyState>
      </div>
    );
  }
  if (o.rows > 0) return null;
  const tr = await getTranslations('records');
  return (
    <div className="space-y-3">
      {o.count}
      <EmptyState title={tr('beyondLastPage', { page: o.page, pages: o.pageCount })}>
        <Link href={o.firstPageHref} className="text-sky-kz-dark underline">{tr('toFirstPage')}</Link>
      </EmptyState>
    </div>
  );
}

/** A warning in place of part of a list: an alert, so it is read out when the list loads. */
function Notice({ children }: { children: ReactNode }) {
  return <p role="alert" className="rounded border border-amber-500 bg-amber-50 p-3 text-sm text-amber-950">{children}</p>;
}

/**
 * Runs a list page's query. A well-formed code that names nothing (a URL edited by hand), or a
 * filter outside the caller's scope, is said plainly in place of the table rather than failing the page.
 */
export async function loadListPage<T>(load: () => Promise<T>): Promise<{ list: T; notice?: undefined } | { list?: undefined; notice: ReactNode }> {
  try {
    return { list: await load() };
  } catch (e) {
    if (!isAppError(e) || (e.code !== 'VALIDATION' && e.code !== 'FORBIDDEN')) throw e;
    const tr = await getTranslations('records');
    // A filter outside the caller's scope was refused (and audited) by the query: said, not hidden as an empty list.
    if (e.code === 'FORBIDDEN') return { notice: <Notice>{tr('outOfScope', { names: Object.keys(e.fields ?? {}).join(', ') })}</Notice> };
    return { notice: <Notice>{tr('unknownCode')}</Notice> };
  }
}

/** The filters of a list URL that could not be read, by their field names; they were left out. */
export async function InvalidFilters({ names }: { names: string[] }) {
  if (names.length === 0) return null;
  const tr = await getTranslations('records');
  return <Notice>{tr('invalid', { names: names.join(', ') })}</Notice>;
}
