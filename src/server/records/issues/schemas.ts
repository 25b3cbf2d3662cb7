import { z } from 'zod';
import { AkimLevel, BudgetEntryKind, BudgetSource, IssueStatus, MeetingKind, ResponsibleLevel } from '@/generated/prisma/enums';
import { amountKzt, optionalText, pastDate, refId, requiredText, version } from '@/server/records/fields';
import { checkTransition, type IssueStatus as IssueStatusCode } from './rules';
import {
  periodCode, categoryCode, katoCode, keysetPageParams, meetingFilterParams, meetingFilters, optional, pageRequest, recordIdParams,
} from '@/server/list-params';
import { type RawSearchParams, pageNumber, parsePageParams, searchText } from '@/server/page-params';
import type { Period } from '@/lib/period';

// Parameters of GET /api/v1/issues and /api/v1/issues/{id}. The period and dates apply to the
// date an issue was raised; kind, level and body are those of the meeting it was raised at.

export const ISSUE_SORTS = ['raisedOn', '-raisedOn'] as const;

export const issueListParams = z
  .object({
    ...meetingFilterParams,
    status: optional(z.enum(IssueStatus, 'must be an issue status')),
    responsible: optional(z.enum(ResponsibleLevel, 'must be RURAL, DISTRICT, REGION or CENTRAL')),
    category: optional(categoryCode),
    sort: optional(z.enum(ISSUE_SORTS, 'must be raisedOn or -raisedOn')),
    ...keysetPageParams,
  })
  .transform((p, ctx) => {
    // The cursor is checked first, so its issue comes before the dates' as it always has.
    const page = pageRequest(p, '-raisedOn', ctx);
    return { ...meetingFilters(p, ctx), status: p.status, responsible: p.responsible, category: p.category, ...page };
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

// ---------- write schemas (forms, server actions, the write API and the importer) ----------
// Rules that need the database (the category exists, the issue is in scope, the status it
// has now, the half-year is open) are checked by the writers in ./actions and ./write.

const ISSUE_DESCRIPTION_MAX = 2000;
const COMMENT_MAX = 2000;

/** What is typed about one issue, whether at its meeting or on its own. */
export const issueFieldsSchema = z.object({
  categoryCode: z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v), z.string({ message: 'entry.validation.category' }).regex(/^[A-Z][A-Z0-9_]{0,39}$/, 'entry.validation.category')),
  description: requiredText(ISSUE_DESCRIPTION_MAX, 'entry.validation.description'),
  responsibleLevel: z.enum(ResponsibleLevel, { message: 'validation.generic.invalid_value' }),
});
export type IssueFieldsInput = z.input<typeof issueFieldsSchema>;

/** POST /api/v1/issues and the "add an issue" form: an issue raised at an existing meeting. */
export const createIssueSchema = issueFieldsSchema.extend({ meetingId: refId('entry.validation.meeting') });
export type CreateIssueInput = z.output<typeof createIssueSchema>;

/** PATCH /api/v1/issues/{id}: any of the fields, with the version the editor read. */
export const updateIssueSchema = issueFieldsSchema.partial().extend({ version });
export type UpdateIssueInput = z.output<typeof updateIssueSchema>;

/**
 * A status change: the status, the date it took effect and a comment (required when a
 * closed issue is reopened). Whether the step is allowed from the current status, and that
 * the date is not before the issue was raised, is checked by `checkStatusChange`.
 */
export const statusChangeSchema = z.object({
  version,
  toStatus: z.enum(IssueStatus, { message: 'validation.generic.invalid_value' }),
  effectiveOn: pastDate,
  comment: optionalText(COMMENT_MAX),
});
export type StatusChangeInput = z.output<typeof statusChangeSchema>;

/** A dated money entry: what the issue needs, or what was allocated, from which budget. */
export const moneyEntrySchema = z.object({
  version,
  source: z.enum(BudgetSource, { message: 'validation.generic.invalid_value' }),
  kind: z.enum(BudgetEntryKind, { message: 'validation.generic.invalid_value' }),
  amountKzt,
  effectiveOn: pastDate,
  note: optionalText(500),
});
export type MoneyEntryInput = z.output<typeof moneyEntrySchema>;

/** Soft deletion and restore of an issue (restore is for admins). */
export const issueRefSchema = z.object({ id: refId(), version });

/**
 * The rules of a status change that depend on the issue as it is: the foundation's
 * transitions (src/features/issues/rules.ts) and an effective date not before it was
 * raised nor before its latest recorded step. Field → message key; empty when allowed.
 */
export function checkStatusChange(
  issue: { status: IssueStatusCode; raisedOn: string; lastEffectiveOn?: string | null },
  input: { toStatus: IssueStatusCode; effectiveOn: string; comment?: string | null },
): Record<string, string> {
  const errors: Record<string, string> = {};
  const check = checkTransition(issue.status, input.toStatus, input.comment);
  if (!check.ok) {
    if (check.reason === 'REASON_REQUIRED') errors.comment = 'entry.validation.reopenReason';
    else errors.toStatus = 'entry.validation.transition';
  }
  if (input.effectiveOn < issue.raisedOn) errors.effectiveOn = 'entry.validation.beforeRaised';
  else if (issue.lastEffectiveOn && input.effectiveOn < issue.lastEffectiveOn) errors.effectiveOn = 'entry.validation.beforeLastStep';
  return errors;
}

/** A money entry may not be dated before the issue was raised. */
export function checkMoneyEntry(issue: { raisedOn: string }, input: { effectiveOn: string }): Record<string, string> {
  return input.effectiveOn < issue.raisedOn ? { effectiveOn: 'entry.validation.beforeRaised' } : {};
}
