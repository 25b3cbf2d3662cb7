import { amountKzt } from '@/server/records/fields';
import { checkStatusChange, statusChangeSchema } from '@/server/records/issues/schemas';
import { akimMeetingSchema, centralMeetingSchema } from '@/server/records/meetings/schemas';
import type { AkimLevel, AnnouncementChannel, IssueStatus, ResponsibleLevel, Venue } from '@/generated/prisma/enums';
import type { ColumnKey } from './columns';
import { type RowErrorKey, schemaMessage } from './error-keys';

// One import row is the inputs the forms and the write API take, parsed with their schemas:
// an akim meeting with this one issue (akimMeetingSchema), or a central official's meeting
// with its decree checklist and reception (centralMeetingSchema), the issue's status change
// (statusChangeSchema) and its money totals (amountKzt). Only what a spreadsheet adds is
// checked here: the keys, a unit for district and rural levels, the status date against the
// meeting. Messages are catalogue keys: `entry.validation.*`, `validation.*` or `import.errors.*` (bare).

export type ImportReception = { heldOn: string; citizensReceived: number; issuesVoiced: number; issuesResolved: number; issuesInExecution: number };

export type ImportRow = {
  line: number;
  /** AKIM without a body code, CENTRAL with one. */
  kind: 'AKIM' | 'CENTRAL';
  regionId: number;
  externalRef: string;
  heldOn: string;
  /** The akim's level; null for a central official's meeting. */
  level: AkimLevel | null;
  unitId: number | null;
  centralBodyId: number | null;
  /** The central official named in the row; an akim's is found from the region or unit at the check. */
  officialId: number | null;
  announcedOn: string | null;
  announcementChannels: AnnouncementChannel[];
  questionsCollected: boolean;
  briefingHeld: boolean;
  ngoMeetingHeld: boolean;
  actionPlanPrepared: boolean;
  problemSiteVisited: boolean;
  /** A central meeting's personal reception, when its columns are filled. */
  reception: ImportReception | null;
  venue: Venue;
  attendance: number | null;
  issueNumber: number;
  categoryId: number;
  categoryCode: string;
  description: string;
  responsible: ResponsibleLevel;
  status: IssueStatus;
  statusOn: string;
  comment: string | null;
  needKzt: number | null;
  allocatedKzt: number | null;
};

export type RowIssue = { field: ColumnKey; key: RowErrorKey };

const MEETING_FIELD: Record<string, ColumnKey> = {
  heldOn: 'heldOn', venue: 'venue', attendance: 'attendance', externalRef: 'externalRef', officialId: 'region',
  categoryCode: 'category', description: 'description', responsibleLevel: 'responsible', regionKato: 'region',
  announcedOn: 'announcedOn', announcementChannels: 'announcementChannels',
};
const RECEPTION_FIELD: Record<string, ColumnKey> = {
  heldOn: 'receptionOn', citizensReceived: 'receptionCitizens', issuesVoiced: 'receptionVoiced',
  issuesResolved: 'receptionResolved', issuesInExecution: 'receptionInExecution',
};
const STATUS_FIELD: Record<string, ColumnKey> = { toStatus: 'status', effectiveOn: 'statusOn', comment: 'comment' };

const fieldOf = (path: PropertyKey[], map: Record<string, ColumnKey>): ColumnKey => map[String(path[path.length - 1])] ?? map[String(path[0])] ?? 'region';

export function validateImportRow(row: ImportRow): RowIssue[] {
  const issues: RowIssue[] = [];
  const add = (field: ColumnKey, key: RowErrorKey) => {
    if (!issues.some((i) => i.field === field)) issues.push({ field, key });
  };
  const common = {
    officialId: 1, heldOn: row.heldOn, venue: row.venue, attendance: row.attendance ?? undefined,
    externalRef: row.externalRef, openMicrophone: false, announcedOn: row.announcedOn ?? undefined, announcementChannels: row.announcementChannels,
    issues: [{ categoryCode: row.categoryCode, description: row.description, responsibleLevel: row.responsible }],
  };
  // The region was found by the parser; the schema only needs a code of the right shape.
  const meeting = row.kind === 'AKIM'
    ? akimMeetingSchema.safeParse({ kind: 'AKIM', ...common })
    : centralMeetingSchema.safeParse({
      kind: 'CENTRAL', ...common, regionKato: '000000000',
      questionsCollected: row.questionsCollected, briefingHeld: row.briefingHeld, ngoMeetingHeld: row.ngoMeetingHeld,
      actionPlanPrepared: row.actionPlanPrepared, problemSiteVisited: row.problemSiteVisited,
      receptions: row.reception ? [row.reception] : [],
    });
  if (!meeting.success) {
    for (const i of meeting.error.issues) add(i.path[0] === 'receptions' ? fieldOf(i.path, RECEPTION_FIELD) : fieldOf(i.path, MEETING_FIELD), schemaMessage(i.message));
  }
  const status = statusChangeSchema.safeParse({ version: 1, toStatus: row.status, effectiveOn: row.statusOn, comment: row.comment ?? undefined });
  if (!status.success) for (const i of status.error.issues) add(fieldOf(i.path, STATUS_FIELD), schemaMessage(i.message));
  for (const field of ['needKzt', 'allocatedKzt'] as const) {
    const parsed = row[field] === null ? null : amountKzt.safeParse(row[field]);
    if (parsed && !parsed.success) add(field, schemaMessage(parsed.error.issues[0]!.message));
  }
  if (row.externalRef.length > 64) add('externalRef', 'validation.generic.too_big');
  if (row.kind === 'AKIM' && row.level !== 'REGION' && row.unitId === null) add('unit', 'unitRequired');
  // A new issue is raised on the meeting's date and then takes the row's status.
  if (row.status !== 'RAISED' && !issues.some((i) => i.field === 'statusOn')) {
    const step = checkStatusChange({ status: 'RAISED', raisedOn: row.heldOn }, { toStatus: row.status, effectiveOn: row.statusOn, comment: row.comment });
    if (step.effectiveOn) add('statusOn', schemaMessage(step.effectiveOn));
  } else if (row.statusOn < row.heldOn) add('statusOn', 'entry.validation.beforeRaised');
  return issues;
}
