// Progress of a large import: with `Accept: application/x-ndjson` the check and the commit
// stream { phase, done, total } lines and then { status, body }, the answer a plain request
// gets; without it the answers are unchanged. The commit writes in chunks but in one
// transaction: a failure after the first chunk leaves nothing, and a repeat changes nothing.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS } from '@/features/import/columns';
import { createAkim, createCategory, createRegion } from '../factories/reference';
import { callerFor, createToken, createUser, type TestUser } from '../factories/users';
import { openAppDatabase, type AppDatabase } from '../support/database';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Line = { phase?: string; done?: number; total?: number; status?: number; body?: Record<string, unknown> };

let database: AppDatabase;
let pool: pg.Pool;
let checkRoute: Handler;
let commitRoute: Handler;
let kato: string;
let regionId: number;
let category: string;
let editor: TestUser;
let auth: Record<string, string>;

const NDJSON = { accept: 'application/x-ndjson' };
const ROWS = 11_000; // three chunks of 5 000 rows: 5 000, 5 000 and 1 000

/** `rows` issues, ten per meeting, as a UTF-8 CSV with ";"; `bad` lines get an impossible date. */
function file(prefix: string, rows: number, bad: number[] = []) {
  const lines = [IMPORT_COLUMNS.map((c) => c.ru).join(';')];
  for (let i = 0; i < rows; i += 1) {
    const heldOn = bad.includes(i + 2) ? '31.02.2024' : '10.02.2024';
    lines.push([kato, `${prefix}-${Math.floor(i / 10)}`, heldOn, 'REGION', '', 'ONLINE', '', String((i % 10) + 1), category, `Вопрос ${i}`, 'REGION',
      i % 2 ? 'RESOLVED' : 'RAISED', '01.03.2024', '', '1 000', ''].join(';'));
  }
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

async function check(bytes: Uint8Array, headers: Record<string, string>) {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)]), 'большой.csv');
  return checkRoute(new Request('http://localhost/api/v1/imports', { method: 'POST', body: form, headers }), { params: Promise.resolve({}) });
}
const commit = (id: string, headers: Record<string, string>) =>
  commitRoute(new Request(`http://localhost/api/v1/imports/${id}/commit`, { method: 'POST', headers }), { params: Promise.resolve({ id }) });

/** Reads a streamed answer line by line as the client does, noting how many chunks of bytes it came in. */
async function lines(response: Response): Promise<{ lines: Line[]; reads: number }> {
  expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  let reads = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    reads += 1;
    text += value;
  }
  expect(text.endsWith('\n')).toBe(true);
  return { lines: text.trim().split('\n').map((l) => JSON.parse(l) as Line), reads };
}

const progressOf = (all: Line[], phase: string) => all.filter((l) => l.phase === phase).map((l) => [l.done, l.total]);

const written = async () => (await pool.query(
  `SELECT (SELECT count(*) FROM meeting WHERE region_id = $1)::int AS meetings, (SELECT count(*) FROM raised_issue WHERE region_id = $1)::int AS issues,
     (SELECT count(*) FROM issue_status_change h JOIN raised_issue i ON i.id = h.issue_id WHERE i.region_id = $1)::int AS history,
     (SELECT count(*) FROM budget_allocation b JOIN raised_issue i ON i.id = b.issue_id WHERE i.region_id = $1)::int AS money`, [regionId])).rows[0];

beforeAll(async () => {
  database = await openAppDatabase();
  pool = database.pool;
  regionId = await createRegion(pool);
  await createAkim(pool, regionId);
  kato = (await pool.query<{ kato: string }>('SELECT kato FROM region WHERE id = $1', [regionId])).rows[0]!.kato;
  category = (await pool.query<{ code: string }>('SELECT code FROM issue_category WHERE id = $1', [await createCategory(pool)])).rows[0]!.code;
  editor = await createUser(pool, { role: 'AKIMAT_EDITOR', regionId });
  auth = (await createToken(pool, editor.id)).headers;
  checkRoute = (await import('@/app/api/v1/imports/route')).POST as Handler;
  commitRoute = (await import('@/app/api/v1/imports/[id]/commit/route')).POST as Handler;
}, 60_000);

afterAll(() => database?.close());

describe('import progress', () => {
  it('streams the check’s and the commit’s progress in rows, then the same answer as a plain request; a repeat changes nothing', async () => {
    const bytes = file('P', ROWS);
    const checked = await lines(await check(bytes, { ...auth, ...NDJSON }));
    expect(progressOf(checked.lines, 'reading')).toEqual([[0, ROWS], [5000, ROWS], [10_000, ROWS]]);
    expect(progressOf(checked.lines, 'checking')).toEqual([[0, ROWS], [5000, ROWS], [10_000, ROWS], [ROWS, ROWS]]);
    const answer = checked.lines.at(-1)!;
    expect(answer).toMatchObject({ status: 200, body: { rows: ROWS, ready: ROWS, errors: [] } });
    expect(checked.reads).toBeGreaterThan(1); // the lines come as they are made, not all at the end
    const id = answer.body!.id as string;
    expect(await written()).toEqual({ meetings: 0, issues: 0, history: 0, money: 0 });

    const committed = await lines(await commit(id, { ...auth, ...NDJSON }));
    expect(progressOf(committed.lines, 'checking')).toEqual([[0, ROWS], [5000, ROWS], [10_000, ROWS], [ROWS, ROWS]]);
    expect(progressOf(committed.lines, 'writing')).toEqual([[0, ROWS], [5000, ROWS], [10_000, ROWS], [ROWS, ROWS]]);
    expect(committed.lines.at(-1)).toEqual({ status: 200, body: { id, meetings: ROWS / 10, issues: ROWS, statuses: ROWS / 2, money: ROWS, receptions: 0, repeated: false } });
    const after = await written();
    expect(after).toEqual({ meetings: ROWS / 10, issues: ROWS, history: ROWS * 1.5, money: ROWS });

    // Idempotent, streamed or not: the batch again answers its result; the same file again writes nothing.
    expect((await lines(await commit(id, { ...auth, ...NDJSON }))).lines.at(-1)).toMatchObject({ status: 200, body: { repeated: true, issues: ROWS } });
    const again = (await lines(await check(bytes, { ...auth, ...NDJSON }))).lines.at(-1)!;
    expect(again.body!.alreadyImportedAt).not.toBeNull();
    const plain = await commit(again.body!.id as string, auth);
    expect(plain.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await plain.json()).toMatchObject({ meetings: 0, issues: 0, statuses: 0, money: 0, repeated: false });
    expect(await written()).toEqual(after);
  }, 120_000);

  it('without the Accept header the answers are the plain JSON of the documented contract', async () => {
    const response = await check(file('J', 3), auth);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { id: string; rows: number; errors: unknown[] };
    expect(body).toMatchObject({ rows: 3, errors: [] });
    const done = await commit(body.id, auth);
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ id: body.id, meetings: 1, issues: 3 });
  });

  it('streams row errors and a refused commit as their plain statuses, and writes nothing', async () => {
    const before = await written();
    const checked = await lines(await check(file('E', 30, [5, 17]), { ...auth, ...NDJSON }));
    const answer = checked.lines.at(-1)!;
    expect(answer.status).toBe(200);
    expect((answer.body!.errors as Array<{ row: number; column: string }>).map((e) => [e.row, e.column])).toEqual([[5, 'Дата встречи'], [17, 'Дата встречи']]);
    const refused = await lines(await commit(answer.body!.id as string, { ...auth, ...NDJSON }));
    expect(refused.lines.at(-1)).toMatchObject({ status: 422, body: { errors: [{ row: 0 }] } });
    // A file that is no spreadsheet: 400 in the last line, as the plain request answers.
    const broken = (await lines(await check(Buffer.from('PK\u0003\u0004 not a zip', 'latin1'), { ...auth, ...NDJSON }))).lines.at(-1)!;
    expect(broken).toMatchObject({ status: 400, body: { errors: [{ field: 'file' }] } });
    expect(await written()).toEqual(before);
  });

  it('keeps another user’s batch a real 404, streamed or not', async () => {
    const mine = (await lines(await check(file('O', 2), { ...auth, ...NDJSON }))).lines.at(-1)!.body!.id as string;
    const admin = await createUser(pool, { role: 'ADMIN' });
    const response = await commit(mine, { ...(await createToken(pool, admin.id)).headers, ...NDJSON });
    expect(response.status).toBe(404);
    expect((await commit(mine, (await createToken(pool, admin.id)).headers)).status).toBe(404);
  });

  it('commits in one transaction: a failure after the first chunk is written leaves nothing, and a retry writes everything', async () => {
    const { checkImport, commitImport } = await import('@/features/import/service');
    const caller = callerFor(editor);
    const checked = await checkImport(caller, { name: 'f.csv', bytes: file('F', ROWS) });
    expect(checked.errors).toEqual([]);
    const before = await written();
    const seen: Array<[string, number]> = [];
    let meetingsSteps = 0;
    await expect(commitImport(caller, checked.id, {
      onProgress: (p) => seen.push([p.phase, p.done]),
      onStep: async (step) => {
        if (step === 'meetings' && (meetingsSteps += 1) === 2) throw new Error('cut after the first chunk');
      },
    })).rejects.toThrow('cut after the first chunk');
    expect(seen).toContainEqual(['writing', 5000]); // the first chunk was written, and reported
    expect(await written()).toEqual(before);
    expect((await pool.query(`SELECT status FROM import_batch WHERE id = $1`, [checked.id])).rows[0].status).toBe('CHECKED');
    const retry = await commitImport(caller, checked.id);
    expect(retry).toMatchObject({ status: 'committed', counts: { meetings: ROWS / 10, issues: ROWS, statuses: ROWS / 2, money: ROWS } });
  }, 120_000);
});
