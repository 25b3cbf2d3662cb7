import { describe, expect, it } from 'vitest';
import { DECREE_REQUIREMENTS, requirementsMet, type MeetingForRequirements } from '@/server/records/meetings/rules';

const meeting = (over: Partial<MeetingForRequirements> = {}): MeetingForRequirements => ({
  heldOn: '2022-10-10', announcedOn: '2022-10-01', questionsCollected: true, briefingHeld: true,
  ngoMeetingHeld: true, actionPlanPrepared: true, problemSiteVisited: true, personalReceptions: 1, ...over,
});

describe('decree requirements', () => {
  it('a meeting that did everything meets every requirement', () => {
    expect(Object.values(requirementsMet(meeting())).every(Boolean)).toBe(true);
    expect(Object.keys(requirementsMet(meeting()))).toEqual([...DECREE_REQUIREMENTS]);
  });

  it('announcement counts only when made at least N days ahead (default 3)', () => {
    expect(requirementsMet(meeting({ announcedOn: '2022-10-07' })).ANNOUNCED).toBe(true);
    expect(requirementsMet(meeting({ announcedOn: '2022-10-08' })).ANNOUNCED).toBe(false);
    expect(requirementsMet(meeting({ announcedOn: null })).ANNOUNCED).toBe(false);
    expect(requirementsMet(meeting({ announcedOn: '2022-10-05' }), 7).ANNOUNCED).toBe(false);
    expect(requirementsMet(meeting({ announcedOn: '2022-10-10' }), 0).ANNOUNCED).toBe(true);
  });

  it('a personal reception is met by at least one reception record', () => {
    expect(requirementsMet(meeting({ personalReceptions: 0 })).PERSONAL_RECEPTION_HELD).toBe(false);
    expect(requirementsMet(meeting({ personalReceptions: 2 })).PERSONAL_RECEPTION_HELD).toBe(true);
  });

  it('each flag maps to its own requirement only', () => {
    const met = requirementsMet(meeting({ briefingHeld: false, ngoMeetingHeld: false }));
    expect(met.BRIEFING_HELD).toBe(false);
    expect(met.NGO_MEETING_HELD).toBe(false);
    expect(met.QUESTIONS_COLLECTED && met.ACTION_PLAN_PREPARED && met.PROBLEM_SITE_VISITED).toBe(true);
  });
});
