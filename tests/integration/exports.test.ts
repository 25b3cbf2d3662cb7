// The exports on the seeded demo data: the 2022-H2 briefing's text (DOCX and PDF) holds every
// figure of the ministries' own document in its formatting; the workbook read back equals the
// statistics API; CSV is UTF-8 with BOM and formula-like cells come out inert; issuing stores
// an unchangeable version and closes the half-year; who may do what; every export audited.
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type pg from 'pg';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../prisma/seed/seed-demo';
import { callerFor, createToken, userIdOf } from '../factories/users';
import { openAppDatabase, type AppDatabase } from '../support/database';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Module = Record<string, Handler>;

let database: AppDatabase;
let pool: pg.Pool;
const auth: Record<string, Record<string, string>> = {};
const mods: Record<string, Module> = {};

const ROUTES = {
  briefing: 'exports/briefing', workbook: 'exports/workbook', csv: 'exports/csv/[table]', briefings: 'briefings',
  file: 'briefings/[id]/[lang]/[format]', regions: 'stats/regions', summary: 'stats/summary', categories: 'stats/categories',
  status: 'issues/[id]/status', escalations: 'stats/escalations',
} as const;

beforeAll(async () => {
  database = await openAppDatabase();
  expect((await seedDemoData(database.url)).seeded).toBe(true);
  pool = database.pool;
  for (const user of ['analyst', 'manager', 'admin', 'akimat.aktobe', 'ministry.education']) {
    auth[user] = (await createToken(pool, await userIdOf(pool, user))).headers;
  }
  for (const [key, route] of Object.entries(ROUTES)) mods[key] = (await import(path.resolve(`src/app/api/v1/${route}/route.ts`))) as Module;
});

afterAll(() => database?.close());

async function call(key: keyof typeof ROUTES, user: string, query = '', options: { params?: Record<string, string>; method?: string; body?: unknown } = {}) {
  const method = options.method ?? 'GET';
  const request = new Request(`http://localhost/api/v1/${ROUTES[key]}${query}`, {
    method, headers: { ...auth[user], ...(options.body ? { 'Content-Type': 'application/json' } : {}) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return mods[key]![method]!(request, { params: Promise.resolve(options.params ?? {}) });
}

const bytes = async (r: Response) => Buffer.from(await r.arrayBuffer());
const norm = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

async function docxText(buf: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string');
  return norm(xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
}

async function pdfText(buf: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(buf));
  const { text } = await extractText(pdf, { mergePages: true });
  // A page's footer lands wherever the page breaks: dropped, so a sentence reads whole across pages.
  return norm(text).replace(/(?:Проект\. )?Сформировано Kezdesu [\d-]+ по данным на [\d-]+\. \d+\/\d+ ?/g, '');
}

// Every figure of seed-report-2022-ru.txt, as that document writes it (with enough words
// around the small ones that a stray number elsewhere cannot stand in for them).
const SEED_FIGURES_RU = [
  'порядка 19,8 тыс. встреч', 'более 33,4 тыс. предложений', 'решено 33,1 тыс. вопросов',
  '485 млрд. тенге', '253,8 млрд. тенге', 'или 52,3% от потребности',
  'состоит из 62 вопросов', 'по 10 вопросам', 'по 5 вопросам', '20,2 млрд. тенге', 'по 13 вопросам', '61,2 млрд. тенге',
  '14 вопросов – на исполнении', '18 вопросов – не поддержаны', '2 вопроса – уже исполнены', 'отобраны 6 вопросов',
  '1 полугодия 2022 года 14 вопросов', '5 вопросов исполнены', '6 вопросов не поддержаны', '3 вопроса находятся на исполнении',
  'проведено 28,3 тыс. встреч', '63 тыс. вопросов', '47,6 тыс. были решены', 'составляет 75,5%',
  'Актюбинская область – 94,7%', 'Костанайская область – 93%', 'город Алматы – 92,8%',
  'Алматинская область – 28,5%', 'Западно-Казахстанская область – 50,5%', 'Атырауская область – 54,5%',
  'увеличилось в 2,3 раза', 'на сайтах 5 акиматов', 'ВКО', 'СКО', 'Павлодарская область', 'область Ұлытау', 'город Астана',
  'проведено 216 личных приемов', 'приняты 1498 граждан', 'озвучено 1679 проблемных вопросов', '1241 или 74% – решены', '438 – находятся на исполнении',
  'на 2022 год запланировано 227 встреч', '55 – на первое', '172 – на второе полугодие', 'проведено 212 встреч', 'увеличение темпов проведения встреч в 2,3 раза',
];

describe('the 2022-H2 briefing', () => {
  let docx = '';
  let pdf = '';

  it('is served to the analyst as DOCX and PDF, audited', async () => {
    const d = await call('briefing', 'analyst', '?period=2022-H2&format=docx&lang=ru');
    expect(d.status).toBe(200);
    expect(d.headers.get('content-type')).toContain('wordprocessingml');
    expect(d.headers.get('content-disposition')).toContain('kezdesu-briefing-2022-H2-ru.docx');
    docx = await docxText(await bytes(d));
    const p = await call('briefing', 'analyst', '?period=2022-H2&format=pdf&lang=ru');
    expect(p.status).toBe(200);
    const buf = await bytes(p);
    expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
    pdf = await pdfText(buf);
    const { rows } = await pool.query(`SELECT after FROM audit_log WHERE action = 'export.briefing' AND entity_id = '2022-H2'`);
    expect(rows.map((r) => r.after.format).sort()).toEqual(['docx', 'pdf']);
  });

  it.each(SEED_FIGURES_RU)('states «%s» in DOCX and PDF', (figure) => {
    expect(docx).toContain(norm(figure));
    expect(pdf).toContain(norm(figure));
  });

  it('states each section’s period, and the year’s totals for H2', () => {
    for (const text of [docx, pdf]) {
      expect(text).toContain('за 2 полугодие 2022 года (по линии МНЭ РК)');
      expect(text).toContain('По итогам 2 полугодия 2022 года');
      expect(text).toContain('В целом по итогу 2022 года');
      expect(text).toContain('итоги 2022 года');
    }
  });

  it('is written in Kazakh and English too, with the same figures', async () => {
    const kk = await pdfText(await bytes(await call('briefing', 'analyst', '?period=2022-H2&format=pdf&lang=kk')));
    for (const s of ['АҚПАРАТТЫҚ-АНЫҚТАМАЛЫҚ МАТЕРИАЛДАР', '19,8 мың', '485 млрд теңге', '52,3%', '2,3 есе', 'Ақтөбе облысы – мәселелердің 94,7%', '1241 немесе 74%']) {
      expect(kk).toContain(norm(s));
    }
    const en = await docxText(await bytes(await call('briefing', 'analyst', '?period=2022-H2&format=docx&lang=en')));
    for (const s of ['INFORMATION AND REFERENCE MATERIALS', '19.8 thousand', '485 billion tenge', '253.8 billion tenge', '52.3%', '2.3 times', '75.5%', '1,241 (74%)']) {
      expect(en).toContain(norm(s));
    }
  });

  it('refuses editors, quarters and unknown formats', async () => {
    expect((await call('briefing', 'akimat.aktobe', '?period=2022-H2&format=pdf')).status).toBe(403);
    expect((await call('briefing', 'ministry.education', '?period=2022-H2&format=pdf')).status).toBe(403);
    const bad = await call('briefing', 'analyst', '?period=2022-Q3&format=xls&lang=de');
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { error: { fields: object } }).error.fields).sort()).toEqual(['format', 'lang', 'period']);
  });
});

describe('the workbook', () => {
  let wb: ExcelJS.Workbook;

  it('streams an XLSX with every sheet, headers in the chosen language', async () => {
    const response = await call('workbook', 'analyst', '?period=2022-H2&lang=kk');
    expect(response.status).toBe(200);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytes(response)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Жиынтық', 'Өңірлер', 'Санаттар', 'Бюджет', 'Орталық деңгей', 'Бюджеттік өтінімдер', 'Орталық мемлекеттік органдар', 'Іс-қимыл жоспарлары', 'Кездесулер', 'Мәселелер']);
    expect(wb.getWorksheet('Өңірлер')!.getRow(1).getCell(3).value).toBe('Өңір');
  });

  it('states the filters applied on the summary sheet', () => {
    const values = wb.getWorksheet('Жиынтық')!.getSheetValues().flat().map(String);
    expect(values).toContain('Қолданылған сүзгілер');
    expect(values.some((v) => v.includes('2022-07-01 — 2022-12-31'))).toBe(true);
  });

  it('holds the API’s figures, as numbers with formats', async () => {
    type Row = { kato: string; name: string; meetings: number; issuesRaised: number; issuesResolved: number; issuesRaisedAndResolved: number; resolutionRate: number | null; rank: number | null };
    const api = (await (await call('regions', 'analyst', '?period=2022-H2&lang=kk')).json()) as { regions: Row[] };
    const sheet = wb.getWorksheet('Өңірлер')!;
    const rows = [];
    for (let i = 2; i <= sheet.rowCount; i++) {
      const r = sheet.getRow(i);
      rows.push({
        rank: r.getCell(1).value ?? null, kato: r.getCell(2).value, name: r.getCell(3).value, meetings: r.getCell(4).value, issuesRaised: r.getCell(5).value,
        issuesResolved: r.getCell(6).value, issuesRaisedAndResolved: r.getCell(7).value, resolutionRate: r.getCell(8).value ?? null,
      });
    }
    expect(rows).toEqual(api.regions.map((r) => ({
      rank: r.rank, kato: r.kato, name: r.name, meetings: r.meetings, issuesRaised: r.issuesRaised,
      issuesResolved: r.issuesResolved, issuesRaisedAndResolved: r.issuesRaisedAndResolved, resolutionRate: r.resolutionRate,
    })));
    // Both counts of "resolved", each named for what it counts.
    expect(sheet.getRow(1).getCell(6).value).toBe('Кезең ішінде шешілді (бұрын көтерілгендерді қоса)');
    expect(sheet.getRow(1).getCell(7).value).toBe('Кезеңде көтерілгендердің шешілгені');
    expect(sheet.getRow(2).getCell(8).numFmt).toBe('0.0%');
    expect(typeof sheet.getRow(2).getCell(5).value).toBe('number');

    const summary = (await (await call('summary', 'analyst', '?period=2022-H2')).json()) as { meetings: number; issuesRaised: number; budget: { needKzt: number } };
    const flat = wb.getWorksheet('Жиынтық')!.getSheetValues().flat();
    expect(flat).toEqual(expect.arrayContaining([summary.meetings, summary.issuesRaised, summary.budget.needKzt]));
  });

  it('lists every meeting and issue of the period in the caller’s scope', async () => {
    const { rows: [m] } = await pool.query(`SELECT count(*)::int AS n FROM meeting WHERE deleted_at IS NULL AND held_on BETWEEN '2022-07-01' AND '2022-12-31'`);
    const { rows: [i] } = await pool.query(`SELECT count(*)::int AS n FROM raised_issue WHERE deleted_at IS NULL AND raised_on BETWEEN '2022-07-01' AND '2022-12-31'`);
    expect(wb.getWorksheet('Кездесулер')!.rowCount - 1).toBe(m.n);
    expect(wb.getWorksheet('Мәселелер')!.rowCount - 1).toBe(i.n);
    const date = wb.getWorksheet('Мәселелер')!.getRow(2).getCell(2);
    expect(date.value).toBeInstanceOf(Date);
    expect(date.numFmt).toBe('dd.mm.yyyy');
  });

  it('is refused to editors and audited for the analyst', async () => {
    expect((await call('workbook', 'akimat.aktobe', '?period=2022-H2')).status).toBe(403);
    expect((await call('workbook', 'analyst', '?period=2022-H7')).status).toBe(400);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'export.workbook' AND entity_id = '2022-H2'`);
    expect(rows[0].n).toBeGreaterThanOrEqual(1);
  });
});

describe('CSV', () => {
  it('writes UTF-8 with a BOM, the delimiter asked for, and the API’s figures', async () => {
    const response = await call('csv', 'analyst', '?period=2022-H2&delimiter=%2C&lang=ru', { params: { table: 'categories' } });
    expect(response.status).toBe(200);
    const buf = await bytes(response);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = buf.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Код,Категория,Поднято вопросов,Решено за период (включая поднятые ранее),Из поднятых за период решено,Доля решённых');
    const api = (await (await call('categories', 'analyst', '?period=2022-H2')).json()) as { categories: Array<{ code: string; issuesRaised: number }> };
    for (const c of api.categories) expect(lines.some((l) => l.startsWith(`${c.code},`) && l.split(',')[2] === String(c.issuesRaised))).toBe(true);
  });

  it('gives the central-level list as it stood on asOf, as the API does: the count, the selected and one row per selected issue', async () => {
    for (const asOf of ['2022-09-30', '2022-12-31']) {
      const query = `?period=2022-H2&asOf=${asOf}`;
      const text = (await bytes(await call('csv', 'analyst', `${query}&delimiter=%2C&lang=en`, { params: { table: 'escalations' } }))).toString('utf8');
      const lines = text.slice(1).trimEnd().split('\r\n');
      const api = (await (await call('escalations', 'analyst', query)).json()) as { total: number; selected: number };
      expect(lines.find((l) => l.startsWith('Total,'))?.split(',')[1], asOf).toBe(String(api.total));
      expect(lines.find((l) => l.startsWith('Selected for a central decision,'))?.split(',')[1], asOf).toBe(String(api.selected));
      const blank = lines.findIndex((l) => /^,*$/.test(l));
      expect(lines.length - blank - 1, `${asOf}: selected issues`).toBe(api.selected);
    }
  });

  it('makes formula-like descriptions inert', async () => {
    const { rows: [meeting] } = await pool.query(`SELECT id, region_id, held_on FROM meeting WHERE kind = 'AKIM' AND held_on BETWEEN '2023-03-01' AND '2023-03-31' ORDER BY id LIMIT 1`);
    for (const text of ['=HYPERLINK("http://evil.example","click")', '@SUM(1+1)*cmd|\' /C calc\'!A0']) {
      await pool.query(
        `INSERT INTO raised_issue (meeting_id, category_id, description, responsible_level, meeting_kind, region_id, raised_on)
         VALUES ($1, (SELECT min(id) FROM issue_category), $2, 'DISTRICT', 'AKIM', $3, $4)`,
        [meeting.id, text, meeting.region_id, meeting.held_on],
      );
    }
    const text = (await bytes(await call('csv', 'manager', '?period=2023-Q1', { params: { table: 'issues' } }))).toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(text).toContain(`'@SUM(1+1)*cmd|' /C calc'!A0`);
    expect(text).not.toMatch(/(^|;)"?[=@]/m);
  });

  it('refuses editors and unknown tables', async () => {
    expect((await call('csv', 'akimat.aktobe', '?period=2022-H2', { params: { table: 'regions' } })).status).toBe(403);
    expect((await call('csv', 'analyst', '?period=2022-H2', { params: { table: 'secrets' } })).status).toBe(400);
    expect((await call('csv', 'analyst', '?period=2022-H2&delimiter=%7C', { params: { table: 'regions' } })).status).toBe(400);
  });
});

describe('issuing and the archive', () => {
  it('is for managers: analysts and editors are refused', async () => {
    expect((await call('briefings', 'analyst', '', { method: 'POST', body: { period: '2022-H2' } })).status).toBe(403);
    expect((await call('briefings', 'akimat.aktobe', '', { method: 'POST', body: { period: '2022-H2' } })).status).toBe(403);
    expect((await call('briefings', 'manager', '', { method: 'POST', body: { period: '2022' } })).status).toBe(400);
  });

  it('stores the files and figures, closes the half-year, and a later edit there is refused', async () => {
    const response = await call('briefings', 'manager', '', { method: 'POST', body: { period: '2022-H2' } });
    expect(response.status).toBe(201);
    const issued = (await response.json()) as { id: number; version: number };
    expect(issued.version).toBe(1);
    const { rows: files } = await pool.query(`SELECT lang, format, length(content) AS n FROM issued_briefing_file WHERE briefing_id = $1 ORDER BY 1, 2`, [issued.id]);
    expect(files.map((f) => `${f.lang}.${f.format}`)).toEqual(['en.docx', 'en.pdf', 'kk.docx', 'kk.pdf', 'ru.docx', 'ru.pdf']);
    const { rows: [stored] } = await pool.query(`SELECT figures FROM issued_briefing WHERE id = $1`, [issued.id]);
    expect(stored.figures.akim.centralList.total).toBe(62);
    const { rows: closed } = await pool.query(`SELECT * FROM closed_period WHERE year = 2022 AND half = 2 AND reopened_at IS NULL`);
    expect(closed).toHaveLength(1);
    const { rows: audit } = await pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'briefing.issue' AND entity_id = $1`, [String(issued.id)]);
    expect(audit[0].n).toBe(1);

    // A later edit there, through the write API as the region's own editor: refused, nothing written.
    const { rows: [open] } = await pool.query(`SELECT i.id, i.version FROM raised_issue i JOIN region r ON r.id = i.region_id
      WHERE r.kato = '150000000' AND i.meeting_kind = 'AKIM' AND i.status = 'IN_EXECUTION' AND i.raised_on BETWEEN '2022-07-01' AND '2022-11-30'
      ORDER BY i.id LIMIT 1`);
    const steps = async () => (await pool.query(`SELECT count(*)::int AS n FROM issue_status_change WHERE issue_id = $1`, [open.id])).rows[0].n;
    const before = await steps();
    const edit = await call('status', 'akimat.aktobe', '', {
      method: 'POST', params: { id: String(open.id) }, body: { version: open.version, toStatus: 'RESOLVED', effectiveOn: '2022-12-20', comment: 'after the briefing' },
    });
    expect(edit.status).toBe(422);
    expect(JSON.stringify(await edit.json())).toMatch(/effectiveOn/);
    expect(await steps()).toBe(before);

    const ru = await bytes(await call('file', 'analyst', '', { params: { id: String(issued.id), lang: 'ru', format: 'pdf' } }));
    expect(await pdfText(ru)).toContain('составляет 75,5%');
    await expect(pool.query(`UPDATE issued_briefing SET version = 9 WHERE id = $1`, [issued.id])).rejects.toThrow(/never changed/);
    await expect(pool.query(`DELETE FROM issued_briefing_file WHERE briefing_id = $1`, [issued.id])).rejects.toThrow(/never changed/);
  });

  it('refuses a reissue while closed; after an admin reopens, the reissue is a new version beside the old', async () => {
    expect((await call('briefings', 'manager', '', { method: 'POST', body: { period: '2022-H2' } })).status).toBe(409);
    const { db } = await import('@/server/db/client');
    const { reopenHalfYear } = await import('@/server/records/closing');
    const adminId = await userIdOf(pool, 'admin');
    await db().$transaction((tx) => reopenHalfYear(tx, { year: 2022, half: 2, reason: 'correction of Aktobe figures' }, callerFor({ id: adminId, username: 'admin', role: 'ADMIN' })));
    const again = await call('briefings', 'manager', '', { method: 'POST', body: { period: '2022-H2' } });
    expect(again.status).toBe(201);
    expect(((await again.json()) as { version: number }).version).toBe(2);
    const list = (await (await call('briefings', 'analyst')).json()) as { items: Array<{ period: string; version: number; files: unknown[] }> };
    expect(list.items.filter((b) => b.period === '2022-H2').map((b) => b.version)).toEqual([2, 1]);
    expect(list.items[0]!.files).toHaveLength(6);
    expect((await call('briefings', 'akimat.aktobe')).status).toBe(403);
  });
});
