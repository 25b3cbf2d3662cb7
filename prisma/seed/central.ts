import { splitWithMinimum, splitWithinBounds } from './allocate';
import { type IsoDate, addDays, daysBetween, monthBounds } from './dates';
import type { Dataset, MeetingRow } from './dataset';
import type { OfficialRow, RegionRow, UnitRow } from './reference';
import type { Rng } from './rng';
import { VENUE_NOTES, meetingOutcome } from './texts';

// The Government's schedule of central officials' trips, the meetings that fulfilled
// it, and the personal receptions held on those trips.

export type CentralContext = {
  rng: Rng; ds: Dataset; regions: readonly RegionRow[];
  officialsByBody: Map<number, OfficialRow[]>; districtsByRegion: Map<number, UnitRow[]>;
};

export type PlannedEntry = { half: 1 | 2; month: number; heldIn?: { half: 1 | 2; month: number } | null };

function dayIn(rng: Rng, year: number, month: number): IsoDate {
  const { start, end } = monthBounds(year, month);
  return addDays(start, rng.int(0, daysBetween(start, end)));
}

function centralMeeting(ctx: CentralContext, official: OfficialRow, regionId: number, heldOn: IsoDate): MeetingRow {
  const { rng } = ctx;
  const venue = rng.pick(['HOUSE_OF_CULTURE', 'HOUSE_OF_CULTURE', 'CCS_PLATFORM', 'CCS_PLATFORM', 'PROBLEM_SITE', 'OTHER'] as const);
  const district = rng.chance(0.5) ? rng.pick(ctx.districtsByRegion.get(regionId) ?? []) : null;
  // The briefing notes weak local announcement: the body's site nearly always, local media and messengers less often.
  const channels = ['BODY_WEBSITE', ...(rng.chance(0.45) ? ['LOCAL_MEDIA'] : []), ...(rng.chance(0.35) ? ['MESSENGER_GROUPS'] : [])];
  return {
    id: ctx.ds.meeting.length + 1, kind: 'CENTRAL', official_id: official.id, region_id: regionId, unit_id: district?.id ?? null,
    akim_level: null, central_body_id: official.central_body_id, held_on: heldOn, venue, venue_note: rng.pick(VENUE_NOTES[venue]),
    open_microphone: rng.chance(0.1), briefing_held: rng.chance(0.8), ngo_meeting_held: rng.chance(0.6),
    problem_site_visited: venue === 'PROBLEM_SITE' || rng.chance(0.2),
    announced_on: rng.chance(0.92) ? addDays(heldOn, -rng.int(1, 7)) : null,
    announcement_channels: `{${channels.join(',')}}`,
    questions_collected: rng.chance(0.7), action_plan_prepared: rng.chance(0.65),
    attendance: rng.int(60, 400), outcomes: meetingOutcome(rng), external_ref: null,
  };
}

/** Writes a year's schedule entries and, for those held, the meetings; returns the meetings held. */
export function writeSchedule(ctx: CentralContext, year: number, entries: readonly PlannedEntry[]): MeetingRow[] {
  const { rng, ds } = ctx;
  const bodies = [...ctx.officialsByBody.keys()];
  const held: MeetingRow[] = [];
  entries.forEach((e, i) => {
    const bodyId = bodies[i % bodies.length] as number;
    const officials = ctx.officialsByBody.get(bodyId) ?? [];
    const official = officials[rng.weighted(officials.map((o) => (o.position === 'MINISTER' ? 4 : o.position === 'VICE_MINISTER' ? 1.2 : 0.5)))] as OfficialRow;
    const region = rng.pick(ctx.regions);
    let meetingId: number | null = null;
    if (e.heldIn) {
      const m = centralMeeting(ctx, official, region.id, dayIn(rng, year, e.heldIn.month));
      ds.meeting.push(m);
      held.push(m);
      meetingId = m.id;
    }
    ds.schedule_entry.push({
      id: ds.schedule_entry.length + 1, year, half: e.half, planned_month: e.month, official_id: official.id,
      central_body_id: bodyId, region_id: region.id, meeting_id: meetingId,
    });
  });
  return held;
}

/** Spreads the receptions' totals over meetings: some meetings have none, some two. */
export function writeReceptions(
  rng: Rng, ds: Dataset, meetings: readonly MeetingRow[],
  totals: { count: number; citizens: number; voiced: number; resolved: number },
): void {
  const perMeeting = meetings.map(() => 1);
  let extra = totals.count - meetings.length;
  const order = rng.shuffle(meetings.map((_, i) => i));
  // Negative extra: some meetings had none; positive: some had two.
  for (const i of order) {
    if (extra === 0) break;
    perMeeting[i] = extra > 0 ? 2 : 0;
    extra += extra > 0 ? -1 : 1;
  }
  const slots = meetings.flatMap((m, i) => Array.from({ length: perMeeting[i] as number }, () => m));
  const citizens = splitWithMinimum(totals.citizens, slots.length, 1, slots.map(() => 0.3 + rng.float()));
  const voiced = splitWithinBounds(totals.voiced, citizens.map(() => 0), citizens.map((c) => c * 3));
  const resolved = splitWithinBounds(totals.resolved, voiced.map(() => 0), voiced);
  slots.forEach((m, k) => {
    ds.personal_reception.push({
      id: ds.personal_reception.length + 1, meeting_id: m.id, held_on: m.held_on,
      citizens_received: citizens[k] as number, issues_voiced: voiced[k] as number,
      issues_resolved: resolved[k] as number, issues_in_execution: (voiced[k] as number) - (resolved[k] as number),
    });
  });
}
