import type { MeetingPageParams } from '../schemas';

/** The /meetings URL of a list view, leaving out defaults so links stay short. */
export function meetingsQuery(p: MeetingPageParams, change: Partial<MeetingPageParams> = {}): string {
  const v = { ...p, ...change };
  const q = new URLSearchParams();
  if (v.period) q.set('period', v.period.code);
  if (v.region) q.set('region', v.region);
  if (v.kind) q.set('kind', v.kind);
  if (v.level) q.set('level', v.level);
  if (v.body) q.set('body', v.body);
  if (v.q) q.set('q', v.q);
  if (v.sort !== '-heldOn') q.set('sort', v.sort);
  if (v.page > 1) q.set('page', String(v.page));
  return q.toString();
}

/** The same view's params for the shared Pagination links (which add `page` themselves). */
export function meetingsLinkParams(p: MeetingPageParams): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(meetingsQuery(p, { page: 1 })));
}
