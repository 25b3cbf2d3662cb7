// What the Presidential Decree asks of each central official's meeting, judged from the
// meeting's own record. The statistics count the share of meetings meeting each one.

export const DECREE_REQUIREMENTS = [
  'ANNOUNCED',
  'QUESTIONS_COLLECTED',
  'BRIEFING_HELD',
  'PERSONAL_RECEPTION_HELD',
  'NGO_MEETING_HELD',
  'ACTION_PLAN_PREPARED',
  'PROBLEM_SITE_VISITED',
] as const;
export type DecreeRequirement = (typeof DECREE_REQUIREMENTS)[number];

/** Days ahead a meeting must be announced, unless the `announcementMinDays` setting says otherwise. */
export const DEFAULT_ANNOUNCEMENT_MIN_DAYS = 3;

export type MeetingForRequirements = {
  heldOn: string;
  announcedOn: string | null;
  questionsCollected: boolean;
  briefingHeld: boolean;
  ngoMeetingHeld: boolean;
  actionPlanPrepared: boolean;
  problemSiteVisited: boolean;
  personalReceptions: number;
};

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function requirementsMet(
  m: MeetingForRequirements,
  announcementMinDays = DEFAULT_ANNOUNCEMENT_MIN_DAYS,
): Record<DecreeRequirement, boolean> {
  return {
    ANNOUNCED: m.announcedOn !== null && daysBetween(m.announcedOn, m.heldOn) >= announcementMinDays,
    QUESTIONS_COLLECTED: m.questionsCollected,
    BRIEFING_HELD: m.briefingHeld,
    PERSONAL_RECEPTION_HELD: m.personalReceptions > 0,
    NGO_MEETING_HELD: m.ngoMeetingHeld,
    ACTION_PLAN_PREPARED: m.actionPlanPrepared,
    PROBLEM_SITE_VISITED: m.problemSiteVisited,
  };
}
