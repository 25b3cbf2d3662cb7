// The URL query of a server-paged list view, shared by its sort links, its paging and the
// Suspense key that restarts the table when the view changes.

/**
 * The query of a view: the filters that are set, and the sort and page only when they are not
 * the defaults, so links stay short.
 */
export function listQuery(filters: Record<string, string | undefined>, sort: { value: string; default: string }, page: number): string {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) q.set(name, value);
  if (sort.value !== sort.default) q.set('sort', sort.value);
  if (page > 1) q.set('page', String(page));
  return q.toString();
}

/** A first page's query as the params of the shared Pagination links (which add `page` themselves). */
export function linkParams(firstPageQuery: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(firstPageQuery));
}
