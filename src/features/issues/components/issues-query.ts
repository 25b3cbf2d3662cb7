import type { IssuePageParams } from '../schemas';

/** The /issues URL of a list view, leaving out defaults so links stay short. */
export function issuesQuery(p: IssuePageParams, change: Partial<IssuePageParams> = {}): string {
  const v = { ...p, ...change };
  const q = new URLSearchParams();
  if (v.period) q.set('period', v.period.code);
  if (v.region) q.set('region', v.region);
  if (v.category) q.set('category', v.category);
  if (v.status) q.set('status', v.status);
  if (v.level) q.set('level', v.level);
  if (v.kind) q.set('kind', v.kind);
  if (v.q) q.set('q', v.q);
  if (v.sort !== '-raisedOn') q.set('sort', v.sort);
  if (v.page > 1) q.set('page', String(v.page));
  return q.toString();
}

/** The same view's params for the shared Pagination links (which add `page` themselves). */
export function issuesLinkParams(p: IssuePageParams): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(issuesQuery(p, { page: 1 })));
}
