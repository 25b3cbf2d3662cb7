import { type IsoDate, addDays, daysBetween, halfBounds, maxDate, minDate, monthBounds } from './dates';
import type { Dataset, Fate, IssueRow, MeetingRow } from './dataset';
import type { CategoryCode, OfficialRow, UnitRow } from './reference';
import type { Rng } from './rng';
import { VENUE_NOTES, issueDescription, meetingOutcome } from './texts';

// Akim meetings and the issues raised at them, with each issue's status path.

export type AkimContext = {
  rng: Rng;
  ds: Dataset;
  categoryId: Record<CategoryCode, number>;
  districtsByRegion: Map<number, UnitRow[]>;
  ruralByRegion: Map<number, UnitRow[]>;
  akimOfUnit: Map<number, OfficialRow>;
  akimOfRegion: Map<number, OfficialRow>;
};

/** An issue not yet written: its fate can still change (escalation picks). */
export type IssueDraft = {
  issue: Omit<IssueRow, 'id' | 'status' | 'resolved_on'>;
  category: CategoryCode;
  fate: Fate;
  /** Resolved date within the period the draft was planned for, if any. */
  resolvedOn: IsoDate | null;
};

const CATEGORY_WEIGHTS: Array<[CategoryCode, number]> = [
  ['HOUSING_UTILITIES', 24], ['LANDSCAPING_ECOLOGY', 20], ['ROADS', 18], ['SOCIAL_INFRASTRUCTURE', 12],
  ['LAND', 9], ['HOUSING', 8], ['OTHER', 9],
];
const MONTH_WEIGHTS: Record<1 | 2, number[]> = { 1: [0.6, 0.8, 1, 1.2, 1.3, 1.2], 2: [1, 1.1, 1.2, 1.2, 1.1, 0.9] };

function meetingDate(rng: Rng, year: number, half: 1 | 2): IsoDate {
  const month = (half === 1 ? 1 : 7) + rng.weighted(MONTH_WEIGHTS[half]);
  const { start, end } = monthBounds(year, month);
  return addDays(start, rng.int(0, daysBetween(start, end)));
}

/** Creates `count` akim meetings of one region in one half-year, returning them in date order. */
export function createAkimMeetings(ctx: AkimContext, regionId: number, year: number, half: 1 | 2, count: number): MeetingRow[] {
  const { rng, ds } = ctx;
  const districts = ctx.districtsByRegion.get(regionId) ?? [];
  const rural = ctx.ruralByRegion.get(regionId) ?? [];
  const rows: MeetingRow[] = [];
  for (let i = 0; i < count; i++) {
    const level = rng.weighted(rural.length ? [2, 28, 70] : [5, 95, 0]);
    const unit = level === 0 ? null : rng.pick(level === 1 ? districts : rural);
    const official = unit ? ctx.akimOfUnit.get(unit.id) : ctx.akimOfRegion.get(regionId);
    if (!official) throw new Error(`no akim for region ${regionId} unit ${unit?.id}`);
    const heldOn = meetingDate(rng, year, half);
    const venue = rng.pick(['HOUSE_OF_CULTURE', 'HOUSE_OF_CULTURE', 'HOUSE_OF_CULTURE', 'OTHER', 'PROBLEM_SITE', 'ONLINE'] as const);
    rows.push({
      id: 0, kind: 'AKIM', official_id: official.id, region_id: regionId, unit_id: unit?.id ?? null,
      akim_level: (['REGION', 'DISTRICT', 'RURAL'] as const)[level] ?? 'RURAL', central_body_id: null, held_on: heldOn,
      venue, venue_note: rng.pick(VENUE_NOTES[venue]),
      open_microphone: rng.chance(0.12), briefing_held: false, ngo_meeting_held: false,
      problem_site_visited: venue === 'PROBLEM_SITE' || rng.chance(0.1),
      announced_on: addDays(heldOn, -rng.int(2, 10)),
      announcement_channels: rng.chance(0.7) ? '{BODY_WEBSITE,LOCAL_MEDIA,MESSENGER_GROUPS}' : '{BODY_WEBSITE,MESSENGER_GROUPS}',
      questions_collected: rng.chance(0.6), action_plan_prepared: rng.chance(0.5),
      attendance: rng.int(level === 2 ? 15 : 40, level === 0 ? 600 : 250), outcomes: meetingOutcome(rng),
      external_ref: null,
    });
  }
  rows.sort((a, b) => a.held_on.localeCompare(b.held_on));
  for (const m of rows) {
    m.id = ds.meeting.length + 1;
    m.external_ref = `${year}-${half === 1 ? 'I' : 'II'}/${String(ds.meeting.length + 1).padStart(6, '0')}`;
    ds.meeting.push(m);
  }
  return rows;
}

/** Issues spread at random over the given meetings, in meeting order. */
export function draftIssues(ctx: AkimContext, meetings: readonly MeetingRow[], count: number): IssueDraft[] {
  const { rng } = ctx;
  const unitName = new Map<number, UnitRow>();
  for (const list of [...ctx.districtsByRegion.values(), ...ctx.ruralByRegion.values()]) for (const u of list) unitName.set(u.id, u);
  const picks = Array.from({ length: count }, () => rng.int(0, meetings.length - 1)).sort((a, b) => a - b);
  return picks.map((index) => {
    const m = meetings[index] as MeetingRow;
    const category = (CATEGORY_WEIGHTS[rng.weighted(CATEGORY_WEIGHTS.map(([, w]) => w))] as [CategoryCode, number])[0];
    const unit = m.unit_id ? unitName.get(m.unit_id) : undefined;
    const place = (unit?.name_ru ?? 'областном центре').replace(/^(сельский округ|район|город) /, '');
    const placeKk = (unit?.name_kk ?? 'облыс орталығы').replace(/ (ауылдық округі|ауданы|қаласы)$/, '');
    return {
      category, fate: [], resolvedOn: null,
      issue: {
        meeting_id: m.id, category_id: ctx.categoryId[category], description: issueDescription(rng, category, place, placeKk),
        responsible_level: m.akim_level === 'REGION' ? 'REGION' : m.akim_level === 'DISTRICT' ? 'DISTRICT' : rng.chance(0.5) ? 'RURAL' : 'DISTRICT',
        meeting_kind: 'AKIM', region_id: m.region_id, raised_on: m.held_on,
      },
    };
  });
}

/** Resolved on a date in [from, to] no earlier than raised; 40% pass through IN_EXECUTION first. */
export function resolveBetween(rng: Rng, d: IssueDraft, from: IsoDate, to: IsoDate, maxDays: number): void {
  const start = maxDate(from, d.issue.raised_on);
  const on = addDays(start, rng.int(0, Math.max(0, Math.min(maxDays, daysBetween(start, to)))));
  if (on > d.issue.raised_on && rng.chance(0.4)) {
    d.fate.push({ to: 'IN_EXECUTION', on: addDays(d.issue.raised_on, rng.int(0, daysBetween(d.issue.raised_on, on) - 1)) });
  }
  d.fate.push({ to: 'RESOLVED', on });
  d.resolvedOn = on;
}

/** Leaves an issue open at `until`: in execution, not supported, or still raised. */
export function leaveOpen(rng: Rng, d: IssueDraft, until: IsoDate): void {
  const kind = rng.weighted([65, 15, 20]);
  if (kind === 2) return;
  const on = minDate(until, addDays(d.issue.raised_on, rng.int(1, 60)));
  d.fate.push({ to: kind === 0 ? 'IN_EXECUTION' : 'NOT_SUPPORTED', on });
}

/**
 * For one region: which of its issues of a half are resolved, and when.
 * `plan` gives the counts resolved within the half and within the next half.
 */
export function planFates(
  rng: Rng, drafts: IssueDraft[], year: number, half: 1 | 2,
  plan: { inHalf: number; inNextHalf: number }, openUntil: IsoDate,
): void {
  const order = rng.shuffle(drafts.map((_, i) => i));
  const { end } = halfBounds(year, half);
  const next = half === 1 ? halfBounds(year, 2) : halfBounds(year + 1, 1);
  order.forEach((i, rank) => {
    const d = drafts[i] as IssueDraft;
    if (rank < plan.inHalf) resolveBetween(rng, d, d.issue.raised_on, end, 60);
    else if (rank < plan.inHalf + plan.inNextHalf) {
      if (rng.chance(0.7)) d.fate.push({ to: 'IN_EXECUTION', on: minDate(end, addDays(d.issue.raised_on, rng.int(1, 30))) });
      resolveBetween(rng, d, maxDate(next.start, addDays(d.issue.raised_on, 14)), next.end, 120);
    } else leaveOpen(rng, d, openUntil);
  });
}

