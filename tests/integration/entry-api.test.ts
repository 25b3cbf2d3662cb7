// The write API end to end on its own database: each route four ways (valid; invalid, with
// the field named and nothing changed; out of scope; stale version), closed half-years,
// and 20 parallel saves of one record at one version (exactly one 200 and nineteen 409).
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAkim, createCategory, createReference, createRegion, type Reference } from '../factories/reference';
import { createToken, createUser } from '../factories/users';
import { openAppDatabase, hasRealServer, NEEDS_REAL_SERVER, type AppDatabase } from '../support/database';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

let database: AppDatabase;
let pool: pg.Pool;
let ref: Reference;
let otherAkim: number;
let categoryCode: string;
let otherCategory: string;
const auth: Record<'akimat' | 'ministry' | 'admin' | 'otherAkimat', Record<string, string>> = {} as never;
let routes: {
  meetings: { POST: Handler };
  meeting: { PATCH: Handler };
  issues: { POST: Handler };
  issue: { PATCH: Handler };
  status: { POST: Handler };
};

beforeAll(async () => {
  database = await openAppDatabase();
  pool = database.pool;
  ref = await createReference(pool);
  // A KATO code of nine digits, as real regions have (the factory's is shorter).
  await pool.query(`UPDATE region SET kato = '159999999' WHERE id = $1`, [ref.regionId]);
  const otherRegion = await createRegion(pool);
  otherAkim = await createAkim(pool, otherRegion);
  categoryCode = (await pool.query<{ code: string }>('SELECT code FROM issue_category WHERE id = $1', [ref.categoryId])).rows[0]!.code;
  otherCategory = (await pool.query<{ code: string }>('SELECT code FROM issue_category WHERE id = $1', [await createCategory(pool)])).rows[0]!.code;
  const users = {
    akimat: await createUser(pool, { role: 'AKIMAT_EDITOR', regionId: ref.regionId }),
    ministry: await createUser(pool, { role: 'MINISTRY_EDITOR', centralBodyId: ref.centralBodyId }),
    admin: await createUser(pool, { role: 'ADMIN', demo: true }),
    otherAkimat: await createUser(pool, { role: 'AKIMAT_EDITOR', regionId: otherRegion }),
  };
  for (const [k, u] of Object.entries(users)) auth[k as keyof typeof auth] = (await createToken(pool, u.id)).headers;
  routes = {
    meetings: await import('@/app/api/v1/meetings/route'),
    meeting: await import('@/app/api/v1/meetings/[id]/route'),
    issues: await import('@/app/api/v1/issues/route'),
    issue: await import('@/app/api/v1/issues/[id]/route'),
    status: await import('@/app/api/v1/issues/[id]/status/route'),
  } as never;
});

afterAll(() => database?.close());

async function send(handler: Handler, path: string, headers: Record<string, string>, body: unknown, id?: number, lang = 'ru') {
  const response = await handler(
    new Request(`http://localhost${path}?lang=${lang}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    { params: Promise.resolve((id ? { id: String(id) } : {}) as Record<string, string>) },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { errors?: Array<{ field: string; message: string }> } };
}

const akimMeeting = (overrides: Record<string, unknown> = {}) => ({
  kind: 'AKIM', officialId: ref.akimId, heldOn: '2024-03-15', venue: 'HOUSE_OF_CULTURE', attendance: 120,
  issues: [
    { categoryCode, description: 'Ремонт дороги по улице Абая', responsibleLevel: 'REGION' },
    { categoryCode, description: 'Освещение во дворе', responsibleLevel: 'DISTRICT' },
  ],
  ...overrides,
});

const count = async (table: string) => (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
const snapshot = async () => ({ meetings: await count('meeting'), issues: await count('raised_issue'), steps: await count('issue_status_change'), money: await count('budget_allocation'), audit: await count("audit_log WHERE action NOT IN ('access.denied')") });

async function newMeeting() {
  const r = await send(routes.meetings.POST, '/api/v1/meetings', auth.akimat, akimMeeting());
  expect(r.status).toBe(201);
  return r.body as { id: number; version: number; issueIds: number[] };
}

describe('POST /api/v1/meetings', () => {
  it('records an akim meeting with its issues, each RAISED on the meeting date, and one audit row', async () => {
    const before = await snapshot();
    const m = await newMeeting();
    expect(m.issueIds).toHaveLength(2);
    const { rows } = await pool.query(`SELECT i.status, i.raised_on::text, i.region_id, s.to_status, s.effective_on::text FROM raised_issue i JOIN issue_status_change s ON s.issue_id = i.id WHERE i.meeting_id = $1`, [m.id]);
    expect(rows).toEqual([
      { status: 'RAISED', raised_on: '2024-03-15', region_id: ref.regionId, to_status: 'RAISED', effective_on: '2024-03-15' },
      { status: 'RAISED', raised_on: '2024-03-15', region_id: ref.regionId, to_status: 'RAISED', effective_on: '2024-03-15' },
    ]);
    const after = await snapshot();
    expect(after).toEqual({ ...before, meetings: before.meetings + 1, issues: before.issues + 2, steps: before.steps + 2, audit: before.audit + 1 });
  });

  it('refuses a future date and a negative attendance naming the fields, in the asked language, and writes nothing', async () => {
    const before = await snapshot();
    const r = await send(routes.meetings.POST, '/api/v1/meetings', auth.akimat, akimMeeting({ heldOn: '2999-01-01', attendance: -3 }), undefined, 'en');
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual(expect.arrayContaining([
      { field: 'heldOn', message: 'The date cannot be in the future.' },
      { field: 'attendance', message: 'Enter a whole number, zero or more.' },
    ]));
    const ru = await send(routes.meetings.POST, '/api/v1/meetings', auth.akimat, akimMeeting({ heldOn: '2999-01-01' }));
    expect(ru.body.errors).toContainEqual({ field: 'heldOn', message: 'Дата не может быть в будущем.' });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an unknown category with 422 naming the issue row, and writes nothing', async () => {
    const before = await snapshot();
    const r = await send(routes.meetings.POST, '/api/v1/meetings', auth.akimat, akimMeeting({ issues: [{ categoryCode: 'NO_SUCH', description: 'x', responsibleLevel: 'REGION' }] }));
    expect(r.status).toBe(422);
    expect(r.body.errors?.[0]?.field).toBe('issues.0.categoryCode');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses another region’s akim (403) and a ministry editor recording an akim meeting (403)', async () => {
    const before = await snapshot();
    expect((await send(routes.meetings.POST, '/api/v1/meetings', auth.akimat, akimMeeting({ officialId: otherAkim }))).status).toBe(403);
    expect((await send(routes.meetings.POST, '/api/v1/meetings', auth.ministry, akimMeeting())).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('records a central meeting with checklist and receptions for the ministry editor', async () => {
    const kato = (await pool.query<{ kato: string }>('SELECT kato FROM region WHERE id = $1', [ref.regionId])).rows[0]!.kato;
    const r = await send(routes.meetings.POST, '/api/v1/meetings', auth.ministry, {
      kind: 'CENTRAL', officialId: ref.ministerId, regionKato: kato, heldOn: '2024-04-02', venue: 'CCS_PLATFORM', announcedOn: '2024-03-25',
      briefingHeld: true, questionsCollected: true, receptions: [{ heldOn: '2024-04-02', citizensReceived: 12, issuesVoiced: 9, issuesResolved: 4, issuesInExecution: 5 }],
      issues: [{ categoryCode, description: 'Школа в селе', responsibleLevel: 'CENTRAL' }],
    });
    expect(r.status).toBe(201);
    const { rows } = await pool.query('SELECT kind, central_body_id, briefing_held, (SELECT count(*)::int FROM personal_reception WHERE meeting_id = m.id) AS receptions FROM meeting m WHERE id = $1', [r.body.id]);
    expect(rows[0]).toEqual({ kind: 'CENTRAL', central_body_id: ref.centralBodyId, briefing_held: true, receptions: 1 });
  });
});

describe('PATCH /api/v1/meetings/{id}', () => {
  it('changes the date, moves its issues with it, and bumps the version', async () => {
    const m = await newMeeting();
    const r = await send(routes.meeting.PATCH, `/api/v1/meetings/${m.id}`, auth.akimat, { version: m.version, heldOn: '2024-03-10', outcomes: 'Решено на месте' }, m.id);
    expect(r).toMatchObject({ status: 200, body: { id: m.id, version: m.version + 1 } });
    const { rows } = await pool.query('SELECT DISTINCT raised_on::text FROM raised_issue WHERE meeting_id = $1', [m.id]);
    expect(rows).toEqual([{ raised_on: '2024-03-10' }]);
  });

  it('refuses a bad venue naming it (400), another region’s editor (403), a stale version (409), changing nothing', async () => {
    const m = await newMeeting();
    const read = async () => (await pool.query('SELECT version, venue, held_on::text FROM meeting WHERE id = $1', [m.id])).rows[0];
    const before = await read();
    const bad = await send(routes.meeting.PATCH, `/api/v1/meetings/${m.id}`, auth.akimat, { version: m.version, venue: 'BEACH' }, m.id);
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field)).toEqual(['venue']);
    expect((await send(routes.meeting.PATCH, `/api/v1/meetings/${m.id}`, auth.otherAkimat, { version: m.version, venue: 'ONLINE' }, m.id)).status).toBe(403);
    const stale = await send(routes.meeting.PATCH, `/api/v1/meetings/${m.id}`, auth.akimat, { version: m.version + 5, venue: 'ONLINE' }, m.id);
    expect(stale.status).toBe(409);
    expect(stale.body.errors?.[0]?.field).toBe('version');
    expect(await read()).toEqual(before);
  });
});

describe('issues', () => {
  it('POST /api/v1/issues adds an issue to a meeting; refuses a missing description, another region, an unknown meeting', async () => {
    const m = await newMeeting();
    const ok = await send(routes.issues.POST, '/api/v1/issues', auth.akimat, { meetingId: m.id, categoryCode: otherCategory, description: 'Вода', responsibleLevel: 'RURAL' });
    expect(ok.status).toBe(201);
    const before = await snapshot();
    const bad = await send(routes.issues.POST, '/api/v1/issues', auth.akimat, { meetingId: m.id, categoryCode, description: '  ', responsibleLevel: 'RURAL' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'description', message: 'Опишите вопрос.' }]);
    expect((await send(routes.issues.POST, '/api/v1/issues', auth.otherAkimat, { meetingId: m.id, categoryCode, description: 'x', responsibleLevel: 'RURAL' })).status).toBe(403);
    expect((await send(routes.issues.POST, '/api/v1/issues', auth.akimat, { meetingId: 2_000_000_000, categoryCode, description: 'x', responsibleLevel: 'RURAL' })).status).toBe(422);
    expect(await snapshot()).toEqual(before);
  });

  it('PATCH /api/v1/issues/{id} four ways', async () => {
    const m = await newMeeting();
    const id = m.issueIds[0]!;
    const ok = await send(routes.issue.PATCH, `/api/v1/issues/${id}`, auth.akimat, { version: 1, description: 'Капитальный ремонт дороги' }, id);
    expect(ok).toMatchObject({ status: 200, body: { version: 2 } });
    const read = async () => (await pool.query('SELECT version, description, responsible_level FROM raised_issue WHERE id = $1', [id])).rows[0];
    const before = await read();
    const bad = await send(routes.issue.PATCH, `/api/v1/issues/${id}`, auth.akimat, { version: 2, responsibleLevel: 'GALAXY' }, id);
    expect(bad.body.errors?.map((e) => e.field)).toEqual(['responsibleLevel']);
    expect((await send(routes.issue.PATCH, `/api/v1/issues/${id}`, auth.ministry, { version: 2, description: 'x' }, id)).status).toBe(403);
    expect((await send(routes.issue.PATCH, `/api/v1/issues/${id}`, auth.akimat, { version: 1, description: 'x' }, id)).status).toBe(409);
    expect(await read()).toEqual(before);
  });

  it('POST /api/v1/issues/{id}/status four ways, keeping status and resolved_on equal to the history', async () => {
    const m = await newMeeting();
    const id = m.issueIds[0]!;
    const ok = await send(routes.status.POST, `/api/v1/issues/${id}/status`, auth.akimat, { version: 1, toStatus: 'RESOLVED', effectiveOn: '2024-05-20', comment: 'Отремонтировано' }, id);
    expect(ok).toMatchObject({ status: 201, body: { version: 2 } });
    const read = async () => (await pool.query(`SELECT status, resolved_on::text, version, (SELECT count(*)::int FROM issue_status_change WHERE issue_id = $1) AS steps FROM raised_issue WHERE id = $1`, [id])).rows[0];
    expect(await read()).toEqual({ status: 'RESOLVED', resolved_on: '2024-05-20', version: 2, steps: 2 });
    const before = await read();
    // Reopening without a reason, and a date before the issue was raised, are refused with the field named.
    const noReason = await send(routes.status.POST, `/api/v1/issues/${id}/status`, auth.akimat, { version: 2, toStatus: 'IN_EXECUTION', effectiveOn: '2024-06-01' }, id);
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors?.map((e) => e.field)).toEqual(['comment']);
    const early = await send(routes.status.POST, `/api/v1/issues/${m.issueIds[1]}/status`, auth.akimat, { version: 1, toStatus: 'IN_EXECUTION', effectiveOn: '2024-01-01' }, m.issueIds[1]);
    expect(early.body.errors).toEqual([{ field: 'effectiveOn', message: 'Дата не может быть раньше дня, когда вопрос был поднят.' }]);
    const notAllowed = await send(routes.status.POST, `/api/v1/issues/${id}/status`, auth.akimat, { version: 2, toStatus: 'ESCALATED', effectiveOn: '2024-06-01' }, id);
    expect(notAllowed.body.errors?.map((e) => e.field)).toEqual(['toStatus']);
    expect((await send(routes.status.POST, `/api/v1/issues/${id}/status`, auth.otherAkimat, { version: 2, toStatus: 'IN_EXECUTION', effectiveOn: '2024-06-01', comment: 'x' }, id)).status).toBe(403);
    expect((await send(routes.status.POST, `/api/v1/issues/${id}/status`, auth.akimat, { version: 1, toStatus: 'IN_EXECUTION', effectiveOn: '2024-06-01', comment: 'x' }, id)).status).toBe(409);
    expect(await read()).toEqual(before);
  });
});

describe('closed half-years', () => {
  it('refuses changes dated in a closed half-year with the field named, until an admin reopens it', async () => {
    const m = await newMeeting();
    const { db } = await import('@/server/db/client');
    const { closeHalfYear, reopenHalfYear } = await import('@/server/records/closing');
    const admin = { userId: (await pool.query<{ id: number }>(`SELECT id FROM app_user WHERE role = 'ADMIN' LIMIT 1`)).rows[0]!.id, role: 'ADMIN' as const, ip: null };
    await db().$transaction((tx) => closeHalfYear(tx, { year: 2024, half: 1 }, admin, 'hand'));
    const refused = await send(routes.meetings.POST, '/api/v1/meetings', auth.akimat, akimMeeting({ heldOn: '2024-02-01' }));
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.[0]?.field).toBe('heldOn');
    expect(refused.body.errors?.[0]?.message).toMatch(/Полугодие этой даты закрыто/);
    const patch = await send(routes.meeting.PATCH, `/api/v1/meetings/${m.id}`, auth.akimat, { version: m.version, heldOn: '2024-08-01' }, m.id);
    expect(patch.status).toBe(422);
    // A status change effective in an open half-year is still allowed for an issue raised in a closed one.
    expect((await send(routes.status.POST, `/api/v1/issues/${m.issueIds[0]}/status`, auth.akimat, { version: 1, toStatus: 'IN_EXECUTION', effectiveOn: '2024-07-02' }, m.issueIds[0])).status).toBe(201);
    expect((await send(routes.status.POST, `/api/v1/issues/${m.issueIds[1]}/status`, auth.akimat, { version: 1, toStatus: 'IN_EXECUTION', effectiveOn: '2024-06-02' }, m.issueIds[1])).status).toBe(422);
    await db().$transaction((tx) => reopenHalfYear(tx, { year: 2024, half: 1, reason: 'Исправление данных' }, admin));
    expect((await send(routes.meetings.POST, '/api/v1/meetings', auth.akimat, akimMeeting({ heldOn: '2024-02-01' }))).status).toBe(201);
    const audit = await pool.query(`SELECT action FROM audit_log WHERE entity = 'closed_period' ORDER BY id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['period.close', 'period.reopen']);
    await expect(db().$transaction((tx) => reopenHalfYear(tx, { year: 2024, half: 1, reason: 'x' }, { ...admin, role: 'MANAGER' }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Finding 10: a manager closes only through the briefing, and nobody closes a half-year still running.
    const manager = { ...admin, role: 'MANAGER' as const };
    await expect(db().$transaction((tx) => closeHalfYear(tx, { year: 2023, half: 2 }, manager, 'hand'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(db().$transaction((tx) => closeHalfYear(tx, { year: 2100, half: 1 }, manager, 'briefing'))).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(db().$transaction((tx) => closeHalfYear(tx, { year: 2100, half: 1 }, admin, 'hand'))).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe.skipIf(!hasRealServer)(`concurrency ${hasRealServer ? '' : NEEDS_REAL_SERVER}`, () => {
  it('20 parallel saves of one meeting at one version: exactly one 200 and nineteen 409', async () => {
    const m = await newMeeting();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        send(routes.meeting.PATCH, `/api/v1/meetings/${m.id}`, auth.akimat, { version: m.version, attendance: 200 + i }, m.id)),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const winner = results.find((r) => r.status === 200)!;
    const { rows } = await pool.query('SELECT version, attendance FROM meeting WHERE id = $1', [m.id]);
    expect(rows[0].version).toBe(m.version + 1);
    expect((await pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'meeting.update' AND entity_id = $1`, [String(m.id)])).rows[0].n).toBe(1);
    expect(winner.body.version).toBe(m.version + 1);
  });

  it('20 parallel status changes of one issue at one version: exactly one 201 and nineteen 409', async () => {
    const m = await newMeeting();
    const id = m.issueIds[0]!;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => send(routes.status.POST, `/api/v1/issues/${id}/status`, auth.akimat, { version: 1, toStatus: 'IN_EXECUTION', effectiveOn: '2024-04-01' }, id)),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    expect((await pool.query('SELECT count(*)::int AS n FROM issue_status_change WHERE issue_id = $1', [id])).rows[0].n).toBe(2);
  });
});
