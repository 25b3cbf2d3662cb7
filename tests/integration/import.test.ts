// The import end to end on a database of its own: the API's check and commit, refusals that
// name the row and column and change nothing, scope, bulk status updates, and the properties
// that importing twice equals importing once and that the order of rows does not matter.
import fc from 'fast-check';
import iconv from 'iconv-lite';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS } from '@/features/import/columns';
import { createAkim, createCategory, createRegion } from '../factories/reference';
import { callerFor, createToken, createUser, type TestUser } from '../factories/users';
import { openAppDatabase, type AppDatabase } from '../support/database';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

let database: AppDatabase;
let pool: pg.Pool;
let checkRoute: Handler;
let commitRoute: Handler;
let categoryCode: string;
let editor: TestUser;
let editorAuth: Record<string, string>;
let regionKato: string;

const HEADER = IMPORT_COLUMNS.map((c) => c.ru);

type Row = { kato: string; ref: string; heldOn: string; n: number; status: string; statusOn?: string; need?: number; allocated?: number; comment?: string };

const ru = (iso: string) => iso.split('-').reverse().join('.');
const spaced = (n: number) => n.toLocaleString('ru-RU'); // "1 500 000" with no-break spaces
const cells = (r: Row) => [
  r.kato, r.ref, ru(r.heldOn), 'Областной уровень', '', 'Дом культуры', '100', String(r.n), categoryCode,
  `Вопрос ${r.ref}/${r.n}`, 'REGION', r.status, r.statusOn ? ru(r.statusOn) : '', r.comment ?? '',
  r.need === undefined ? '' : spaced(r.need), r.allocated === undefined ? '' : `${spaced(r.allocated)},00`,
];
/** A CSV as Excel saves it on a Russian Windows: Windows-1251, ";" between columns. */
const excelCsv = (rows: Row[]) => iconv.encode([HEADER, ...rows.map(cells)].map((r) => r.join(';')).join('\r\n'), 'win1251');

async function check(file: Uint8Array, auth: Record<string, string>, name = 'встречи.csv') {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(file)]), name);
  const response = await checkRoute(new Request('http://localhost/api/v1/imports', { method: 'POST', body: form, headers: auth }), { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as { id: string; rows: number; ready: number; errors: Array<{ row: number; column: string; message: string }>; alreadyImportedAt: string | null } };
}

async function commit(id: string, auth: Record<string, string>) {
  const response = await commitRoute(new Request(`http://localhost/api/v1/imports/${id}/commit`, { method: 'POST', headers: auth }), { params: Promise.resolve({ id }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Everything the import decides for a region, keyed by meeting number and issue number. */
async function snapshot(kato: string) {
  const { rows } = await pool.query(
    `SELECT m.external_ref, m.held_on::text, i.number_in_meeting, i.status, i.resolved_on::text, i.description,
       (SELECT json_agg(json_build_array(h.to_status, h.effective_on::text, h.comment) ORDER BY h.id) FROM issue_status_change h WHERE h.issue_id = i.id) AS history,
       (SELECT json_agg(json_build_array(b.kind, b.amount_kzt::text, b.effective_on::text) ORDER BY b.kind, b.id) FROM budget_allocation b WHERE b.issue_id = i.id) AS money
     FROM meeting m JOIN region r ON r.id = m.region_id LEFT JOIN raised_issue i ON i.meeting_id = m.id
     WHERE r.kato = $1 ORDER BY m.external_ref, i.number_in_meeting`, [kato]);
  return rows;
}

const counts = async () => (await pool.query(
  `SELECT (SELECT count(*) FROM meeting)::int AS meetings, (SELECT count(*) FROM raised_issue)::int AS issues,
          (SELECT count(*) FROM issue_status_change)::int AS history, (SELECT count(*) FROM budget_allocation)::int AS money`)).rows[0];

async function newRegion() {
  const regionId = await createRegion(pool);
  await createAkim(pool, regionId);
  const { rows } = await pool.query<{ kato: string }>('SELECT kato FROM region WHERE id = $1', [regionId]);
  return { regionId, kato: rows[0]!.kato };
}

beforeAll(async () => {
  database = await openAppDatabase();
  pool = database.pool;
  const categoryId = await createCategory(pool);
  categoryCode = (await pool.query<{ code: string }>('SELECT code FROM issue_category WHERE id = $1', [categoryId])).rows[0]!.code;
  const region = await newRegion();
  regionKato = region.kato;
  editor = await createUser(pool, { role: 'AKIMAT_EDITOR', regionId: region.regionId });
  editorAuth = (await createToken(pool, editor.id)).headers;
  checkRoute = (await import('@/app/api/v1/imports/route')).POST as Handler;
  commitRoute = (await import('@/app/api/v1/imports/[id]/commit/route')).POST as Handler;
});

afterAll(() => database?.close());

describe('POST /api/v1/imports and /commit', () => {
  it('checks a Windows-1251 CSV with ";", then writes meetings, issues, statuses and money', async () => {
    const rows: Row[] = [
      { kato: regionKato, ref: 'V-1', heldOn: '2024-02-10', n: 1, status: 'Решён', statusOn: '2024-03-01', need: 1_500_000, allocated: 1_200_000 },
      { kato: regionKato, ref: 'V-1', heldOn: '2024-02-10', n: 2, status: 'RAISED' },
      { kato: regionKato, ref: 'V-2', heldOn: '2024-03-05', n: 1, status: 'На исполнении', need: 700 },
    ];
    const checked = await check(excelCsv(rows), editorAuth);
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ rows: 3, ready: 3, errors: [], alreadyImportedAt: null });
    expect(await snapshot(regionKato)).toEqual([]); // the check writes nothing
    const done = await commit(checked.body.id, editorAuth);
    expect(done).toMatchObject({ status: 200, body: { meetings: 2, issues: 3, statuses: 2, money: 3 } });
    const after = await snapshot(regionKato);
    expect(after.map((r) => [r.external_ref, r.number_in_meeting, r.status, r.resolved_on])).toEqual([
      ['V-1', 1, 'RESOLVED', '2024-03-01'], ['V-1', 2, 'RAISED', null], ['V-2', 1, 'IN_EXECUTION', null],
    ]);
    expect(after[0].history).toEqual([['RAISED', '2024-02-10', null], ['RESOLVED', '2024-03-01', null]]);
    expect(after[0].money).toEqual([['NEED', '1500000', '2024-03-01'], ['ALLOCATED', '1200000', '2024-03-01']]);
    const audit = await pool.query(`SELECT after FROM audit_log WHERE action = 'import.commit' AND entity_id = $1`, [checked.body.id]);
    expect(audit.rows[0].after).toMatchObject({ meetings: 2, issues: 3 });

    // The same file again: recognised by its hash, and its commit changes nothing.
    const before = await counts();
    const again = await check(excelCsv(rows), editorAuth);
    expect(again.body.alreadyImportedAt).not.toBeNull();
    expect((await commit(again.body.id, editorAuth)).body).toMatchObject({ meetings: 0, issues: 0, statuses: 0, money: 0 });
    expect(await counts()).toEqual({ ...before, money: before.money });
    expect(await snapshot(regionKato)).toEqual(after);
    // Committing a committed batch answers its result again.
    expect((await commit(checked.body.id, editorAuth)).body).toMatchObject({ meetings: 2, repeated: true });

    // Bulk status update: known keys change status and money only.
    const update = await check(excelCsv([
      { ...rows[1]!, status: 'Решён', statusOn: '2024-04-01' },
      { ...rows[2]!, status: 'RESOLVED', statusOn: '2024-04-02', need: 900, allocated: 900 },
    ]), editorAuth);
    expect(update.body.errors).toEqual([]);
    expect((await commit(update.body.id, editorAuth)).body).toMatchObject({ meetings: 0, issues: 0, statuses: 2, money: 2 });
    const updated = await snapshot(regionKato);
    expect(updated.map((r) => r.status)).toEqual(['RESOLVED', 'RESOLVED', 'RESOLVED']);
    expect(updated[2].money).toEqual([['NEED', '700', '2024-03-05'], ['NEED', '200', '2024-04-02'], ['ALLOCATED', '900', '2024-04-02']]);
  });

  it('refuses bad rows with the row, column and a message in the reader’s language, and commits nothing', async () => {
    const before = await counts();
    const file = excelCsv([
      { kato: regionKato, ref: 'B-1', heldOn: '2024-02-10', n: 1, status: 'RAISED' },
      { kato: regionKato, ref: 'B-1', heldOn: '31.02.2024' as string, n: 2, status: 'RAISED' },
      { kato: regionKato, ref: 'V-1', heldOn: '2024-02-10', n: 1, status: 'Поднят' }, // RESOLVED → RAISED is not a transition
    ]);
    const checked = await check(file, editorAuth);
    expect(checked.status).toBe(200);
    expect(checked.body.ready).toBe(0);
    expect(checked.body.errors.map((e) => [e.row, e.column])).toEqual([[3, 'Дата встречи'], [4, 'Статус']]);
    expect(checked.body.errors[1]!.message).toBe('Нельзя перевести вопрос из статуса «Решён» в «Поднят».');
    const english = await check(file, { ...editorAuth, 'accept-language': 'en' });
    expect(english.body.errors[0]!.message).toContain('cannot be read');
    const refused = await commit(checked.body.id, editorAuth);
    expect(refused.status).toBe(422);
    expect(await counts()).toEqual(before);
  });

  it('refuses rows that would change a closed half-year, and still accepts rows that change nothing there', async () => {
    await pool.query(`INSERT INTO closed_period (year, half) VALUES (2023, 1)`);
    try {
      const checked = await check(excelCsv([{ kato: regionKato, ref: 'C-1', heldOn: '2023-03-01', n: 1, status: 'RAISED' }]), editorAuth);
      expect(checked.body.errors.map((e) => [e.row, e.column, e.message])).toEqual([
        [2, 'Дата встречи', expect.stringMatching(/^Полугодие этой даты закрыто/)],
      ]);
    } finally {
      await pool.query(`DELETE FROM closed_period WHERE year = 2023`);
    }
  });

  it('refuses a file that is not a spreadsheet, and a request without one', async () => {
    const missing = await checkRoute(new Request('http://localhost/api/v1/imports', { method: 'POST', body: new FormData(), headers: editorAuth }), { params: Promise.resolve({}) });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { errors: Array<{ field: string }> }).errors[0]!.field).toBe('file');
    const empty = await check(Buffer.from('просто текст', 'utf8'), editorAuth);
    expect(empty.body.errors[0]!.message).toMatch(/Нет столбца/);
  });

  it('keeps to the caller’s scope', async () => {
    const other = await newRegion();
    const rows = [{ kato: other.kato, ref: 'S-1', heldOn: '2024-02-10', n: 1, status: 'RAISED' }];
    const before = await counts();
    const outside = await check(excelCsv(rows), editorAuth);
    expect(outside.body.errors.map((e) => [e.row, e.column, e.message])).toEqual([[2, 'Регион', 'Этот регион или район вне ваших полномочий.']]);
    const ministry = await createUser(pool, { role: 'MINISTRY_EDITOR', centralBodyId: (await pool.query<{ id: number }>(`INSERT INTO central_body (code, name_ru, name_kk, name_en, short_ru) VALUES ('IMPORT_TB', 'x', 'x', 'x', 'x') RETURNING id`)).rows[0]!.id });
    const body = await check(excelCsv(rows), (await createToken(pool, ministry.id)).headers);
    expect(body.body.errors).toHaveLength(1);
    const analyst = await createUser(pool, { role: 'ANALYST' });
    expect((await check(excelCsv(rows), (await createToken(pool, analyst.id)).headers)).status).toBe(403);
    // Another user's batch is not found.
    const mine = await check(excelCsv([{ ...rows[0]!, kato: regionKato, ref: 'S-2' }]), editorAuth);
    const admin = await createUser(pool, { role: 'ADMIN' });
    expect((await commit(mine.body.id, (await createToken(pool, admin.id)).headers)).status).toBe(404);
    expect(await counts()).toEqual(before);
  });
});

describe('import properties', () => {
  const STATUSES = ['RAISED', 'IN_EXECUTION', 'RESOLVED', 'NOT_SUPPORTED', 'ESCALATED'];
  const rowsArb = fc
    .uniqueArray(
      fc.record({
        meeting: fc.integer({ min: 1, max: 4 }), n: fc.integer({ min: 1, max: 5 }), status: fc.constantFrom(...STATUSES),
        need: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }), allocated: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }),
        late: fc.integer({ min: 0, max: 10 }),
      }),
      { selector: (r) => `${r.meeting}/${r.n}`, minLength: 1, maxLength: 14 },
    )
    .chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })));

  const toRows = (kato: string, rows: Array<{ meeting: number; n: number; status: string; need?: number; allocated?: number; late: number }>): Row[] =>
    rows.map((r) => {
      const heldOn = `2024-0${r.meeting}-1${r.meeting}`;
      return { kato, ref: `P-${r.meeting}`, heldOn, n: r.n, status: r.status, statusOn: `2024-0${r.meeting}-${String(11 + r.meeting + r.late).padStart(2, '0')}`, need: r.need, allocated: r.allocated };
    });

  it('importing twice equals importing once, and shuffling the rows changes nothing', async () => {
    const caller = (region: { regionId: number }, user: TestUser) => callerFor({ ...user, regionId: region.regionId });
    const { checkImport, commitImport } = await import('@/features/import/service');
    const run = async (user: TestUser, region: { regionId: number }, rows: Row[]) => {
      const checked = await checkImport(caller(region, user), { name: 'p.csv', bytes: excelCsv(rows) });
      expect(checked.errors).toEqual([]);
      return commitImport(caller(region, user), checked.id);
    };
    await fc.assert(
      fc.asyncProperty(rowsArb, async ([rows, shuffled]) => {
        const a = await newRegion();
        const b = await newRegion();
        const user = await createUser(pool, { role: 'AKIMAT_EDITOR', regionId: a.regionId });
        const userB = await createUser(pool, { role: 'AKIMAT_EDITOR', regionId: b.regionId });
        await run(user, a, toRows(a.kato, rows));
        const once = await snapshot(a.kato);
        const second = await run(user, a, toRows(a.kato, rows));
        expect(second).toMatchObject({ status: 'committed', counts: { meetings: 0, issues: 0, statuses: 0, money: 0 } });
        expect(await snapshot(a.kato)).toEqual(once);
        await run(userB, b, toRows(b.kato, shuffled));
        expect(await snapshot(b.kato)).toEqual(once);
      }),
      { numRuns: 12 },
    );
  });
});
