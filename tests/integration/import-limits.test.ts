// The import's caps (issue 14): files built to exhaust the server — a workbook of rows with one
// cell in column XFD, a packed sheet that unpacks a thousandfold, a CSV of 150 000 lines, 10 MB
// of random bytes, a file over 20 MB — are refused with the cap named, reading stops early, and
// the event loop keeps answering meanwhile. Merged meeting cells still read as the meeting's
// rows; one user runs one import at a time.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAkim, createCategory, createRegion } from '../factories/reference';
import { createToken, createUser } from '../factories/users';
import { openAppDatabase, type AppDatabase } from '../support/database';
import { HEADER, columnName, headerRow, longCsv, noise, packedWorkbook, sheetXml, wideWorkbook, workbook, xlsxCell } from '../support/hostile-files';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Refusal = { errors: Array<{ row: number; field: string; message: string }> };

let database: AppDatabase;
let pool: pg.Pool;
let checkRoute: Handler;
let commitRoute: Handler;
let kato: string;
let category: string;
let auth: Record<string, string>;
let otherAuth: Record<string, string>;

/**
 * The longest the event loop may be held during a check. The import pauses every 20 ms of work
 * (npm run bench:uploads measures the wait other users see); this bound leaves room for a busy
 * 2-core CI machine descheduling the process, and still fails a reader that parses in one go
 * (5.4 s for this CSV before, on an idle machine).
 */
const HELD_MS = 1000;
const row = (ref: string, n: number) => [kato, ref, '10.02.2024', 'REGION', '', 'ONLINE', '', String(n), category, `Вопрос ${ref}/${n}`, 'REGION', 'RAISED', '', '', '', ''];

/** The multipart body a browser sends, built before the clock starts: the client's work is not the server's. */
async function multipart(bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)]), name);
  const encoded = new Request('http://localhost/', { method: 'POST', body: form });
  return { body: new Uint8Array(await encoded.arrayBuffer()), type: encoded.headers.get('content-type')! };
}

async function request(bytes: Uint8Array, headers: Record<string, string>, name: string) {
  const { body, type } = await multipart(bytes, name);
  return checkRoute(new Request('http://localhost/api/v1/imports', { method: 'POST', body, headers: { ...headers, 'content-type': type } }), { params: Promise.resolve({}) });
}

/** The check's answer, how long it took, and the longest the event loop was held meanwhile. */
async function check(bytes: Uint8Array, name: string, headers = auth) {
  const { body: sent, type } = await multipart(bytes, name);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = performance.now();
  const response = await checkRoute(new Request('http://localhost/api/v1/imports', { method: 'POST', body: sent, headers: { ...headers, 'content-type': type } }), { params: Promise.resolve({}) });
  const body = (await response.json()) as Refusal & { rows?: number };
  const ms = performance.now() - started;
  loop.disable();
  return { status: response.status, body, ms, heldMs: loop.max / 1e6 };
}

const cell = xlsxCell;
const column = columnName;

beforeAll(async () => {
  database = await openAppDatabase();
  pool = database.pool;
  const regionId = await createRegion(pool);
  await createAkim(pool, regionId);
  kato = (await pool.query<{ kato: string }>('SELECT kato FROM region WHERE id = $1', [regionId])).rows[0]!.kato;
  category = (await pool.query<{ code: string }>('SELECT code FROM issue_category WHERE id = $1', [await createCategory(pool)])).rows[0]!.code;
  auth = (await createToken(pool, (await createUser(pool, { role: 'AKIMAT_EDITOR', regionId })).id)).headers;
  otherAuth = (await createToken(pool, (await createUser(pool, { role: 'AKIMAT_EDITOR', regionId })).id)).headers;
  checkRoute = (await import('@/app/api/v1/imports/route')).POST as Handler;
  commitRoute = (await import('@/app/api/v1/imports/[id]/commit/route')).POST as Handler;
});

afterAll(() => database?.close());

describe('import caps', () => {
  it('refuses a workbook of rows with a cell in column XFD at its first such row, naming the 64 columns', async () => {
    const file = await wideWorkbook(kato);
    expect(file.length).toBeLessThan(10_000);
    const answer = await check(file, 'широкий.xlsx');
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0]).toMatchObject({ field: 'file', row: 2, message: 'Слишком много столбцов: не больше 64. Оставьте столбцы шаблона.' });
    expect(answer.ms).toBeLessThan(30_000); // before: 339 MB and seconds for 100 such rows, the heap exhausted at 300
    // Empty cells far right (formatting) are no columns: the template's rows still read.
    const styled = await workbook(sheetXml(`${headerRow}<row r="2">${row('W-1', 1).map((v, i) => cell(`${column(i)}2`, v)).join('')}<c r="XFD2" s="0"/></row>`));
    expect((await check(styled, 'оформленный.xlsx')).body).toMatchObject({ rows: 1, errors: [] });
  });

  it('refuses a packed sheet that unpacks to hundreds of MB once 100 MB are unpacked, without holding the event loop', async () => {
    const file = await packedWorkbook(250);
    expect(file.length).toBeLessThan(400_000); // about 250 KB for 250 MB
    const before = process.memoryUsage().rss;
    const answer = await check(file, 'сжатый.xlsx');
    expect(answer.status).toBe(413);
    expect(answer.body.errors[0]!.message).toBe('Книга Excel в распакованном виде больше 100 МБ: разделите файл или сохраните его как CSV.');
    expect(answer.heldMs).toBeLessThan(HELD_MS);
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
  });

  it('stops a CSV of 150 000 lines at its 100 001st row, naming the 100 000 rows, without holding the event loop', async () => {
    const answer = await check(longCsv((i) => row(`L-${Math.floor(i / 10)}`, (i % 10) + 1)), 'длинный.csv');
    expect(answer.status).toBe(413);
    expect(answer.body.errors[0]!.message).toMatch(/^Слишком много строк: не больше 100\s000 в одном файле/);
    expect(answer.body.errors[0]!.row).toBe(100_002); // reading stopped there, not at line 150 001
    expect(answer.heldMs).toBeLessThan(HELD_MS);
  });

  it('counts blank rows toward the cap: 150 000 lines of bare delimiters, and a workbook of 150 000 empty rows', async () => {
    const csv = await check(longCsv(() => HEADER.map(() => '')), 'пустые.csv');
    expect(csv.status).toBe(413);
    expect(csv.body.errors[0]!.row).toBe(100_002);
    expect(csv.heldMs).toBeLessThan(HELD_MS);
    const blankRows = Array.from({ length: 150_000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" s="1"/></row>`).join('');
    const xlsx = await check(await workbook(sheetXml(headerRow + blankRows)), 'пустые.xlsx');
    expect(xlsx.status).toBe(413);
    expect(xlsx.body.errors[0]!.message).toMatch(/^Слишком много строк/);
  });

  it('checks an honest CSV of 60 000 rows without holding the event loop', async () => {
    const answer = await check(longCsv((i) => row(`H-${Math.floor(i / 10)}`, (i % 10) + 1), 60_000), 'честный.csv');
    expect(answer.status).toBe(200);
    expect(answer.body.rows).toBe(60_000);
    // Stored through Prisma as objects, these rows held the loop for 2.4 to 8.7 s (load average 8 to 20); as JSON built
    // between pauses, 0.6 to 1.0 s then, but 1.7 to 2.6 s on 2026-12-03 evening at load 1 to 4 (not yet explained; see
    // issue 16's note). The bound catches the loop held for the whole check, as the old store did at 60 000 rows.
    expect(answer.heldMs, `held ${Math.round(answer.heldMs)} ms in ${Math.round(answer.ms)} ms`).toBeLessThan(4000);
  }, 300_000);

  it('refuses 10 MB of random bytes at once as no spreadsheet', async () => {
    const answer = await check(noise(), 'шум.csv');
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0]!.message).toBe('Файл не читается: сохраните его как XLSX или CSV.');
    expect(answer.ms).toBeLessThan(10_000); // before: 159 s and 2.6 GB
    expect(answer.heldMs).toBeLessThan(HELD_MS);
  });

  it('refuses a file over 20 MB with 413 before checking it, and says so in the reader’s language', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x41);
    const answer = await check(big, 'большой.csv');
    expect(answer.status).toBe(413);
    expect(answer.body.errors[0]!.message).toBe('Файл больше 20 МБ: разделите его.');
    expect((await check(big, 'big.csv', { ...auth, 'accept-language': 'en' })).body.errors[0]!.message).toBe('The file is larger than 20 MB: split it.');
    // A body declared larger than the cap is refused before it is read.
    const declared = await checkRoute(new Request('http://localhost/api/v1/imports', {
      method: 'POST', body: 'x', headers: { ...auth, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(30 * 1024 * 1024) },
    }), { params: Promise.resolve({}) });
    expect(declared.status).toBe(413);
  });
});

describe('merged meeting cells', () => {
  it('reads a workbook whose meeting cells are merged down the meeting’s issues, and the same CSV with them empty', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Вопросы');
    sheet.addRow(HEADER);
    const m1 = [row('MRG-1', 1), row('MRG-1', 2), row('MRG-1', 3)];
    const m2 = [row('MRG-2', 1), row('MRG-2', 2)];
    for (const r of [...m1, ...m2]) sheet.addRow(r);
    // Region down the whole file; each meeting's number, date, level and venue down its rows.
    sheet.mergeCells('A2:A6');
    for (const col of ['B', 'C', 'D', 'F']) {
      sheet.mergeCells(`${col}2:${col}4`);
      sheet.mergeCells(`${col}5:${col}6`);
    }
    const merged = await check(Buffer.from(await book.xlsx.writeBuffer()), 'объединённые.xlsx');
    expect(merged.body).toMatchObject({ rows: 5, errors: [] });
    const id = (merged.body as unknown as { id: string }).id;
    const done = await commitRoute(new Request(`http://localhost/api/v1/imports/${id}/commit`, { method: 'POST', headers: auth }), { params: Promise.resolve({ id }) });
    expect(await done.json()).toMatchObject({ meetings: 2, issues: 5 });

    // A CSV saved from such a sheet leaves the merged cells empty: the same rows.
    const blanks = (r: string[], columns: number[]) => r.map((v, i) => (columns.includes(i) ? '' : v));
    const meeting = [0, 1, 2, 3, 5];
    const csv = [HEADER, m1[0]!, blanks(m1[1]!, meeting), blanks(m1[2]!, meeting), blanks(m2[0]!, [0]), blanks(m2[1]!, meeting)];
    const again = await check(Buffer.from(csv.map((r) => r.join(';')).join('\r\n'), 'utf8'), 'объединённые.csv');
    expect(again.body).toMatchObject({ rows: 5, errors: [] });
    const written = await pool.query(`SELECT m.external_ref, count(*)::int AS issues FROM meeting m JOIN raised_issue i ON i.meeting_id = m.id WHERE m.external_ref LIKE 'MRG-%' GROUP BY 1 ORDER BY 1`);
    expect(written.rows).toEqual([{ external_ref: 'MRG-1', issues: 3 }, { external_ref: 'MRG-2', issues: 2 }]);
  });
});

describe('one import at a time', () => {
  it('refuses a user’s second import while the first runs, with 409 and why; others go on', async () => {
    const lines = [HEADER.join(';')];
    for (let i = 0; i < 20_000; i += 1) lines.push(row(`ONE-${Math.floor(i / 10)}`, (i % 10) + 1).join(';'));
    const file = Buffer.from(lines.join('\r\n'), 'utf8');
    const first = await request(file, { ...auth, accept: 'application/x-ndjson' }, 'первый.csv');
    expect(first.status).toBe(200);
    const reader = first.body!.getReader();
    await reader.read(); // the first progress line: the check is under way
    const second = await check(Buffer.from(lines.slice(0, 2).join('\r\n'), 'utf8'), 'второй.csv');
    expect(second.status).toBe(409);
    expect(second.body.errors[0]!.message).toBe('Другая ваша загрузка ещё идёт: дождитесь её окончания и повторите.');
    const other = await check(Buffer.from(lines.slice(0, 2).join('\r\n'), 'utf8'), 'чужой.csv', otherAuth);
    expect(other.status).toBe(200);
    while (!(await reader.read()).done);
    expect((await check(Buffer.from(lines.slice(0, 2).join('\r\n'), 'utf8'), 'третий.csv')).status).toBe(200);
  });
});
