import { AkimLevel, AnnouncementChannel, IssueStatus, ResponsibleLevel, Venue } from '@/generated/prisma/enums';
import { AKIM_ONLY_COLUMNS, CENTRAL_ONLY_COLUMNS, IMPORT_COLUMNS, columnOfHeader, type ColumnKey } from './columns';
import { type ImportReception, type ImportRow, validateImportRow } from './row-schema';
import type { ImportErrorKey, RowErrorKey } from './error-keys';
import { MAX_ROWS } from './limits';
import { type Cell, cellText, isBlank, normalizeName, parseAmount, parseDay } from './values';

// Cells to rows, with every problem named by row, column and a message key. Pure: the
// reference data comes in as lookups, so the parser is unit-tested without a database.

export type RowError = { row: number; column: string; field: ColumnKey | '_' | 'file'; key: RowErrorKey; params?: Record<string, string | number> };

export type Lookups = {
  region: (text: string) => number | undefined;
  unit: (code: string) => number | undefined;
  category: (text: string) => { id: number; code: string } | undefined;
  /** A central body by code or name. */
  body: (text: string) => number | undefined;
  /** An active official of the body by full name, or by position when the body has one in it. */
  official: (bodyId: number, text: string) => number | 'ambiguous' | undefined;
  /** Russian (and Kazakh) labels of each code list, by normalized label. */
  labels: {
    level: Map<string, AkimLevel>; venue: Map<string, Venue>; responsible: Map<string, ResponsibleLevel>; status: Map<string, IssueStatus>;
    channel: Map<string, AnnouncementChannel>;
  };
};

/** Yes and no as people type them in ru, kk and en sheets; an empty cell is no. */
const YES = new Set(['да', 'иә', 'ия', 'yes', 'y', 'true', '1', '+', '✓', 'v', 'x', 'х']);
const NO = new Set(['нет', 'жоқ', 'no', 'n', 'false', '0', '-', '—']);

/** The meeting's columns every row of one meeting must agree on (others, such as the venue, are taken from its first row). */
const MEETING_COLUMNS = [
  ['heldOn', (r: ImportRow) => r.heldOn], ['body', (r: ImportRow) => r.centralBodyId], ['level', (r: ImportRow) => r.level],
  ['unit', (r: ImportRow) => r.unitId], ['official', (r: ImportRow) => r.officialId],
  ['announcedOn', (r: ImportRow) => r.announcedOn], ['announcementChannels', (r: ImportRow) => r.announcementChannels.join()],
  ['questionsCollected', (r: ImportRow) => r.questionsCollected], ['briefingHeld', (r: ImportRow) => r.briefingHeld],
  ['ngoMeetingHeld', (r: ImportRow) => r.ngoMeetingHeld], ['actionPlanPrepared', (r: ImportRow) => r.actionPlanPrepared],
  ['problemSiteVisited', (r: ImportRow) => r.problemSiteVisited], ['receptionOn', (r: ImportRow) => JSON.stringify(r.reception)],
] as const satisfies ReadonlyArray<readonly [ColumnKey, (r: ImportRow) => unknown]>;

/** The row with its empty meeting cells taken from the row above (see MERGEABLE_COLUMNS). */
function fillDown(row: Cell[], above: Cell[], position: Map<ColumnKey, number>): Cell[] {
  const at = (cells: Cell[], key: ColumnKey) => (position.has(key) ? cells[position.get(key)!] : undefined);
  const sameMeeting = isBlank(at(row, 'externalRef'));
  let filled: Cell[] | null = null;
  for (const key of sameMeeting ? MERGEABLE_COLUMNS : (['region'] as const)) {
    const p = position.get(key);
    if (p === undefined || !isBlank(row[p]) || isBlank(above[p])) continue;
    filled ??= [...row];
    filled[p] = above[p];
  }
  return filled ?? row;
}

/** A code (any case) or one of its labels. */
function codeOf<T extends string>(codes: Record<string, T>, labels: Map<string, T>, text: string): T | undefined {
  const upper = text.trim().toUpperCase().replace(/[\s-]+/g, '_');
  if (upper in codes) return codes[upper];
  return labels.get(normalizeName(text));
}

export type ParsedSheet = { rows: ImportRow[]; errors: RowError[]; total: number };

/** Rows parsed so far of the sheet's data rows (blank ones included), for the progress of a large file. */
export type ParseProgress = { done: number; total: number };

/** A row of the sheet with its line number (the spreadsheet's row number, a CSV's record number). */
export type SheetRow = { line: number; cells: Cell[] };

/**
 * The meeting's own columns. The streaming reader does not see merged cells: a meeting's cells
 * merged down its issues' rows arrive filled on the first row only. So an empty one repeats the
 * row above when the row continues that meeting (its meeting number is empty: merged too); the
 * region also when a new meeting starts, as it is often merged down a whole region's meetings.
 */
const MERGEABLE_COLUMNS: readonly ColumnKey[] = [
  'region', 'externalRef', 'heldOn', 'level', 'unit', 'venue', 'attendance', 'body', 'official', 'announcedOn', 'announcementChannels',
  'questionsCollected', 'briefingHeld', 'ngoMeetingHeld', 'actionPlanPrepared', 'problemSiteVisited',
  'receptionOn', 'receptionCitizens', 'receptionVoiced', 'receptionResolved', 'receptionInExecution',
];

/** The header's columns: each known column's first position and its header text, and a missing column's error. */
export function readHeader(header: Cell[], line: number) {
  const position = new Map<ColumnKey, number>();
  const headerText = new Map<ColumnKey, string>();
  header.forEach((cell, i) => {
    const h = cellText(cell);
    const key = columnOfHeader(h);
    if (key && !position.has(key)) {
      position.set(key, i);
      headerText.set(key, h);
    }
  });
  // A file with the body column may hold central meetings only; the akim's columns are then optional.
  const hasBody = position.has('body');
  const errors: RowError[] = [];
  for (const c of IMPORT_COLUMNS) {
    const needed = c.required === true || (c.required === 'akim' && !hasBody) || (c.required === 'central' && hasBody);
    if (needed && !position.has(c.key)) errors.push({ row: line, column: c.ru, field: c.key, key: 'missingColumn', params: { column: c.ru } });
  }
  return { position, headerText, errors };
}

const numbered = (rows: Cell[][] | SheetRow[]): SheetRow[] =>
  rows.map((r, i) => (Array.isArray(r) ? { line: i + 1, cells: r } : r));

export function parseSheet(cells: Cell[][] | SheetRow[], lookups: Lookups): ParsedSheet {
  const steps = parseSheetSteps(cells, lookups);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** parseSheet, pausing every `every` rows with its progress, so a caller can report it between steps. */
export function* parseSheetSteps(sheet: Cell[][] | SheetRow[], lookups: Lookups, every = 5000): Generator<ParseProgress, ParsedSheet> {
  const cells = numbered(sheet);
  const headerIndex = cells.findIndex((r) => r.cells.some((c) => !isBlank(c)));
  if (headerIndex < 0) return { rows: [], errors: [{ row: 1, column: '', field: '_', key: 'noRows' }], total: 0 };
  const { position, headerText, errors } = readHeader(cells[headerIndex]!.cells, cells[headerIndex]!.line);
  if (errors.length > 0) return { rows: [], errors, total: 0 };

  const columnName = (key: ColumnKey) => headerText.get(key) ?? IMPORT_COLUMNS.find((c) => c.key === key)!.ru;
  const rows: ImportRow[] = [];
  let total = 0;
  const seenIssue = new Map<string, number>();
  const meetingOf = new Map<string, ImportRow>();

  const dataRows = cells.length - headerIndex - 1;
  let above: Cell[] | null = null;
  for (let i = headerIndex + 1; i < cells.length; i += 1) {
    if ((i - headerIndex - 1) % every === 0) yield { done: i - headerIndex - 1, total: dataRows };
    const { line, cells: given } = cells[i]!;
    if (given.every((c) => isBlank(c))) continue;
    const raw: Cell[] = above ? fillDown(given, above, position) : given;
    above = raw;
    total += 1;
    if (total > MAX_ROWS) {
      errors.push({ row: line, column: '', field: '_', key: 'tooManyRows', params: { max: MAX_ROWS } });
      break;
    }
    const rowErrors: RowError[] = [];
    const fail = (field: ColumnKey, key: RowErrorKey, params?: Record<string, string | number>) => {
      if (!rowErrors.some((e) => e.field === field)) rowErrors.push({ row: line, column: columnName(field), field, key, params });
    };
    const cell = (key: ColumnKey): Cell => (position.has(key) ? raw[position.get(key)!] : undefined);
    const text = (key: ColumnKey) => cellText(cell(key));
    const requiredText = (key: ColumnKey) => {
      const t = text(key);
      if (!t) fail(key, 'required');
      return t;
    };
    const lookup = <T>(key: ColumnKey, find: (t: string) => T | undefined, unknown: ImportErrorKey): T | undefined => {
      const t = requiredText(key);
      if (!t) return undefined;
      const found = find(t);
      if (found === undefined) fail(key, unknown, { value: t });
      return found;
    };
    const day = (key: ColumnKey) => {
      const d = parseDay(cell(key));
      if (d === null) fail(key, 'badDate', { value: text(key) });
      return d ?? undefined;
    };
    const money = (key: ColumnKey) => {
      const n = parseAmount(cell(key));
      if (n === null) fail(key, 'badAmount', { value: text(key) });
      return n ?? null;
    };

    const flag = (key: ColumnKey) => {
      const t = normalizeName(text(key));
      if (t === '' || NO.has(t)) return false;
      if (YES.has(t)) return true;
      fail(key, 'badFlag', { value: text(key) });
      return false;
    };
    const count = (key: ColumnKey) => {
      const n = parseAmount(cell(key));
      if (n === null) fail(key, 'badCount', { value: text(key) });
      return n ?? undefined;
    };

    const regionId = lookup('region', lookups.region, 'unknownRegion');
    const externalRef = requiredText('externalRef');
    const heldOn = day('heldOn');
    if (heldOn === undefined && !rowErrors.some((e) => e.field === 'heldOn')) fail('heldOn', 'required');
    // A body's code makes the row a central official's meeting.
    const bodyText = text('body');
    const kind = bodyText ? 'CENTRAL' : 'AKIM';
    const centralBodyId = bodyText ? lookups.body(bodyText) : null;
    if (bodyText && centralBodyId === undefined) fail('body', 'unknownBody', { value: bodyText });
    for (const key of kind === 'AKIM' ? CENTRAL_ONLY_COLUMNS : AKIM_ONLY_COLUMNS) {
      if (text(key)) fail(key, kind === 'AKIM' ? 'centralOnly' : 'akimOnly');
    }
    let level: AkimLevel | null | undefined = null;
    let unitId: number | null | undefined = null;
    let officialId: number | null = null;
    if (kind === 'AKIM') {
      level = lookup('level', (t) => codeOf(AkimLevel, lookups.labels.level, t), 'unknownCode');
      const unitText = text('unit');
      unitId = unitText ? lookups.unit(unitText) : null;
      if (unitText && unitId === undefined) fail('unit', 'unknownUnit', { value: unitText });
    } else if (centralBodyId !== undefined && centralBodyId !== null) {
      const officialText = requiredText('official');
      const found = officialText ? lookups.official(centralBodyId, officialText) : undefined;
      if (officialText && found === undefined) fail('official', 'unknownOfficial', { value: officialText });
      else if (found === 'ambiguous') fail('official', 'ambiguousOfficial', { value: officialText });
      else if (found !== undefined) officialId = found;
    }
    const venue = lookup('venue', (t) => codeOf(Venue, lookups.labels.venue, t), 'unknownCode');
    const attendanceRaw = parseAmount(cell('attendance'));
    if (attendanceRaw === null) fail('attendance', 'badCount', { value: text('attendance') });
    const numberRaw = parseAmount(cell('issueNumber'));
    if (numberRaw === undefined) fail('issueNumber', 'required');
    else if (numberRaw === null || numberRaw < 1 || numberRaw > 100_000) fail('issueNumber', 'badCount', { value: text('issueNumber') });
    const category = lookup('category', lookups.category, 'unknownCategory');
    const description = requiredText('description');
    const responsible = lookup('responsible', (t) => codeOf(ResponsibleLevel, lookups.labels.responsible, t), 'unknownCode');
    const status = lookup('status', (t) => codeOf(IssueStatus, lookups.labels.status, t), 'unknownCode');
    const statusOn = day('statusOn');
    const comment = text('comment') || null;
    const needKzt = money('needKzt');
    const allocatedKzt = money('allocatedKzt');
    const announcedOn = day('announcedOn');
    const announcementChannels: AnnouncementChannel[] = [];
    for (const part of text('announcementChannels').split(/[,;\n]+/).map((p) => p.trim()).filter(Boolean)) {
      const code = codeOf(AnnouncementChannel, lookups.labels.channel, part);
      if (code === undefined) fail('announcementChannels', 'unknownCode', { value: part });
      else if (!announcementChannels.includes(code)) announcementChannels.push(code);
    }
    const checklist = {
      questionsCollected: flag('questionsCollected'), briefingHeld: flag('briefingHeld'), ngoMeetingHeld: flag('ngoMeetingHeld'),
      actionPlanPrepared: flag('actionPlanPrepared'), problemSiteVisited: flag('problemSiteVisited'),
    };
    // One personal reception per imported meeting, when any of its columns is filled; its date defaults to the meeting's.
    const receptionKeys = ['receptionOn', 'receptionCitizens', 'receptionVoiced', 'receptionResolved', 'receptionInExecution'] as const;
    let reception: ImportReception | null = null;
    if (kind === 'CENTRAL' && receptionKeys.some((k) => text(k))) {
      const on = day('receptionOn');
      const counts = { citizensReceived: count('receptionCitizens'), issuesVoiced: count('receptionVoiced'), issuesResolved: count('receptionResolved'), issuesInExecution: count('receptionInExecution') };
      reception = { heldOn: on ?? heldOn!, ...(counts as Omit<ImportReception, 'heldOn'>) };
    }

    if (rowErrors.length === 0) {
      const row: ImportRow = {
        line, kind, regionId: regionId!, externalRef, heldOn: heldOn!, level: level ?? null, unitId: unitId ?? null,
        centralBodyId: centralBodyId ?? null, officialId, announcedOn: announcedOn ?? null, announcementChannels, ...checklist, reception,
        venue: venue!, attendance: attendanceRaw ?? null, issueNumber: numberRaw!, categoryId: category!.id, categoryCode: category!.code,
        description, responsible: responsible!, status: status!, statusOn: statusOn ?? heldOn!, comment, needKzt, allocatedKzt,
      };
      for (const issue of validateImportRow(row)) fail(issue.field, issue.key);
      if (rowErrors.length === 0) {
        const meetingKey = `${row.regionId}\u0000${row.externalRef}`;
        const issueKey = `${meetingKey}\u0000${row.issueNumber}`;
        const firstLine = seenIssue.get(issueKey);
        if (firstLine !== undefined) fail('issueNumber', 'duplicateRow', { line: firstLine });
        const meeting = meetingOf.get(meetingKey);
        const differs = meeting ? MEETING_COLUMNS.find(([, value]) => value(meeting) !== value(row)) : undefined;
        if (meeting && differs) fail(differs[0], 'meetingMismatch', { line: meeting.line });
        if (rowErrors.length === 0) {
          seenIssue.set(issueKey, line);
          if (!meeting) meetingOf.set(meetingKey, row);
          rows.push(row);
        }
      }
    }
    errors.push(...rowErrors);
  }
  if (total === 0) errors.push({ row: cells[headerIndex]!.line, column: '', field: '_', key: 'noRows' });
  return { rows, errors, total };
}
