import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { checkStatusChange } from '@/server/records/issues/schemas';
import type { IssueStatus } from '@/server/records/issues/rules';
import type { ScopeCaller } from '@/server/access/scope';
import { meetingOutOfScope } from '@/server/access/scopes/meeting';
import { type RowErrorKey, schemaMessage } from './error-keys';
import type { RowError } from './parse-rows';
import type { ImportRow } from './row-schema';
import { IMPORT_COLUMNS, type ColumnKey } from './columns';
import { pause } from './limits';
import { halfYearCodeOf } from '@/lib/calendar';

// The checks that need the database: scope, units and their akims, central officials, and for rows whose keys
// already exist, whether the status change and the amounts are allowed. Run at the check and
// again inside the commit's transaction, so a change made in between is caught.

type Tx = Pick<Prisma.TransactionClient, '$queryRawUnsafe'>;

/** A checked row with what the commit needs: the akim or central official who held a new meeting. */
export type CheckedRow = ImportRow & { officialId: number };

const header = (key: ColumnKey) => IMPORT_COLUMNS.find((c) => c.key === key)!.ru;

const KIND_OF_LEVEL: Record<string, string[]> = { DISTRICT: ['DISTRICT', 'CITY'], RURAL: ['RURAL_DISTRICT'] };

export async function checkAgainstDatabase(tx: Tx, caller: ScopeCaller, rows: ImportRow[]): Promise<{ rows: CheckedRow[]; errors: RowError[]; touched: string[] }> {
  const errors: RowError[] = [];
  if (rows.length === 0) return { rows: [], errors, touched: [] };
  const regionIds = [...new Set(rows.map((r) => r.regionId))];
  const unitIds = [...new Set(rows.flatMap((r) => (r.unitId ? [r.unitId] : [])))];
  const officialIds = [...new Set(rows.flatMap((r) => (r.kind === 'CENTRAL' && r.officialId ? [r.officialId] : [])))];

  // One query after another: a transaction holds one connection, on which pg is retiring overlapping queries.
  const units = await tx.$queryRawUnsafe<Array<{ id: number; region_id: number; parent_id: number | null; kind: string }>>(
    `SELECT id, region_id, parent_id, kind::text FROM admin_unit WHERE id = ANY($1::int[])`, unitIds);
  const akims = await tx.$queryRawUnsafe<Array<{ id: number; region_id: number | null; unit_id: number | null; position: string }>>(
    `SELECT DISTINCT ON (coalesce(unit_id, 0), region_id) id, region_id, unit_id, position::text FROM official
     WHERE active AND position IN ('AKIM_REGION', 'AKIM_DISTRICT', 'AKIM_RURAL') AND (region_id = ANY($1::int[]) OR unit_id = ANY($2::int[]))
     ORDER BY coalesce(unit_id, 0), region_id, id`, regionIds, unitIds);
  const meetings = await tx.$queryRawUnsafe<Array<{
    id: number; region_id: number; external_ref: string; kind: 'AKIM' | 'CENTRAL'; unit_id: number | null; unit_parent_id: number | null; central_body_id: number | null; deleted: boolean;
  }>>(
    `SELECT m.id, m.region_id, m.external_ref, m.kind::text, m.unit_id, u.parent_id AS unit_parent_id, m.central_body_id, m.deleted_at IS NOT NULL AS deleted
     FROM meeting m LEFT JOIN admin_unit u ON u.id = m.unit_id JOIN unnest($1::int[], $2::text[]) AS k(region_id, external_ref) ON m.region_id = k.region_id AND m.external_ref = k.external_ref`,
    rows.map((r) => r.regionId), rows.map((r) => r.externalRef));
  // The central officials named, as they are now: the commit re-checks that each is still active in its body.
  const centralOfficials = officialIds.length === 0 ? [] : await tx.$queryRawUnsafe<Array<{ id: number; central_body_id: number }>>(
    `SELECT id, central_body_id FROM official WHERE id = ANY($1::int[]) AND active AND central_body_id IS NOT NULL
       AND position IN ('MINISTER', 'VICE_MINISTER', 'COMMITTEE_CHAIR')`, officialIds);
  const centralOfficialBody = new Map(centralOfficials.map((o) => [o.id, o.central_body_id]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  const regionAkim = new Map<number, number>();
  const unitAkim = new Map<number, number>();
  for (const a of akims) {
    if (a.unit_id !== null) unitAkim.set(a.unit_id, a.id);
    else if (a.position === 'AKIM_REGION' && a.region_id !== null) regionAkim.set(a.region_id, a.id);
  }
  const meetingByKey = new Map(meetings.map((m) => [`${m.region_id}\u0000${m.external_ref}`, m]));
  const meetingIds = meetings.map((m) => m.id);
  const issues = meetingIds.length === 0 ? [] : await tx.$queryRawUnsafe<
    Array<{ id: number; meeting_id: number; number_in_meeting: number; status: IssueStatus; raised_on: string; last_on: string; need: string; allocated: string; deleted: boolean }>
  >(
    `SELECT i.id, i.meeting_id, i.number_in_meeting, i.status::text AS status, i.raised_on::text, i.deleted_at IS NOT NULL AS deleted,
       (SELECT max(effective_on)::text FROM issue_status_change h WHERE h.issue_id = i.id) AS last_on,
       (SELECT coalesce(sum(amount_kzt), 0)::text FROM budget_allocation b WHERE b.issue_id = i.id AND b.source = 'LOCAL' AND b.kind = 'NEED') AS need,
       (SELECT coalesce(sum(amount_kzt), 0)::text FROM budget_allocation b WHERE b.issue_id = i.id AND b.source = 'LOCAL' AND b.kind = 'ALLOCATED') AS allocated
     FROM raised_issue i WHERE i.meeting_id = ANY($1::int[])`, meetingIds);
  // Half-years closed by an issued briefing: nothing dated in them may change (see features/periods).
  const closed = new Set((await tx.$queryRawUnsafe<Array<{ code: string }>>(
    `SELECT year || '-H' || half AS code FROM closed_period WHERE reopened_at IS NULL`)).map((r) => r.code));
  const issueByKey = new Map(issues.map((i) => [`${i.meeting_id}\u0000${i.number_in_meeting}`, i]));

  const out: CheckedRow[] = [];
  /** Dates the commit will write records in: their half-years must be open. */
  const touched = new Set<string>();
  for (const row of rows) {
    await pause(); // a chunk of rows is seconds of work: other requests are answered between slices
    const fail = (field: ColumnKey, key: RowErrorKey, params?: Record<string, string | number>) => {
      errors.push({ row: row.line, column: header(field), field, key, params });
    };
    const before = errors.length;
    const unit = row.unitId ? unitById.get(row.unitId) : undefined;
    const kind = row.kind ?? 'AKIM'; // batches checked before central meetings were importable have no kind
    // The meeting the row would make, judged by the forms' scope: a ministry editor imports its own
    // body's meetings, an akimat editor its akims' (a unit editor's: its unit's and those under it).
    const outside = meetingOutOfScope(caller, {
      kind, regionId: row.regionId, unitId: unit?.id ?? null, unitParentId: unit?.parent_id ?? null, centralBodyId: kind === 'CENTRAL' ? row.centralBodyId : null,
    });
    if (outside === 'body') fail('body', 'bodyOutOfScope');
    else if (outside) fail(outside, 'outOfScope');
    if (errors.length === before && unit) {
      if (unit.region_id !== row.regionId) fail('unit', 'unitOutsideRegion');
      else if (row.level === 'REGION' || !KIND_OF_LEVEL[row.level ?? '']?.includes(unit.kind)) fail('level', 'unitLevelMismatch');
    }
    const officialId = kind === 'CENTRAL'
      ? (row.officialId !== null && centralOfficialBody.get(row.officialId) === row.centralBodyId ? row.officialId : undefined)
      : row.unitId ? unitAkim.get(row.unitId) : regionAkim.get(row.regionId);
    const meeting = meetingByKey.get(`${row.regionId}\u0000${row.externalRef}`);
    if (errors.length === before && meeting) {
      const visible = meetingOutOfScope(caller, {
        kind: meeting.kind, regionId: meeting.region_id, unitId: meeting.unit_id, unitParentId: meeting.unit_parent_id, centralBodyId: meeting.central_body_id,
      }) === null;
      if (meeting.deleted) fail('externalRef', 'meetingDeleted');
      else if (!visible) fail('externalRef', 'outOfScope');
      // The number names another kind of meeting, or another body's: the key is taken.
      else if (meeting.kind !== kind || (kind === 'CENTRAL' && meeting.central_body_id !== row.centralBodyId)) fail('externalRef', 'otherMeeting');
    } else if (errors.length === before && officialId === undefined) {
      if (kind === 'CENTRAL') fail('official', 'unknownOfficial');
      else fail(row.unitId ? 'unit' : 'region', 'noAkim');
    }
    const issue = meeting ? issueByKey.get(`${meeting.id}\u0000${row.issueNumber}`) : undefined;
    if (errors.length === before && issue) {
      if (issue.deleted) fail('issueNumber', 'meetingDeleted');
      else {
        if (issue.status !== row.status) {
          // The status form's rules, from the issue's status and history as they are now.
          const step = checkStatusChange({ status: issue.status, raisedOn: issue.raised_on, lastEffectiveOn: issue.last_on }, { toStatus: row.status, effectiveOn: row.statusOn, comment: row.comment });
          if (step.toStatus) fail('status', 'notAllowed', { from: issue.status, to: row.status });
          else if (step.comment) fail('comment', schemaMessage(step.comment));
          else if (step.effectiveOn) fail('statusOn', 'statusBeforeHistory', { date: issue.last_on });
          else if (closed.has(halfYearCodeOf(row.statusOn))) fail('statusOn', 'entry.validation.periodClosed');
          touched.add(row.statusOn);
        }
        for (const [field, recorded] of [['needKzt', issue.need], ['allocatedKzt', issue.allocated]] as const) {
          const total = row[field];
          if (total === null || total === Number(recorded)) continue;
          if (total < Number(recorded)) fail(field, 'amountLowered', { recorded });
          else if (closed.has(halfYearCodeOf(row.statusOn))) fail('statusOn', 'entry.validation.periodClosed');
          touched.add(row.statusOn);
        }
      }
    }
    if (errors.length === before && !issue) {
      if (closed.has(halfYearCodeOf(row.heldOn))) fail('heldOn', 'entry.validation.periodClosed');
      else if (!meeting && row.reception && closed.has(halfYearCodeOf(row.reception.heldOn))) fail('receptionOn', 'entry.validation.periodClosed');
      touched.add(row.heldOn).add(row.statusOn);
      if (!meeting && row.reception) touched.add(row.reception.heldOn);
    }
    if (errors.length === before) out.push({ ...row, officialId: officialId ?? 0 });
  }
  return { rows: out, errors, touched: [...touched] };
}
