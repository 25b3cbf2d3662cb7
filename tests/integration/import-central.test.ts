// Central officials' meetings through the import: a ministry editor imports its own body's
// meetings with the decree checklist and a personal reception, under the same keys and
// guarantees as akim meetings — a preview naming each bad cell, nothing written until the
// commit, a repeat that changes nothing, and scope (another body's rows, or an akimat's
// central rows, are refused).
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS, type ColumnKey } from '@/features/import/columns';
import { createAkim, createCategory, createCentralBody, createMinister, createRegion } from '../factories/reference';
import { createToken, createUser } from '../factories/users';
import { openAppDatabase, type AppDatabase } from '../support/database';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type CheckBody = { id: string; rows: number; ready: number; errors: Array<{ row: number; column: string; field: string; message: string }>; alreadyImportedAt: string | null };

let database: AppDatabase;
let pool: pg.Pool;
let checkRoute: Handler;
let commitRoute: Handler;
let category: string;
let kato: string;
let regionId: number;
let body: { id: number; code: string; minister: string };
let otherBody: { id: number; code: string };
let ministryAuth: Record<string, string>;
let akimatAuth: Record<string, string>;
let adminAuth: Record<string, string>;

/** One row as a ministry writes it: only the columns given, by key; the rest empty. */
const line = (values: Partial<Record<ColumnKey, string>>) => IMPORT_COLUMNS.map((c) => values[c.key] ?? '');
const csv = (rows: Array<Partial<Record<ColumnKey, string>>>) =>
  Buffer.from(`\ufeff${[IMPORT_COLUMNS.map((c) => c.ru), ...rows.map(line)].map((r) => r.join(';')).join('\r\n')}`, 'utf8');

const centralRow = (values: Partial<Record<ColumnKey, string>> = {}): Partial<Record<ColumnKey, string>> => ({
  region: kato, externalRef: 'M-1', heldOn: '12.03.2024', venue: 'CCS_PLATFORM', attendance: '150', issueNumber: '1',
  category, description: 'Школа в селе', responsible: 'CENTRAL', status: 'RAISED', body: body.code, official: 'Министр',
  announcedOn: '01.03.2024', announcementChannels: 'Сайт госоргана, LOCAL_MEDIA', questionsCollected: 'да', briefingHeld: 'да',
  ngoMeetingHeld: 'нет', actionPlanPrepared: 'да', problemSiteVisited: '',
  receptionOn: '13.03.2024', receptionCitizens: '14', receptionVoiced: '9', receptionResolved: '4', receptionInExecution: '3',
  ...values,
});

async function check(file: Uint8Array, auth: Record<string, string>) {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(file)]), 'министерство.csv');
  const response = await checkRoute(new Request('http://localhost/api/v1/imports', { method: 'POST', body: form, headers: auth }), { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as CheckBody };
}

async function commit(id: string, auth: Record<string, string>) {
  const response = await commitRoute(new Request(`http://localhost/api/v1/imports/${id}/commit`, { method: 'POST', headers: auth }), { params: Promise.resolve({ id }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const counts = async () => (await pool.query(
  `SELECT (SELECT count(*) FROM meeting)::int AS meetings, (SELECT count(*) FROM raised_issue)::int AS issues,
          (SELECT count(*) FROM issue_status_change)::int AS history, (SELECT count(*) FROM personal_reception)::int AS receptions,
          (SELECT count(*) FROM budget_allocation)::int AS money`)).rows[0];

/** Every central meeting of the region with what the import decides about it. */
const snapshot = async () => (await pool.query(
  `SELECT m.external_ref, m.kind, m.central_body_id, m.official_id, m.akim_level, m.unit_id, m.held_on::text, m.announced_on::text,
     m.announcement_channels::text[] AS channels, m.questions_collected, m.briefing_held, m.ngo_meeting_held, m.action_plan_prepared,
     m.problem_site_visited,
     (SELECT json_agg(json_build_array(p.held_on::text, p.citizens_received, p.issues_voiced, p.issues_resolved, p.issues_in_execution)) FROM personal_reception p WHERE p.meeting_id = m.id) AS receptions,
     (SELECT json_agg(json_build_array(i.number_in_meeting, i.meeting_kind, i.status) ORDER BY i.number_in_meeting) FROM raised_issue i WHERE i.meeting_id = m.id) AS issues
   FROM meeting m WHERE m.region_id = $1 AND m.kind = 'CENTRAL' ORDER BY m.external_ref`, [regionId])).rows;

beforeAll(async () => {
  database = await openAppDatabase();
  pool = database.pool;
  category = (await pool.query<{ code: string }>('SELECT code FROM issue_category WHERE id = $1', [await createCategory(pool)])).rows[0]!.code;
  regionId = await createRegion(pool);
  await createAkim(pool, regionId);
  kato = (await pool.query<{ kato: string }>('SELECT kato FROM region WHERE id = $1', [regionId])).rows[0]!.kato;
  const bodyId = await createCentralBody(pool);
  const ministerId = await createMinister(pool, bodyId);
  // Two vice-ministers: the position alone does not say which.
  await pool.query(`INSERT INTO official (full_name, position, central_body_id) VALUES ('Вице Один', 'VICE_MINISTER', $1), ('Вице Два', 'VICE_MINISTER', $1)`, [bodyId]);
  const codeOf = async (id: number) => (await pool.query<{ code: string }>('SELECT code FROM central_body WHERE id = $1', [id])).rows[0]!.code;
  body = { id: bodyId, code: await codeOf(bodyId), minister: String(ministerId) };
  const otherId = await createCentralBody(pool);
  await createMinister(pool, otherId);
  otherBody = { id: otherId, code: await codeOf(otherId) };
  ministryAuth = (await createToken(pool, (await createUser(pool, { role: 'MINISTRY_EDITOR', centralBodyId: bodyId })).id)).headers;
  akimatAuth = (await createToken(pool, (await createUser(pool, { role: 'AKIMAT_EDITOR', regionId })).id)).headers;
  adminAuth = (await createToken(pool, (await createUser(pool, { role: 'ADMIN' })).id)).headers;
  checkRoute = (await import('@/app/api/v1/imports/route')).POST as Handler;
  commitRoute = (await import('@/app/api/v1/imports/[id]/commit/route')).POST as Handler;
});

afterAll(() => database?.close());

describe('central officials’ meetings', () => {
  it('a ministry editor imports its body’s meetings with the checklist and a reception; the same file again changes nothing', async () => {
    const rows = [
      centralRow(),
      centralRow({ issueNumber: '2', description: 'Дорога к школе', status: 'На исполнении', statusOn: '20.03.2024', needKzt: '2 000 000' }),
      centralRow({
        externalRef: 'M-2', heldOn: '05.04.2024', official: 'Вице Один', announcedOn: '', announcementChannels: '', questionsCollected: '',
        briefingHeld: '', actionPlanPrepared: '', receptionOn: '', receptionCitizens: '', receptionVoiced: '', receptionResolved: '', receptionInExecution: '',
      }),
    ];
    const checked = await check(csv(rows), ministryAuth);
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ rows: 3, ready: 3, errors: [], alreadyImportedAt: null });
    expect(await snapshot()).toEqual([]); // the check writes nothing
    const done = await commit(checked.body.id, ministryAuth);
    expect(done).toMatchObject({ status: 200, body: { meetings: 2, issues: 3, statuses: 1, money: 1, receptions: 1 } });
    const minister = Number(body.minister);
    const vice = (await pool.query<{ id: number }>(`SELECT id FROM official WHERE full_name = 'Вице Один'`)).rows[0]!.id;
    const after = await snapshot();
    expect(after).toEqual([
      {
        external_ref: 'M-1', kind: 'CENTRAL', central_body_id: body.id, official_id: minister, akim_level: null, unit_id: null, held_on: '2024-03-12',
        announced_on: '2024-03-01', channels: ['BODY_WEBSITE', 'LOCAL_MEDIA'], questions_collected: true, briefing_held: true, ngo_meeting_held: false,
        action_plan_prepared: true, problem_site_visited: false, receptions: [['2024-03-13', 14, 9, 4, 3]],
        issues: [[1, 'CENTRAL', 'RAISED'], [2, 'CENTRAL', 'IN_EXECUTION']],
      },
      {
        external_ref: 'M-2', kind: 'CENTRAL', central_body_id: body.id, official_id: vice, akim_level: null, unit_id: null, held_on: '2024-04-05',
        announced_on: null, channels: [], questions_collected: false, briefing_held: false, ngo_meeting_held: false,
        action_plan_prepared: false, problem_site_visited: false, receptions: null, issues: [[1, 'CENTRAL', 'RAISED']],
      },
    ]);
    // The central statistics see them: the body's meetings by month.
    const cube = await pool.query(`SELECT coalesce(sum(n), 0)::int AS n FROM stat_meeting_cube WHERE kind = 'CENTRAL' AND grain = 0`);
    expect(cube.rows[0].n).toBe(2);

    const before = await counts();
    const again = await check(csv(rows), ministryAuth);
    expect(again.body.alreadyImportedAt).not.toBeNull();
    expect((await commit(again.body.id, ministryAuth)).body).toMatchObject({ meetings: 0, issues: 0, statuses: 0, money: 0, receptions: 0 });
    expect(await counts()).toEqual(before);
    expect(await snapshot()).toEqual(after);

    // A later file moves a central issue on by its keys, as for akim meetings.
    const update = await check(csv([centralRow({ status: 'Решён', statusOn: '01.04.2024' })]), ministryAuth);
    expect(update.body.errors).toEqual([]);
    expect((await commit(update.body.id, ministryAuth)).body).toMatchObject({ meetings: 0, issues: 0, statuses: 1, receptions: 0 });
    expect((await snapshot())[0].issues[0]).toEqual([1, 'CENTRAL', 'RESOLVED']);
  });

  it('refuses bad central cells by row and column, and commits nothing', async () => {
    const before = await counts();
    const checked = await check(csv([
      centralRow({ externalRef: 'B-1', body: 'NO_SUCH_BODY' }),
      centralRow({ externalRef: 'B-2', official: 'Вице-министр' }),
      centralRow({ externalRef: 'B-3', receptionVoiced: '2', receptionResolved: '2', receptionInExecution: '1' }),
      centralRow({ externalRef: 'B-4', briefingHeld: 'наверное', level: 'REGION' }),
      centralRow({ externalRef: 'B-5', official: 'Пётр Неизвестный' }),
    ]), ministryAuth);
    expect(checked.status).toBe(200);
    expect(checked.body.ready).toBe(0);
    expect(checked.body.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Код госоргана'], [3, 'Должностное лицо'], [4, 'Из них решено'], [5, 'Уровень акима'], [5, 'Проведён брифинг'], [6, 'Должностное лицо'],
    ]);
    expect(checked.body.errors[0]!.message).toBe('Госорган «NO_SUCH_BODY» не найден: укажите его код из шаблона.');
    expect(checked.body.errors[1]!.message).toBe('В госоргане несколько руководителей с должностью «Вице-министр»: укажите ФИО.');
    expect(checked.body.errors[4]!.message).toBe('Значение «наверное» не понятно: укажите «да» или «нет».');
    expect((await commit(checked.body.id, ministryAuth)).status).toBe(422);
    expect(await counts()).toEqual(before);
  });

  it('keeps each editor to its scope: another body’s meetings, an akimat’s central rows, a ministry’s akim rows', async () => {
    const before = await counts();
    const others = await check(csv([centralRow({ externalRef: 'S-1', body: otherBody.code })]), ministryAuth);
    expect(others.body.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, 'Код госоргана', 'Встречи этого госоргана вне ваших полномочий: вы загружаете встречи только своего госоргана.'],
    ]);
    const akimat = await check(csv([centralRow({ externalRef: 'S-2' })]), akimatAuth);
    expect(akimat.body.errors.map((e) => [e.row, e.column])).toEqual([[2, 'Код госоргана']]);
    const akimRow = { region: kato, externalRef: 'S-3', heldOn: '12.03.2024', level: 'REGION', venue: 'ONLINE', issueNumber: '1', category, description: 'x', responsible: 'REGION', status: 'RAISED' };
    const ministryAkim = await check(csv([akimRow]), ministryAuth);
    expect(ministryAkim.body.errors.map((e) => [e.row, e.column])).toEqual([[2, 'Регион']]);
    // An akim meeting's number cannot be reused for a central one, not even by an admin; and
    // the akimat cannot touch the ministry's meeting under its number.
    const akimDone = await check(csv([akimRow]), akimatAuth);
    expect(akimDone.body.errors).toEqual([]);
    await commit(akimDone.body.id, akimatAuth);
    const clash = await check(csv([centralRow({ externalRef: 'S-3' })]), adminAuth);
    expect(clash.body.errors.map((e) => [e.row, e.column])).toEqual([[2, 'Номер встречи']]);
    const akimOnCentral = await check(csv([{ ...akimRow, externalRef: 'M-1' }]), akimatAuth);
    expect(akimOnCentral.body.errors.map((e) => [e.row, e.column, e.message])).toEqual([[2, 'Номер встречи', 'Этот регион или район вне ваших полномочий.']]);
    const after = await counts();
    expect(after).toEqual({ ...before, meetings: before.meetings + 1, issues: before.issues + 1, history: before.history + 1 });
  });

  it('an admin imports any body’s meetings', async () => {
    const checked = await check(csv([centralRow({ externalRef: 'A-1', body: otherBody.code })]), adminAuth);
    expect(checked.body.errors).toEqual([]);
    expect((await commit(checked.body.id, adminAuth)).body).toMatchObject({ meetings: 1, issues: 1, receptions: 1 });
    const { rows } = await pool.query(`SELECT central_body_id FROM meeting WHERE external_ref = 'A-1'`);
    expect(rows).toEqual([{ central_body_id: otherBody.id }]);
  });

  it('the template carries the central columns and lists the bodies and their officials', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const { templateXlsx, templateCsv } = await import('@/features/import/template');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await templateXlsx()) as unknown as ArrayBuffer);
    const header = (workbook.worksheets[0]!.getRow(1).values as string[]).slice(1);
    expect(header).toEqual(IMPORT_COLUMNS.map((c) => c.ru));
    const lists = workbook.worksheets[1]!.getSheetValues().slice(2).map((r) => (r as string[]).slice(1, 4));
    expect(lists).toContainEqual(['Код госоргана', body.code, expect.any(String)]);
    expect(lists).toContainEqual(['Должностное лицо', body.code, 'Вице Один — Вице-министр']);
    expect(templateCsv().toString('utf8')).toContain(';Код госоргана;Должностное лицо;');
  });
});

