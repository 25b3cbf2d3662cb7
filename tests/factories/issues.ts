import type pg from 'pg';
import { checkTransition, isReopening, type IssueStatus, type StatusEvent } from '@/server/records/issues/rules';
import type { Reference } from './reference';

// Meetings and raised issues with a dated status history, written with plain SQL the way
// the app keeps them: raised_issue holds the current status and copies of the meeting's
// kind, region and date; issue_status_change holds every step, the first being RAISED.

export type MeetingKind = 'AKIM' | 'CENTRAL';

export type TestMeeting = { id: number; kind: MeetingKind; heldOn: string; regionId: number; deleted: boolean };

export type TestIssue = {
  id: number;
  meeting: TestMeeting;
  kind: MeetingKind;
  raisedOn: string;
  deleted: boolean;
  status: IssueStatus;
  resolvedOn: string | null;
  /** The history as the rules functions take it, RAISED first. */
  history: StatusEvent[];
};

/** A step after the issue was raised: the status it took and the date that took effect. */
export type StatusStep = { to: IssueStatus; on: string; comment?: string };

type Db = pg.ClientBase | pg.Pool;

// A soft-deletion time, later than anything the tests date.
const DELETED_AT = '2040-01-01T00:00:00Z';

export async function createMeeting(
  db: Db,
  ref: Reference,
  options: {
    heldOn: string; kind?: MeetingKind; deleted?: boolean;
    /** An akim's meeting at this level (REGION by default), held by ref.akimId; the unit it was held in. */
    level?: 'REGION' | 'DISTRICT' | 'RURAL'; unitId?: number | null;
  },
): Promise<TestMeeting> {
  const kind = options.kind ?? 'AKIM';
  const deleted = options.deleted ?? false;
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO meeting (kind, official_id, region_id, unit_id, akim_level, central_body_id, held_on, venue, attendance, deleted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::date, 'HOUSE_OF_CULTURE', 100, $8) RETURNING id`,
    [
      kind,
      kind === 'AKIM' ? ref.akimId : ref.ministerId,
      ref.regionId,
      options.unitId ?? null,
      kind === 'AKIM' ? (options.level ?? 'REGION') : null,
      kind === 'CENTRAL' ? ref.centralBodyId : null,
      options.heldOn,
      deleted ? DELETED_AT : null,
    ],
  );
  return { id: rows[0]!.id, kind, heldOn: options.heldOn, regionId: ref.regionId, deleted };
}

/**
 * An issue raised at `meeting`, then taken through `steps` in order. Steps must be valid
 * transitions (a reopening gets a comment), dated on or after the meeting and in date order;
 * steps on the same date are recorded in the order given.
 */
export async function createIssue(
  db: Db,
  ref: Reference,
  meeting: TestMeeting,
  steps: readonly StatusStep[] = [],
  options: { deleted?: boolean } = {},
): Promise<TestIssue> {
  const deleted = options.deleted ?? false;
  const history: StatusEvent[] = [{ to: 'RAISED', on: meeting.heldOn, seq: 0 }];
  const comments: Array<string | null> = [null];
  let previous = history[0]!;
  for (const step of steps) {
    if (step.on < previous.on) throw new Error(`step to ${step.to} on ${step.on} is dated before ${previous.on}`);
    const comment = step.comment ?? (isReopening(previous.to, step.to) ? 'reopened for the test' : null);
    const check = checkTransition(previous.to, step.to, comment);
    if (!check.ok) throw new Error(`${previous.to} → ${step.to} is not allowed (${check.reason})`);
    previous = { to: step.to, on: step.on, seq: history.length };
    history.push(previous);
    comments.push(comment);
  }
  const status = previous.to;
  const resolvedOn = status === 'RESOLVED' ? previous.on : null;

  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO raised_issue (meeting_id, category_id, description, responsible_level, status, meeting_kind, region_id, raised_on, resolved_on, deleted_at)
     VALUES ($1, $2, $3, 'REGION', $4, $5, $6, $7::date, $8::date, $9) RETURNING id`,
    [meeting.id, ref.categoryId, `Test issue of meeting ${meeting.id}`, status, meeting.kind, meeting.regionId, meeting.heldOn, resolvedOn, deleted ? DELETED_AT : null],
  );
  const id = rows[0]!.id;

  for (const [i, event] of history.entries()) {
    // Recorded in the order given, a second apart, on the day the step took effect.
    const recordedAt = new Date(Date.parse(`${event.on}T06:00:00Z`) + i * 1000).toISOString();
    await db.query(
      `INSERT INTO issue_status_change (issue_id, from_status, to_status, effective_on, comment, recorded_at)
       VALUES ($1, $2, $3, $4::date, $5, $6)`,
      [id, i === 0 ? null : history[i - 1]!.to, event.to, event.on, comments[i] ?? null, recordedAt],
    );
  }
  return { id, meeting, kind: meeting.kind, raisedOn: meeting.heldOn, deleted, status, resolvedOn, history };
}
