// Budget requests on the seeded demo data: the 2022 lists' requests agree with the ministries'
// document (the 13 issues "to be considered at the refinement of the republican budget", 61,2 bn,
// have submitted requests under consideration; the 5 already funded, 20,2 bn, were approved),
// and the CSV table, the workbook's sheet and the briefing's paragraph (ru, kk, en) give the
// same figures as /api/v1/stats/budget-requests.
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { seedDemoData } from '../../prisma/seed/seed-demo';
import { createToken, userIdOf } from '../factories/users';
import { openAppDatabase, type AppDatabase } from '../support/database';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Figures = z.infer<typeof import('@/server/stats/response-schemas')['budgetRequestsResponse']>;

let database: AppDatabase;
let pool: pg.Pool;
let headers: Record<string, string>;
const mods: Record<string, Record<string, Handler>> = {};
const ROUTES = { stats: 'stats/budget-requests', csv: 'exports/csv/[table]', workbook: 'exports/workbook', briefing: 'exports/briefing' } as const;

beforeAll(async () => {
  database = await openAppDatabase();
  expect((await seedDemoData(database.url)).seeded).toBe(true);
  pool = database.pool;
  headers = (await createToken(pool, await userIdOf(pool, 'analyst'))).headers;
  for (const [key, route] of Object.entries(ROUTES)) mods[key] = (await import(path.resolve(`src/app/api/v1/${route}/route.ts`))) as Record<string, Handler>;
});

afterAll(() => database?.close());

async function call(key: keyof typeof ROUTES, query: string, params: Record<string, string> = {}) {
  const response = await mods[key]!.GET!(new Request(`http://localhost/api/v1/${ROUTES[key]}${query}`, { headers }), { params: Promise.resolve(params) });
  expect(response.status).toBe(200);
  return response;
}
const stats = async (query: string) => (await (await call('stats', query)).json()) as Figures;
const norm = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

describe('the demo data', () => {
  it('2022-H2: the list’s 13 issues to be considered at the refinement have requests under consideration, the 5 funded were approved', async () => {
    const f = await stats('?period=2022-H2');
    expect(f.pending).toEqual({ count: 13, amountKzt: 61_200_000_000 });
    expect(f.approved).toEqual({ count: 5, amountKzt: 20_200_000_000, approvedKzt: 20_200_000_000 });
    expect(f.requested).toEqual({ count: 18, amountKzt: 81_400_000_000 });
    expect(f.partiallyApproved.count + f.rejected.count + f.withdrawn.count).toBe(0);
    expect(f.list).toEqual({ entries: 62, withRequest: 18, share: 18 / 62 });
    // Each pending request covers one of the list's issues "to be considered at the refinement", with its amount.
    const { rows } = await pool.query(`
      SELECT count(*)::int AS n FROM budget_request r JOIN budget_request_issue bi ON bi.request_id = r.id
      JOIN escalation e ON e.issue_id = bi.issue_id AND e.year = 2022 AND e.half = 2
      WHERE r.status = 'SUBMITTED' AND e.disposition = 'CONSIDER_AT_BUDGET_REFINEMENT' AND e.republican_amount_kzt = r.amount_kzt AND e.central_body_id = r.central_body_id`);
    expect(rows[0].n).toBe(13);
  });

  it('the whole of 2022, and 2023-H1 with every outcome', async () => {
    const year = await stats('?period=2022');
    expect(year.requested.count).toBe(18);
    expect(year.list.entries).toBe(76);
    const h1 = await stats('?period=2023-H1');
    for (const k of ['pending', 'approved', 'partiallyApproved', 'rejected', 'withdrawn'] as const) expect(h1[k].count, k).toBeGreaterThan(0);
    expect(h1.partiallyApproved.approvedKzt).toBeLessThan(h1.partiallyApproved.amountKzt);
    expect(h1.medianDaysToDecision).not.toBeNull();
  });
});

describe('the figures add up', () => {
  it('regions and bodies to the whole, the two halves to the year', async () => {
    const sumOf = (rows: Figures['byRegion'], k: 'requested' | 'pending' | 'withdrawn' | 'rejected') =>
      rows.reduce((t, r) => ({ count: t.count + r[k].count, amountKzt: t.amountKzt + r[k].amountKzt }), { count: 0, amountKzt: 0 });
    const [h1, h2, year] = await Promise.all([stats('?period=2023-H1'), stats('?period=2022-H2'), stats('?period=2022')]);
    for (const f of [h1, h2, year]) {
      for (const k of ['requested', 'pending', 'withdrawn'] as const) {
        expect(sumOf(f.byRegion, k), k).toEqual(f[k]);
        expect(sumOf(f.byBody, k), k).toEqual(f[k]);
      }
      expect(f.byRegion.reduce((t, r) => t + r.approvedTotalKzt, 0)).toBe(f.approvedTotalKzt);
    }
    const h1of2022 = await stats('?period=2022-H1&asOf=2022-12-31');
    expect(h1of2022.requested.count + h2.requested.count).toBe(year.requested.count);
    expect(h1of2022.list.entries + h2.list.entries).toBe(year.list.entries);
  });
});

describe('the exports give the API’s figures', () => {
  it('the CSV table', async () => {
    const f = await stats('?period=2023-H1&lang=ru');
    const text = (Buffer.from(await (await call('csv', '?period=2023-H1&delimiter=%3B&lang=ru', { table: 'budget-requests' })).arrayBuffer())).toString('utf8').replace(/^\ufeff/, '');
    const lines = text.split('\r\n').map((l) => l.split(';'));
    const total = lines.find((l) => l[1] === 'Итого')!;
    const r = f;
    expect(total.slice(2, 16).map((v) => (v === '' ? null : Number(v)))).toEqual([
      r.requested.count, r.requested.amountKzt, r.approved.count, r.approved.approvedKzt, r.partiallyApproved.count, r.partiallyApproved.amountKzt, r.partiallyApproved.approvedKzt,
      r.pending.count, r.pending.amountKzt, r.rejected.count, r.rejected.amountKzt, r.withdrawn.count, r.withdrawn.amountKzt, r.medianDaysToDecision,
    ]);
    for (const region of f.byRegion) {
      const line = lines.find((l) => l[0] === region.code)!;
      expect(Number(line[3])).toBe(region.requested.amountKzt);
    }
  });

  it('the workbook’s sheet', async () => {
    const f = await stats('?period=2022-H2&lang=en');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await (await call('workbook', '?period=2022-H2&lang=en')).arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Budget requests')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const total = rows.find((r) => r[1] === 'Total')!;
    expect(total.slice(2, 4)).toEqual([f.requested.count, f.requested.amountKzt]);
    expect(total[9]).toBe(f.pending.count);
    expect(total[10]).toBe(f.pending.amountKzt);
    expect(rows.find((r) => r[1] === 'Share of the list’s issues with a request')![2]).toBeCloseTo(f.list.share!, 10);
    expect(rows.filter((r) => f.byBody.some((b) => b.code === r[0])).length).toBe(f.byBody.length);
  });

  it('the briefing’s paragraph after the central-level list, in ru, kk and en', async () => {
    const text = async (lang: string) => {
      const buf = Buffer.from(await (await call('briefing', `?period=2022-H2&format=docx&lang=${lang}`)).arrayBuffer());
      const xml = await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string');
      return norm(xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, ''));
    };
    const ru = await text('ru');
    expect(ru).toContain(norm('За 2 полугодие 2022 года акиматами в центральные государственные органы внесено 18 бюджетных заявок на 81,4 млрд. тенге, из них одобрено 5 на 20,2 млрд. тенге, на рассмотрении 13 на 61,2 млрд. тенге; по 44 вопросам перечня заявки не внесены.'));
    expect(ru.indexOf('бюджетных заявок')).toBeGreaterThan(ru.indexOf('отобраны 6 вопросов'));
    expect(await text('kk')).toContain(norm('81,4 млрд теңге сомасына 18 бюджеттік өтінім енгізді'));
    expect(await text('en')).toContain(norm('akimats filed 18 budget requests with central state bodies for 81.4 billion tenge: 5 approved for 20.2 billion tenge, 13 under consideration for 61.2 billion tenge; for 44 issues of the list no request was filed.'));
  });
});
