// The per-entity scope builders of server/access/scopes, for each kind of caller.
import { describe, expect, it } from 'vitest';
import type { ScopeCaller } from '@/server/access/scope';
import { mayWriteRegionPlans, ownPlansRegion, regionPlansWriter } from '@/server/access/scopes/action-plan';
import { ownRequestsWhere, requestInboxWhere, requireRequestSide } from '@/server/access/scopes/budget-request';
import { escalationDecisionWhere, requireEscalationBody } from '@/server/access/scopes/escalation';
import { bodyChoiceWhere, regionChoiceWhere } from '@/server/access/scopes/filter-choices';
import { meetingKindsFor, meetingOutOfScope } from '@/server/access/scopes/meeting';
import { recordableOfficialsWhere } from '@/server/access/scopes/official';
import { requireScheduleBody, scheduleEntryWhere } from '@/server/access/scopes/schedule-entry';
import { submissionOwner } from '@/server/access/scopes/submission';

const admin: ScopeCaller = { role: 'ADMIN', regionId: null, unitId: null, centralBodyId: null };
const analyst: ScopeCaller = { ...admin, role: 'ANALYST' };
const akimat: ScopeCaller = { role: 'AKIMAT_EDITOR', regionId: 7, unitId: null, centralBodyId: null };
const unitEditor: ScopeCaller = { ...akimat, unitId: 40 };
const ministry: ScopeCaller = { role: 'MINISTRY_EDITOR', regionId: null, unitId: null, centralBodyId: 3 };

describe('records addressed to a body: schedule entries, escalations, the inbox of budget requests', () => {
  it('lists a ministry’s own, everyone’s for an admin, none for an akimat', () => {
    for (const where of [scheduleEntryWhere, escalationDecisionWhere, requestInboxWhere]) {
      expect(where(ministry)).toEqual({ centralBodyId: 3 });
      expect(where(admin)).toEqual({});
      expect(where(akimat)).toBeNull();
      expect(where(unitEditor)).toBeNull();
    }
  });

  it('lets only the addressed body (or an admin) act', () => {
    for (const require of [requireScheduleBody, requireEscalationBody]) {
      expect(() => require(ministry, 3, 'x')).not.toThrow();
      expect(() => require(admin, 4, 'x')).not.toThrow();
      expect(() => require(ministry, 4, 'x')).toThrow('x');
      expect(() => require(akimat, 3, 'x')).toThrow('x');
    }
    expect(() => requireScheduleBody(ministry, null, 'x')).toThrow('x');
  });
});

describe('a region’s action plans and budget requests', () => {
  it('are written by the region’s akimat or an admin, read by a unit editor, not kept by a ministry', () => {
    expect(regionPlansWriter(akimat)).toEqual({ regionId: 7 });
    expect(regionPlansWriter(admin)).toBeNull();
    expect(() => regionPlansWriter(unitEditor)).toThrow();
    expect(() => regionPlansWriter(ministry)).toThrow();
    expect([akimat, admin, unitEditor, ministry].map(mayWriteRegionPlans)).toEqual([true, true, false, false]);
    expect([akimat, admin, unitEditor, ministry].map(ownPlansRegion)).toEqual([7, null, 7, null]);
    expect([akimat, admin, unitEditor, ministry].map(ownRequestsWhere)).toEqual([{ regionId: 7 }, {}, { regionId: 7 }, null]);
  });

  it('are acted on from the akimat’s side by their region only, from the body’s by the addressed body', () => {
    const request = { regionId: 7, centralBodyId: 3 };
    expect(() => requireRequestSide(akimat, request, 'akimat')).not.toThrow();
    expect(() => requireRequestSide(akimat, { ...request, regionId: 8 }, 'akimat')).toThrow();
    expect(() => requireRequestSide(unitEditor, request, 'akimat')).toThrow();
    expect(() => requireRequestSide(akimat, request, 'body')).toThrow();
    expect(() => requireRequestSide(ministry, request, 'body')).not.toThrow();
    expect(() => requireRequestSide(ministry, { ...request, centralBodyId: 4 }, 'body')).toThrow();
    expect(() => requireRequestSide(admin, request, 'body')).not.toThrow();
  });
});

describe('meetings: kinds, officials and the filters offered', () => {
  it('records akims’ meetings for an akimat, officials’ for a ministry, both for an admin', () => {
    expect(meetingKindsFor(akimat)).toEqual(['AKIM']);
    expect(meetingKindsFor(ministry)).toEqual(['CENTRAL']);
    expect(meetingKindsFor(admin)).toEqual(['AKIM', 'CENTRAL']);
    expect(recordableOfficialsWhere(akimat, 'AKIM')).toEqual({ regionId: 7 });
    expect(recordableOfficialsWhere(unitEditor, 'AKIM')).toEqual({ regionId: 7, OR: [{ unitId: 40 }, { unit: { parentId: 40 } }] });
    expect(recordableOfficialsWhere(akimat, 'CENTRAL')).toBeNull();
    expect(recordableOfficialsWhere(ministry, 'CENTRAL')).toEqual({ centralBodyId: 3 });
    expect(recordableOfficialsWhere(ministry, 'AKIM')).toBeNull();
    expect(recordableOfficialsWhere(admin, 'AKIM')).toEqual({});
  });

  it('names the part of a placement outside the scope', () => {
    expect(meetingOutOfScope(unitEditor, { kind: 'AKIM', regionId: 7, unitId: 41, unitParentId: 40 })).toBeNull();
    expect(meetingOutOfScope(unitEditor, { kind: 'AKIM', regionId: 7, unitId: 43, unitParentId: 49 })).toBe('unit');
    expect(meetingOutOfScope(akimat, { kind: 'AKIM', regionId: 8 })).toBe('region');
    expect(meetingOutOfScope(akimat, { kind: 'CENTRAL', regionId: 7, centralBodyId: 3 })).toBe('body');
    expect(meetingOutOfScope(ministry, { kind: 'CENTRAL', regionId: 7, centralBodyId: 4 })).toBe('body');
    expect(meetingOutOfScope(ministry, { kind: 'AKIM', regionId: 7 })).toBe('region');
  });

  it('offers a scoped caller only their own region or body to filter on', () => {
    expect([admin, akimat, ministry].map(regionChoiceWhere)).toEqual([{}, { id: 7 }, null]);
    expect([admin, akimat, ministry].map(bodyChoiceWhere)).toEqual([{}, null, { id: 3 }]);
  });
});

describe('half-year submissions', () => {
  it('are owned by a region’s akimat, a unit’s, or a body; not by an admin, a reader or an editor without a place', () => {
    expect(submissionOwner(akimat)).toEqual({ scopeKey: 'R7', regionId: 7, unitId: null, centralBodyId: null });
    expect(submissionOwner(unitEditor)).toEqual({ scopeKey: 'U40', regionId: 7, unitId: 40, centralBodyId: null });
    expect(submissionOwner(ministry)).toEqual({ scopeKey: 'B3', regionId: null, unitId: null, centralBodyId: 3 });
    expect(submissionOwner(admin)).toBeNull();
    expect(submissionOwner(analyst)).toBeNull();
    expect(submissionOwner({ ...akimat, regionId: null })).toBeNull();
    expect(submissionOwner({ ...ministry, centralBodyId: null })).toBeNull();
  });
});
