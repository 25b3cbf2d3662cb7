import { linkParams, listQuery } from '@/components/ui/list-query';
import type { IssuePageParams } from '@/server/records/issues/schemas';

/** The /issues URL of a list view, leaving out defaults so links stay short. */
export function issuesQuery(p: IssuePageParams, change: Partial<IssuePageParams> = {}): string {
  const v = { ...p, ...change };
  const filters = { period: v.period?.code, region: v.region, category: v.category, status: v.status, level: v.level, kind: v.kind, q: v.q };
  return listQuery(filters, { value: v.sort, default: '-raisedOn' }, v.page);
}

/** The same view's params for the shared Pagination links (which add `page` themselves). */
export function issuesLinkParams(p: IssuePageParams): Record<string, string> {
  return linkParams(issuesQuery(p, { page: 1 }));
}
