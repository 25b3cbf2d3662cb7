// Budget requests end to end on their own database: the akimat drafts, changes and submits
// through the API, the addressed body decides, the akimat may withdraw; who may do what
// (refusals audited), stale versions, the decision's rules; then the figures of
// /api/v1/stats/budget-requests against the same questions asked in SQL here, as of dates
// before and after each decision.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createBudgetRequest } from '../factories/budget-requests';
import { createEscalation } from '../factories/escalations';
import { createIssue, createMeeting } from '../factories/issues';
import { codeOf, createCentralBody, createReference, createRegion, setKato, type Reference } from '../factories/reference';
import { createToken, createUser } from '../factories/users';
import { openAppDatabase, type AppDatabase } from '../support/database';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Figures = z.infer<typeof import('@/server/stats/response-schemas')['budgetRequestsResponse']>;

let database: AppDatabase;
let pool: pg.Pool;
let ref: Reference;
let bodyCode: string;
let otherBodyId: number;
const auth: Record<'akimat' | 'otherAkimat' | 'ministry' | 'otherMinistry' | 'analyst', Record<string, string>> = {} as never;
const users: Record<string, number> = {};
let routes: { create: { POST: Handler }; one: { PATCH: Handler }; submit: { POST: Handler }; withdraw: { POST: Handler }; decision: { POST: Handler }; stats: { GET: Handler } };
let schema: z.ZodType;

beforeAll(async () => {
  database = await openAppDatabase();
  pool = database.pool;
  ref = await createReference(pool);
  await setKato(pool, ref.regionId, '159999997');
  const otherRegion = await createRegion(pool);
  otherBodyId = await createCentralBody(pool);
  bodyCode = await codeOf(pool, 'central_body', ref.centralBodyId);
  const made = {
    akimat: await createUser(pool, { role: 'AKIMAT_EDITOR', regionId: ref.regionId }),
    otherAkimat: await createUser(pool, { role: 'AKIMAT_EDITOR', regionId: otherRegion }),
    ministry: await createUser(pool, { role: 'MINISTRY_EDITOR', centralBodyId: ref.centralBodyId }),
    otherMinistry: await createUser(pool, { role: 'MINISTRY_EDITOR', centralBodyId: otherBodyId }),
    analyst: await createUser(pool, { role: 'ANALYST' }),
  };
  for (const [k, u] of Object.entries(made)) {
    users[k] = u.id;
    auth[k as keyof typeof auth] = (await createToken(pool, u.id)).headers;
  }
  routes = {
    create: await import('@/app/api/v1/budget-requests/route'),
    one: await import('@/app/api/v1/budget-requests/[id]/route'),
    submit: await import('@/app/api/v1/budget-requests/[id]/submit/route'),
    withdraw: await import('@/app/api/v1/budget-requests/[id]/withdraw/route'),
    decision: await import('@/app/api/v1/budget-requests/[id]/decision/route'),
    stats: await import('@/app/api/v1/stats/budget-requests/route'),
  } as never;
  schema = (await import('@/server/stats/response-schemas')).budgetRequestsResponse;
});

afterAll(() => database?.close());

async function send(handler: Handler, who: keyof typeof auth, body: unknown, id?: number, method = 'POST') {
  const response = await handler(
    new Request(`http://localhost/api/v1/budget-requests?lang=ru`, { method, headers: { ...auth[who], 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    { params: Promise.resolve((id ? { id: String(id) } : {}) as Record<string, string>) },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { errors?: Array<{ field: string; message: string }> } };
}

async function figures(query: string, who: keyof typeof auth = 'analyst'): Promise<Figures> {
  const response = await routes.stats.GET(new Request(`http://localhost/api/v1/stats/budget-requests?${query}`, { headers: auth[who] }), { params: Promise.resolve({}) });
  const body = await response.json();
  expect(response.status, JSON.stringify(body).slice(0, 300)).toBe(200);
  const parsed = schema.safeParse(body);
  expect(parsed.success, parsed.error?.message).toBe(true);
  return body as Figures;
}

const state = async (id: number) => (await pool.query(
  `SELECT status, version, amount_kzt::text AS amount, approved_amount_kzt::text AS approved, rejection_reason AS reason, submitted_on::text AS submitted, decided_on::text AS decided,
    (SELECT count(*)::int FROM budget_request_status_change WHERE request_id = r.id) AS steps FROM budget_request r WHERE id = $1`, [id])).rows[0];
const denials = async (userId: number) => (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'access.denied' AND user_id = $1`, [userId])).rows[0]!.n;
const audits = async (id: number) => (await pool.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'budget_request' AND entity_id = $1 AND action <> 'access.denied' ORDER BY id`, [String(id)])).rows.map((r) => r.action);

describe('the workflow through the API', () => {
  let issueId: number;
  let id: number;

  it('the akimat drafts, changes and submits; each step audited', async () => {
    const meeting = await createMeeting(pool, ref, { heldOn: '2024-02-10' });
    issueId = (await createIssue(pool, ref, meeting)).id;
    const created = await send(routes.create.POST, 'akimat', { centralBodyCode: bodyCode, amountKzt: 800_000_000, issueIds: [issueId], note: 'Строительство школы' });
    expect(created.status).toBe(201);
    id = created.body.id as number;
    expect(await send(routes.create.POST, 'ministry', { centralBodyCode: bodyCode, amountKzt: 1, issueIds: [] })).toMatchObject({ status: 403 });
    expect(await send(routes.one.PATCH, 'akimat', { version: 1, centralBodyCode: bodyCode, amountKzt: 1_000_000_000, issueIds: [issueId] }, id, 'PATCH')).toMatchObject({ status: 200, body: { version: 2 } });
    expect(await send(routes.one.PATCH, 'akimat', { version: 1, centralBodyCode: bodyCode, amountKzt: 5, issueIds: [] }, id, 'PATCH')).toMatchObject({ status: 409 });
    expect(await send(routes.one.PATCH, 'otherAkimat', { version: 2, centralBodyCode: bodyCode, amountKzt: 5, issueIds: [] }, id, 'PATCH')).toMatchObject({ status: 403 });
    expect(await send(routes.submit.POST, 'akimat', { version: 2, submittedOn: '2024-03-01' }, id)).toMatchObject({ status: 200, body: { version: 3, status: 'SUBMITTED' } });
    expect(await state(id)).toMatchObject({ status: 'SUBMITTED', submitted: '2024-03-01', amount: '1000000000', steps: 1 });
    // What the akimat asked is fixed once submitted.
    const fixed = await send(routes.one.PATCH, 'akimat', { version: 3, centralBodyCode: bodyCode, amountKzt: 2_000_000_000, issueIds: [issueId] }, id, 'PATCH');
    expect(fixed.status).toBe(422);
    expect(fixed.body.errors).toEqual([{ field: 'amountKzt', message: expect.stringContaining('Заявка уже подана') }]);
    expect(await audits(id)).toEqual(['budget_request.create', 'budget_request.update', 'budget_request.submit']);
  });

  it('an akimat editor cannot approve (403, audited); another ministry cannot (403, audited); the addressed one can', async () => {
    const decision = { version: 3, decision: 'APPROVED', effectiveOn: '2024-04-15' };
    const before = await state(id);
    const akimatDenials = await denials(users.akimat!);
    expect(await send(routes.decision.POST, 'akimat', decision, id)).toMatchObject({ status: 403 });
    expect(await denials(users.akimat!)).toBe(akimatDenials + 1);
    const otherDenials = await denials(users.otherMinistry!);
    expect(await send(routes.decision.POST, 'otherMinistry', decision, id)).toMatchObject({ status: 403 });
    expect(await denials(users.otherMinistry!)).toBe(otherDenials + 1);
    // The body cannot change what was asked, nor withdraw it.
    expect(await send(routes.one.PATCH, 'ministry', { version: 3, centralBodyCode: bodyCode, amountKzt: 1, issueIds: [] }, id, 'PATCH')).toMatchObject({ status: 403 });
    expect(await send(routes.withdraw.POST, 'ministry', { version: 3, effectiveOn: '2024-04-01', reason: 'x' }, id)).toMatchObject({ status: 403 });
    expect(await state(id)).toEqual(before);

    // A partial approval carries its amount, below what was asked.
    const partial = { version: 3, decision: 'PARTIALLY_APPROVED', effectiveOn: '2024-04-15' };
    expect((await send(routes.decision.POST, 'ministry', partial, id)).body.errors).toEqual([{ field: 'approvedAmountKzt', message: 'Укажите одобренную сумму.' }]);
    expect(await send(routes.decision.POST, 'ministry', { ...partial, approvedAmountKzt: 1_000_000_000 }, id)).toMatchObject({ status: 422 });
    expect(await send(routes.decision.POST, 'ministry', { ...partial, approvedAmountKzt: 600_000_000, effectiveOn: '2024-02-20' }, id)).toMatchObject({ status: 422 });
    expect(await send(routes.decision.POST, 'ministry', { version: 3, decision: 'REJECTED', effectiveOn: '2024-04-15' }, id)).toMatchObject({ status: 422 });
    expect(await send(routes.decision.POST, 'ministry', { ...partial, approvedAmountKzt: 600_000_000, version: 2 }, id)).toMatchObject({ status: 409 });
    expect(await state(id)).toEqual(before);
    const ok = await send(routes.decision.POST, 'ministry', { ...partial, approvedAmountKzt: 600_000_000 }, id);
    expect(ok).toMatchObject({ status: 200, body: { version: 4, status: 'PARTIALLY_APPROVED', approvedAmountKzt: '600000000' } });
    expect(await state(id)).toMatchObject({ status: 'PARTIALLY_APPROVED', approved: '600000000', decided: '2024-04-15', steps: 2 });
    // Once decided, the akimat can no longer withdraw it.
    expect(await send(routes.withdraw.POST, 'akimat', { version: 4, effectiveOn: '2024-05-01', reason: 'Передумали' }, id)).toMatchObject({ status: 422 });
    expect(await audits(id)).toEqual(['budget_request.create', 'budget_request.update', 'budget_request.submit', 'budget_request.decide']);
  });

  it('a withdrawal needs its reason and ends the request', async () => {
    const r = await send(routes.create.POST, 'akimat', { centralBodyCode: bodyCode, amountKzt: 300_000_000, issueIds: [issueId] });
    const rid = r.body.id as number;
    expect(await send(routes.withdraw.POST, 'akimat', { version: 1, effectiveOn: '2024-03-05', reason: 'Не подана' }, rid)).toMatchObject({ status: 422 });
    expect(await send(routes.submit.POST, 'akimat', { version: 1, submittedOn: '2024-03-02' }, rid)).toMatchObject({ status: 200 });
    expect(await send(routes.withdraw.POST, 'akimat', { version: 2, effectiveOn: '2024-03-05', reason: '' }, rid)).toMatchObject({ status: 400 });
    expect(await send(routes.withdraw.POST, 'akimat', { version: 2, effectiveOn: '2024-03-05', reason: 'Решено за счёт МБ' }, rid)).toMatchObject({ status: 200, body: { status: 'WITHDRAWN' } });
    expect(await send(routes.decision.POST, 'ministry', { version: 3, decision: 'APPROVED', effectiveOn: '2024-03-06' }, rid)).toMatchObject({ status: 422 });
    const step = (await pool.query(`SELECT to_status, comment FROM budget_request_status_change WHERE request_id = $1 ORDER BY id DESC LIMIT 1`, [rid])).rows[0];
    expect(step).toEqual({ to_status: 'WITHDRAWN', comment: 'Решено за счёт МБ' });
  });
});

describe('the figures', () => {
  // A region and a body of their own, so the workflow's requests above do not count here.
  let regionKato: string;
  let region: number;
  let body: number;
  let bodyOf: string;
  let entries: number[];

  beforeAll(async () => {
    region = await createRegion(pool);
    regionKato = await setKato(pool, region, '159999996');
    body = await createCentralBody(pool);
    bodyOf = await codeOf(pool, 'central_body', body);
    const own = { ...ref, regionId: region };
    const meeting = await createMeeting(pool, own, { heldOn: '2023-07-05' });
    entries = [];
    for (let i = 0; i < 5; i++) entries.push((await createIssue(pool, own, meeting)).id);
    for (const i of entries) await createEscalation(pool, { issueId: i, year: 2023, half: 2, centralBodyId: body, includedOn: '2023-07-20' });
    const at = { regionId: region, centralBodyId: body };
    // Pending; approved in full; approved in part (600 of 1000 mln), decided on 10 October; rejected for want of documents; withdrawn; a draft.
    await createBudgetRequest(pool, { ...at, amountKzt: 100_000_000n, issueIds: [entries[0]!], steps: [{ to: 'SUBMITTED', on: '2023-08-01' }] });
    await createBudgetRequest(pool, { ...at, amountKzt: 200_000_000n, issueIds: [entries[1]!], steps: [{ to: 'SUBMITTED', on: '2023-08-01' }, { to: 'APPROVED', on: '2023-08-21' }] });
    await createBudgetRequest(pool, { ...at, amountKzt: 1_000_000_000n, issueIds: [entries[2]!], steps: [{ to: 'SUBMITTED', on: '2023-09-01' }, { to: 'PARTIALLY_APPROVED', on: '2023-10-10', approvedKzt: 600_000_000n }] });
    await createBudgetRequest(pool, { ...at, amountKzt: 50_000_000n, steps: [{ to: 'SUBMITTED', on: '2023-09-10' }, { to: 'REJECTED', on: '2023-09-30', reason: 'NO_DOCUMENTATION' }] });
    await createBudgetRequest(pool, { ...at, amountKzt: 70_000_000n, issueIds: [entries[3]!], steps: [{ to: 'SUBMITTED', on: '2023-09-12' }, { to: 'WITHDRAWN', on: '2023-09-20', comment: 'МБ' }] });
    await createBudgetRequest(pool, { ...at, amountKzt: 999_000_000n, issueIds: [entries[4]!] });
  });

  it('count and amount by status; a partial approval carries its amount and the figures sum it', async () => {
    const f = await figures(`period=2023-H2&region=${regionKato}`);
    expect(f.requested).toEqual({ count: 5, amountKzt: 1_420_000_000 });
    expect(f.pending).toEqual({ count: 1, amountKzt: 100_000_000 });
    expect(f.approved).toEqual({ count: 1, amountKzt: 200_000_000, approvedKzt: 200_000_000 });
    expect(f.partiallyApproved).toEqual({ count: 1, amountKzt: 1_000_000_000, approvedKzt: 600_000_000 });
    expect(f.approvedTotalKzt).toBe(800_000_000);
    expect(f.rejected.count).toBe(1);
    expect(f.rejected.byReason.NO_DOCUMENTATION).toEqual({ count: 1, amountKzt: 50_000_000 });
    expect(f.rejected.byReason.OTHER).toEqual({ count: 0, amountKzt: 0 });
    expect(f.withdrawn).toEqual({ count: 1, amountKzt: 70_000_000 });
    // Days to the first decision: 20, 39 and 20 → median 20.
    expect(f.medianDaysToDecision).toBe(20);
    // Five list entries; three have a live request (the withdrawn one and the draft do not count).
    expect(f.list).toEqual({ entries: 5, withRequest: 3, share: 0.6 });
    expect(f.byRegion).toEqual([expect.objectContaining({ code: regionKato, requested: f.requested, approvedTotalKzt: 800_000_000 })]);
    expect(f.byBody.map((b) => b.code)).toEqual([bodyOf]);
  });

  it('asOf before a decision shows the request as pending; before its submission, not at all', async () => {
    const before = await figures(`period=2023-H2&region=${regionKato}&asOf=2023-10-09`);
    expect(before.partiallyApproved).toEqual({ count: 0, amountKzt: 0, approvedKzt: 0 });
    expect(before.pending).toEqual({ count: 2, amountKzt: 1_100_000_000 });
    expect(before.approvedTotalKzt).toBe(200_000_000);
    const early = await figures(`period=2023-H2&region=${regionKato}&asOf=2023-08-15`);
    expect(early.requested).toEqual({ count: 2, amountKzt: 300_000_000 });
    expect(early.pending.count).toBe(2);
    expect(early.medianDaysToDecision).toBeNull();
    expect(early.list.withRequest).toBe(2);
  });

  it('agree with the same questions asked in SQL', async () => {
    const f = await figures(`period=2023-H2&body=${bodyOf}`);
    const sql = (await pool.query(`
      WITH s AS (
        SELECT r.id, r.amount_kzt,
          (SELECT min(h.effective_on) FROM budget_request_status_change h WHERE h.request_id = r.id AND h.to_status = 'SUBMITTED') AS submitted,
          (SELECT h.to_status FROM budget_request_status_change h WHERE h.request_id = r.id ORDER BY h.effective_on DESC, h.id DESC LIMIT 1) AS status,
          (SELECT h.approved_amount_kzt FROM budget_request_status_change h WHERE h.request_id = r.id ORDER BY h.effective_on DESC, h.id DESC LIMIT 1) AS approved
        FROM budget_request r WHERE r.central_body_id = $1)
      SELECT count(*)::int AS n, sum(amount_kzt)::bigint::text AS amount, sum(approved)::bigint::text AS approved,
        count(*) FILTER (WHERE status = 'SUBMITTED')::int AS pending
      FROM s WHERE submitted BETWEEN '2023-07-01' AND '2023-12-31'`, [body])).rows[0];
    expect(f.requested).toEqual({ count: sql.n, amountKzt: Number(sql.amount) });
    expect(f.approvedTotalKzt).toBe(Number(sql.approved));
    expect(f.pending.count).toBe(sql.pending);
  });

  it('a ministry editor reads the national figures; a region needs regional rights', async () => {
    await figures('period=2023-H2', 'ministry');
    const response = await routes.stats.GET(new Request(`http://localhost/api/v1/stats/budget-requests?period=2023-H2&region=${regionKato}`, { headers: auth.ministry }), { params: Promise.resolve({}) });
    expect(response.status).toBe(403);
  });
});
