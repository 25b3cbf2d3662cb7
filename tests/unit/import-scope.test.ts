// The import's scope check is the forms' (server/access/scopes/meeting): the same rule decides
// whether a row's new meeting, or the existing meeting its number names, is the caller's.
// The database is a stub answering each of check.ts's reads with fixed rows.
import { describe, expect, it } from 'vitest';
import { checkAgainstDatabase } from '@/features/import/check';
import type { ImportRow } from '@/features/import/row-schema';
import type { ScopeCaller } from '@/server/access/scope';

// Region 7: district 40 with rural districts 41 and 42 under it; district 49 with 50 under it.
const UNITS = [
  { id: 40, region_id: 7, parent_id: null, kind: 'DISTRICT' },
  { id: 41, region_id: 7, parent_id: 40, kind: 'RURAL_DISTRICT' },
  { id: 42, region_id: 7, parent_id: 40, kind: 'RURAL_DISTRICT' },
  { id: 43, region_id: 7, parent_id: 49, kind: 'RURAL_DISTRICT' },
  { id: 49, region_id: 7, parent_id: null, kind: 'DISTRICT' },
  { id: 50, region_id: 7, parent_id: 49, kind: 'RURAL_DISTRICT' },
];
const AKIMS = [41, 42, 43, 50].map((unit) => ({ id: 1000 + unit, region_id: 7, unit_id: unit, position: 'AKIM_RURAL' }));
const meeting = (id: number, ref: string, unit: number) => ({
  id, region_id: 7, external_ref: ref, kind: 'AKIM', unit_id: unit, unit_parent_id: UNITS.find((u) => u.id === unit)!.parent_id, central_body_id: null, deleted: false,
});
const MEETINGS = [meeting(1, 'M-42', 42), meeting(2, 'M-50', 50)];

const tx = {
  async $queryRawUnsafe(sql: string) {
    if (sql.includes('FROM meeting m')) return MEETINGS;
    if (sql.includes('FROM admin_unit')) return UNITS;
    if (sql.includes("'AKIM_REGION'")) return AKIMS;
    return []; // central officials, issues, closed half-years
  },
} as unknown as Parameters<typeof checkAgainstDatabase>[0];

const row = (line: number, over: Partial<ImportRow>): ImportRow => ({
  line, kind: 'AKIM', regionId: 7, externalRef: `N-${line}`, heldOn: '2024-03-01', level: 'RURAL', unitId: 41, centralBodyId: null, officialId: null,
  announcedOn: null, announcementChannels: [], questionsCollected: false, briefingHeld: false, ngoMeetingHeld: false, actionPlanPrepared: false,
  problemSiteVisited: false, reception: null, venue: 'HOUSE_OF_CULTURE', attendance: null, issueNumber: 1, categoryId: 1, categoryCode: 'C',
  description: 'd', responsible: 'RURAL', status: 'RAISED', statusOn: '2024-03-01', comment: null, needKzt: null, allocatedKzt: null, ...over,
});

const unitEditor: ScopeCaller = { role: 'AKIMAT_EDITOR', regionId: 7, unitId: 40, centralBodyId: null };
const regionEditor = { ...unitEditor, unitId: null };
const ministry: ScopeCaller = { role: 'MINISTRY_EDITOR', regionId: null, unitId: null, centralBodyId: 3 };

const failures = async (caller: ScopeCaller, rows: ImportRow[]) =>
  (await checkAgainstDatabase(tx, caller, rows)).errors.map((e) => [e.row, e.field, e.key]);

describe('import scope, as the forms decide it', () => {
  it('takes a new meeting in the unit editor’s unit or one under it, and refuses others', async () => {
    expect(await failures(unitEditor, [row(1, { unitId: 41 }), row(2, { unitId: 43 }), row(3, { regionId: 8, unitId: null, level: 'REGION' })])).toEqual([
      [2, 'unit', 'outOfScope'], [3, 'region', 'outOfScope'],
    ]);
  });

  it('refuses the other kind of meeting and another body’s', async () => {
    expect(await failures(unitEditor, [row(1, { kind: 'CENTRAL', level: null, unitId: null, centralBodyId: 3, officialId: 5 })])).toEqual([[1, 'body', 'bodyOutOfScope']]);
    expect(await failures(ministry, [row(1, {}), row(2, { kind: 'CENTRAL', level: null, unitId: null, centralBodyId: 4, officialId: 5 })])).toEqual([
      [1, 'region', 'outOfScope'], [2, 'body', 'bodyOutOfScope'],
    ]);
  });

  // The import used to accept an existing meeting only in the row's own unit, so a unit editor was
  // told a meeting in a sibling unit under theirs was out of scope, which the forms let them edit.
  it('judges an existing meeting by the forms’ rule: in the unit editor’s units, whichever the row names', async () => {
    expect(await failures(unitEditor, [row(1, { externalRef: 'M-42', unitId: 41 }), row(2, { externalRef: 'M-50', unitId: 41 })])).toEqual([
      [2, 'externalRef', 'outOfScope'],
    ]);
    // The region's own akimat is told the same about the sibling-unit meeting.
    expect(await failures(regionEditor, [row(1, { externalRef: 'M-42', unitId: 41 })])).toEqual([]);
  });
});
