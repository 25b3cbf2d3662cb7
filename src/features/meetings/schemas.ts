import { z } from 'zod';
import { AkimLevel, MeetingKind } from '@/generated/prisma/enums';
import {
  DEFAULT_LIMIT, periodCode, bodyCode, checkCursorSort, cursorParam, dateWindow, isoDay, katoCode, optional, pageLimit, recordIdParams,
} from '@/server/list-params';
import { type RawSearchParams, pageNumber, parsePageParams, searchText } from '@/server/page-params';
import type { Period } from '@/lib/period';

// Parameters of GET /api/v1/meetings and /api/v1/meetings/{id}. Codes are checked by shape
// here; whether a region or body code exists is checked by the query.

export const MEETING_SORTS = ['heldOn', '-heldOn'] as const;

export const meetingListParams = z
  .object({
    period: optional(periodCode),
    from: optional(isoDay),
    to: optional(isoDay),
    region: optional(katoCode),
    kind: optional(z.enum(MeetingKind, 'must be AKIM or CENTRAL')),
    level: optional(z.enum(AkimLevel, 'must be REGION, DISTRICT or RURAL')),
    body: optional(bodyCode),
    sort: optional(z.enum(MEETING_SORTS, 'must be heldOn or -heldOn')),
    limit: optional(pageLimit),
    cursor: optional(cursorParam),
  })
  .transform((p, ctx) => {
    const sort = p.sort ?? '-heldOn';
    checkCursorSort(p.cursor, sort, ctx);
    return {
      ...dateWindow(p, ctx),
      region: p.region, kind: p.kind, level: p.level, body: p.body,
      sort, limit: p.limit ?? DEFAULT_LIMIT, cursor: p.cursor,
    };
  });

export type MeetingListParams = z.infer<typeof meetingListParams>;
export type MeetingSort = (typeof MEETING_SORTS)[number];

export const meetingIdParams = recordIdParams;

// Parameters of the /meetings page. Unlike the API, a value that does not parse is dropped
// with a notice (see server/page-params), and the list pages by number with a total count.

export const MEETING_PAGE_SORTS = ['-heldOn', 'heldOn', '-issues', 'issues'] as const;
export type MeetingPageSort = (typeof MEETING_PAGE_SORTS)[number];

export const meetingPageFields = {
  period: periodCode,
  region: katoCode,
  kind: z.enum(MeetingKind),
  level: z.enum(AkimLevel),
  body: bodyCode,
  q: searchText,
  sort: z.enum(MEETING_PAGE_SORTS),
  page: pageNumber,
};

export type MeetingPageParams = {
  period?: Period;
  region?: string;
  kind?: MeetingKind;
  level?: AkimLevel;
  body?: string;
  q?: string;
  sort: MeetingPageSort;
  page: number;
};

export function parseMeetingPageParams(raw: RawSearchParams): { params: MeetingPageParams; invalid: string[] } {
  const { values, invalid } = parsePageParams(meetingPageFields, raw);
  return { params: { ...values, sort: values.sort ?? '-heldOn', page: values.page ?? 1 }, invalid };
}
