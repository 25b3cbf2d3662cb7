import { z } from 'zod';
import { AkimLevel, IssueStatus, MeetingKind, ResponsibleLevel } from '@/generated/prisma/enums';
import {
  DEFAULT_LIMIT, periodCode, bodyCode, categoryCode, checkCursorSort, cursorParam, dateWindow, isoDay, katoCode, optional, pageLimit,
  recordIdParams,
} from '@/server/list-params';
import { type RawSearchParams, pageNumber, parsePageParams, searchText } from '@/server/page-params';
import type { Period } from '@/lib/period';

// Parameters of GET /api/v1/issues and /api/v1/issues/{id}. The period and dates apply to the
// date an issue was raised; kind, level and body are those of the meeting it was raised at.

export const ISSUE_SORTS = ['raisedOn', '-raisedOn'] as const;

export const issueListParams = z
  .object({
    period: optional(periodCode),
    from: optional(isoDay),
    to: optional(isoDay),
    region: optional(katoCode),
    kind: optional(z.enum(MeetingKind, 'must be AKIM or CENTRAL')),
    level: optional(z.enum(AkimLevel, 'must be REGION, DISTRICT or RURAL')),
    body: optional(bodyCode),
    status: optional(z.enum(IssueStatus, 'must be an issue status')),
    responsible: optional(z.enum(ResponsibleLevel, 'must be RURAL, DISTRICT, REGION or CENTRAL')),
    category: optional(categoryCode),
    sort: optional(z.enum(ISSUE_SORTS, 'must be raisedOn or -raisedOn')),
    limit: optional(pageLimit),
    cursor: optional(cursorParam),
  })
  .transform((p, ctx) => {
    const sort = p.sort ?? '-raisedOn';
    checkCursorSort(p.cursor, sort, ctx);
    return {
      ...dateWindow(p, ctx),
      region: p.region, kind: p.kind, level: p.level, body: p.body,
      status: p.status, responsible: p.responsible, category: p.category,
      sort, limit: p.limit ?? DEFAULT_LIMIT, cursor: p.cursor,
    };
  });

export type IssueListParams = z.infer<typeof issueListParams>;

export const issueIdParams = recordIdParams;

// Parameters of the /issues page. Unlike the API, a value that does not parse is dropped
// with a notice (see server/page-params), and the list pages by number with a total count.

export const ISSUE_PAGE_SORTS = ['-raisedOn', 'raisedOn'] as const;
export type IssuePageSort = (typeof ISSUE_PAGE_SORTS)[number];

export const issuePageFields = {
  period: periodCode,
  region: katoCode,
  category: categoryCode,
  status: z.enum(IssueStatus),
  level: z.enum(AkimLevel),
  kind: z.enum(MeetingKind),
  q: searchText,
  sort: z.enum(ISSUE_PAGE_SORTS),
  page: pageNumber,
};

export type IssuePageParams = {
  period?: Period;
  region?: string;
  category?: string;
  status?: IssueStatus;
  level?: AkimLevel;
  kind?: MeetingKind;
  q?: string;
  sort: IssuePageSort;
  page: number;
};

export function parseIssuePageParams(raw: RawSearchParams): { params: IssuePageParams; invalid: string[] } {
  const { values, invalid } = parsePageParams(issuePageFields, raw);
  return { params: { ...values, sort: values.sort ?? '-raisedOn', page: values.page ?? 1 }, invalid };
}
