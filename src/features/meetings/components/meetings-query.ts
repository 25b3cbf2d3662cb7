import { linkParams, listQuery } from '@/components/ui/list-query';
import type { MeetingPageParams } from '@/server/records/meetings/schemas';

/** The /meetings URL of a list view, leaving out defaults so links stay short. */
export function meetingsQuery(p: MeetingPageParams, change: Partial<MeetingPageParams> = {}): string {
  const v = { ...p, ...change };
  const filters = { period: v.period?.code, region: v.region, kind: v.kind, level: v.level, body: v.body, q: v.q };
  return listQuery(filters, { value: v.sort, default: '-heldOn' }, v.page);
}

/** The same view's params for the shared Pagination links (which add `page` themselves). */
export function meetingsLinkParams(p: MeetingPageParams): Record<string, string> {
  return linkParams(meetingsQuery(p, { page: 1 }));
}
