import { z } from 'zod';
import { AkimLevel, AnnouncementChannel, MeetingKind, Venue } from '@/generated/prisma/enums';
import { count, flag, list, optionalDate, optionalText, pastDate, refId, version } from '@/server/records/fields';
import { issueFieldsSchema } from '@/server/records/issues/schemas';
import {
  periodCode, bodyCode, katoCode, keysetPageParams, meetingFilterParams, meetingFilters, optional, pageRequest, recordIdParams,
} from '@/server/list-params';
import { type RawSearchParams, pageNumber, parsePageParams, searchText } from '@/server/page-params';
import type { Period } from '@/lib/period';

// Parameters of GET /api/v1/meetings and /api/v1/meetings/{id}. Codes are checked by shape
// here; whether a region or body code exists is checked by the query.

export const MEETING_SORTS = ['heldOn', '-heldOn'] as const;

export const meetingListParams = z
  .object({
    ...meetingFilterParams,
    sort: optional(z.enum(MEETING_SORTS, 'must be heldOn or -heldOn')),
    ...keysetPageParams,
  })
  .transform((p, ctx) => {
    // The cursor is checked first, so its issue comes before the dates' as it always has.
    const page = pageRequest(p, '-heldOn', ctx);
    return { ...meetingFilters(p, ctx), ...page };
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

// ---------- write schemas (forms, server actions, the write API and the importer) ----------
// The region, unit, akim level and central body of a meeting follow from its official, so
// they are not typed. Rules that need the database (the official exists, is of the right
// kind and in the caller's scope; the half-year is open) are checked in ./actions.

const meetingFields = {
  officialId: refId('entry.validation.official'),
  heldOn: pastDate,
  venue: z.enum(Venue, { message: 'validation.generic.invalid_value' }),
  venueNote: optionalText(500),
  announcedOn: optionalDate,
  announcementChannels: list(z.enum(AnnouncementChannel, { message: 'validation.generic.invalid_value' })),
  attendance: z.preprocess((v) => (v === '' || v === null ? undefined : v), count(1_000_000).optional()),
  outcomes: optionalText(4000),
  /** The akimat's own number for the meeting, unique within its region (the importer's key). */
  externalRef: optionalText(64),
};

/** The decree's checklist of a central official's meeting (see ./rules.ts). */
const checklistFields = {
  openMicrophone: flag,
  briefingHeld: flag,
  ngoMeetingHeld: flag,
  problemSiteVisited: flag,
  questionsCollected: flag,
  actionPlanPrepared: flag,
};

export const MAX_ISSUES_PER_MEETING = 500;

/** One personal reception held during a central official's trip. */
export const receptionSchema = z
  .object({
    heldOn: pastDate,
    citizensReceived: count(),
    issuesVoiced: count(),
    issuesResolved: count(),
    issuesInExecution: count(),
  })
  .superRefine((r, ctx) => {
    if (r.issuesResolved + r.issuesInExecution > r.issuesVoiced) {
      ctx.addIssue({ code: 'custom', path: ['issuesResolved'], message: 'entry.validation.receptionCounts' });
    }
  });
export type ReceptionInput = z.output<typeof receptionSchema>;

const announcedBeforeHeld = (m: { heldOn?: string; announcedOn?: string }, ctx: z.RefinementCtx) => {
  if (m.heldOn && m.announcedOn && m.announcedOn > m.heldOn) {
    ctx.addIssue({ code: 'custom', path: ['announcedOn'], message: 'entry.validation.announcedAfterHeld' });
  }
};

/** An akim's meeting with the issues raised at it. */
export const akimMeetingSchema = z
  .object({
    kind: z.literal('AKIM'),
    ...meetingFields,
    openMicrophone: flag,
    issues: z.array(issueFieldsSchema).max(MAX_ISSUES_PER_MEETING, 'validation.generic.too_big').default([]),
  })
  .superRefine(announcedBeforeHeld);
export type AkimMeetingInput = z.output<typeof akimMeetingSchema>;

/** A central official's meeting in a region: the decree checklist, personal receptions and issues. */
export const centralMeetingSchema = z
  .object({
    kind: z.literal('CENTRAL'),
    ...meetingFields,
    ...checklistFields,
    /** The region the official travelled to (KATO). */
    regionKato: z.string({ message: 'entry.validation.region' }).trim().regex(/^\d{9}$/, 'entry.validation.region'),
    /** The schedule entry this trip fulfils, if planned. */
    scheduleEntryId: z.preprocess((v) => (v === '' || v === null ? undefined : v), refId('entry.validation.scheduleEntry').optional()),
    receptions: z.array(receptionSchema).max(100, 'validation.generic.too_big').default([]),
    issues: z.array(issueFieldsSchema).max(MAX_ISSUES_PER_MEETING, 'validation.generic.too_big').default([]),
  })
  .superRefine((m, ctx) => {
    announcedBeforeHeld(m, ctx);
    m.receptions.forEach((r, i) => {
      if (r.heldOn < m.heldOn) ctx.addIssue({ code: 'custom', path: ['receptions', i, 'heldOn'], message: 'entry.validation.receptionBeforeMeeting' });
    });
  });
export type CentralMeetingInput = z.output<typeof centralMeetingSchema>;

/** POST /api/v1/meetings and the new-meeting forms: either kind, told apart by `kind`. */
export const createMeetingSchema = z.discriminatedUnion('kind', [akimMeetingSchema, centralMeetingSchema], {
  message: 'entry.validation.meetingKind',
});
export type CreateMeetingInput = z.output<typeof createMeetingSchema>;

/**
 * PATCH /api/v1/meetings/{id} and the edit form: any of the meeting's own fields, with the
 * version the editor read. Its issues are changed one by one (PATCH /api/v1/issues/{id});
 * new ones are added with POST /api/v1/issues. A central meeting's receptions, when given,
 * replace its receptions.
 */
export const updateMeetingSchema = z
  .object({
    version,
    ...meetingFields,
    ...checklistFields,
    receptions: z.array(receptionSchema).max(100, 'validation.generic.too_big'),
  })
  .partial()
  .required({ version: true })
  .superRefine(announcedBeforeHeld);
export type UpdateMeetingInput = z.output<typeof updateMeetingSchema>;

/** Soft deletion and restore of a meeting (restore is for admins). */
export const meetingRefSchema = z.object({ id: refId(), version });
