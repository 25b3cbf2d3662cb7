// The JSON API's access rules end to end: every demo role, no session, and a token, against
// the health probe and the records routes, each answer as the policy table and the record
// scope say. Route handlers are called directly on the seeded demo database.
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type Permission } from '@/server/access/policy';
import { DEMO_USERS } from '../../prisma/seed/demo-users';
import { seedDemoData } from '../../prisma/seed/seed-demo';
import { createSession, createToken, userIdOf } from '../factories/users';
import { openAppDatabase, type AppDatabase } from '../support/database';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Username = (typeof DEMO_USERS)[number]['username'];

const API_ROOT = path.resolve('src/app/api/v1');
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

let database: AppDatabase;
let pool: pg.Pool;
const routes = new Map<string, Record<string, unknown>>();
let routePolicies: Map<string, Permission>;

/** Who asks: each demo account by session cookie, nobody, and the aktobe editor's API token. */
type Principal = { name: string; user: Username | null; auth: 'session' | 'none' | 'token'; headers: Record<string, string> };
const principals: Principal[] = [
  ...DEMO_USERS.map((u): Principal => ({ name: u.username, user: u.username, auth: 'session', headers: {} })),
  { name: 'no session', user: null, auth: 'none', headers: {} },
  { name: 'token of akimat.aktobe', user: 'akimat.aktobe', auth: 'token', headers: {} },
];

/** Demo records, one of each kind of scope; the lists name the demo accounts that may read them. */
type Sample = 'almatyAkim' | 'aktobeAkim' | 'educationCentral' | 'otherCentralInAktobe';
const NATIONAL: Username[] = ['admin', 'analyst', 'manager'];
const SEEN_BY: Record<Sample, Username[]> = {
  almatyAkim: [...NATIONAL, 'akimat.almaty'],
  aktobeAkim: [...NATIONAL, 'akimat.aktobe'],
  educationCentral: [...NATIONAL, 'ministry.education'],
  otherCentralInAktobe: NATIONAL,
};
const samples = {} as Record<Sample, { meetingId: number; issueId: number }>;

const SAMPLE_SQL: Record<Sample, string> = {
  almatyAkim: `m.kind = 'AKIM' AND r.kato = '750000000'`,
  aktobeAkim: `m.kind = 'AKIM' AND r.kato = '150000000'`,
  educationCentral: `m.kind = 'CENTRAL' AND b.code = 'EDUCATION'`,
  otherCentralInAktobe: `m.kind = 'CENTRAL' AND r.kato = '150000000' AND b.code <> 'EDUCATION'`,
};

/** A live meeting matching `where`, and an issue of it (added when it has none: central meetings of the demo data have none). */
async function sampleOf(where: string) {
  const { rows } = await pool.query<{ meeting_id: number; issue_id: number | null }>(
    `SELECT m.id AS meeting_id, min(i.id) AS issue_id
     FROM meeting m JOIN region r ON r.id = m.region_id LEFT JOIN central_body b ON b.id = m.central_body_id
     LEFT JOIN raised_issue i ON i.meeting_id = m.id AND i.deleted_at IS NULL
     WHERE m.deleted_at IS NULL AND ${where} GROUP BY m.id ORDER BY count(i.id) DESC, m.id LIMIT 1`,
  );
  if (!rows[0]) throw new Error(`the demo data has no meeting where ${where}`);
  const meetingId = rows[0].meeting_id;
  if (rows[0].issue_id !== null) return { meetingId, issueId: rows[0].issue_id };
  const issue = await pool.query<{ id: number }>(
    `INSERT INTO raised_issue (meeting_id, category_id, description, responsible_level, meeting_kind, region_id, raised_on)
     SELECT m.id, (SELECT min(id) FROM issue_category), 'Test issue', 'CENTRAL', m.kind, m.region_id, m.held_on FROM meeting m WHERE m.id = $1
     RETURNING id`,
    [meetingId],
  );
  const issueId = issue.rows[0]!.id;
  await pool.query(
    `INSERT INTO issue_status_change (issue_id, to_status, effective_on) SELECT id, 'RAISED', raised_on FROM raised_issue WHERE id = $1`,
    [issueId],
  );
  return { meetingId, issueId };
}

/** The route string a file's handlers must be registered under: its folder, with [id] as {id}. */
function routeOfFile(file: string): string {
  const dir = path.dirname(file);
  const segments = dir === '.' ? [] : dir.split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, '{$1}'));
  return ['/api/v1', ...segments].join('/');
}

async function call(route: string, principal: Principal, opts: { params?: Record<string, string>; query?: string; headers?: Record<string, string> } = {}) {
  const handler = routes.get(route)?.GET as Handler | undefined;
  if (!handler) throw new Error(`no GET handler for ${route}`);
  const url = `http://localhost${route.replace('{id}', opts.params?.id ?? '')}${opts.query ?? ''}`;
  const response = await handler(new Request(url, { headers: { ...principal.headers, ...opts.headers } }), { params: Promise.resolve(opts.params ?? {}) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  database = await openAppDatabase();
  await seedDemoData(database.url);
  pool = database.pool;

  for (const file of fs.readdirSync(API_ROOT, { recursive: true, encoding: 'utf8' })) {
    if (/^route\.(ts|js)$/.test(path.basename(file))) routes.set(routeOfFile(file), await import(path.join(API_ROOT, file)));
  }
  routePolicies = (await import('@/server/api')).ROUTE_POLICIES;

  for (const p of principals) {
    if (!p.user || p.auth === 'none') continue;
    const userId = await userIdOf(pool, p.user);
    p.headers = p.auth === 'token' ? (await createToken(pool, userId)).headers : (await createSession(pool, userId)).headers;
  }

  for (const [sample, where] of Object.entries(SAMPLE_SQL)) samples[sample as Sample] = await sampleOf(where);
});

afterAll(() => database?.close());

const roleOf = (user: Username) => DEMO_USERS.find((u) => u.username === user)!.role;

/** The answer the policy table (and, for one record, the scope) calls for. */
function expectedStatus(p: Principal, permission: Permission, record?: Sample | 'missing' | 'malformed'): number {
  if (!p.user) return 401;
  if (!can(roleOf(p.user), permission)) return 403;
  if (record === 'malformed') return 400;
  if (record === 'missing') return 404;
  if (record && !SEEN_BY[record].includes(p.user)) return 403;
  return 200;
}

describe('route registry', () => {
  it('registers every handler under src/app/api/v1 in ROUTE_POLICIES, and nothing else', () => {
    const handlers = [...routes].flatMap(([route, mod]) =>
      Object.keys(mod).filter((name) => HTTP_METHODS.includes(name)).map((method) => `${method} ${route}`),
    );
    expect(handlers.length).toBeGreaterThan(0);
    expect(handlers.sort(), 'handlers in route files vs ROUTE_POLICIES').toEqual([...routePolicies.keys()].sort());
  });

  it('answers 401 from every handler to a request without credentials', async () => {
    for (const [route, mod] of routes) {
      for (const method of HTTP_METHODS.filter((m) => typeof mod[m] === 'function')) {
        const url = `http://localhost${route.replaceAll(/\{\w+\}/g, '1')}`;
        const response = await (mod[method] as Handler)(new Request(url, { method }), { params: Promise.resolve({ id: '1' }) });
        expect(response.status, `${method} ${route}`).toBe(401);
      }
    }
  });
});

describe.each(principals)('access matrix: $name', (principal) => {
  const p = () => principal;

  it('health and the lists', async () => {
    expect((await call('/api/v1/health', p())).status).toBe(expectedStatus(p(), 'stats.national'));
    expect((await call('/api/v1/meetings', p())).status).toBe(expectedStatus(p(), 'records.read'));
    expect((await call('/api/v1/issues', p())).status).toBe(expectedStatus(p(), 'records.read'));
  });

  it.each(Object.keys(SEEN_BY) as Sample[])('meeting and issue of sample %s', async (sample) => {
    const { meetingId, issueId } = samples[sample];
    const meeting = await call('/api/v1/meetings/{id}', p(), { params: { id: String(meetingId) } });
    expect(meeting.status, `${p().name} → meeting ${meetingId}`).toBe(expectedStatus(p(), 'records.read', sample));
    const issue = await call('/api/v1/issues/{id}', p(), { params: { id: String(issueId) } });
    expect(issue.status, `${p().name} → issue ${issueId}`).toBe(expectedStatus(p(), 'records.read', sample));
    if (meeting.status === 200) expect(meeting.body).toMatchObject({ id: meetingId });
    if (issue.status === 200) expect(issue.body).toMatchObject({ id: issueId, meetingId });
    if (meeting.status === 403) expect(JSON.stringify(meeting.body)).not.toContain(String(meetingId));
  });

  it('unknown and malformed ids', async () => {
    for (const route of ['/api/v1/meetings/{id}', '/api/v1/issues/{id}']) {
      expect((await call(route, p(), { params: { id: '2000000000' } })).status).toBe(expectedStatus(p(), 'records.read', 'missing'));
      expect((await call(route, p(), { params: { id: 'abc' } })).status).toBe(expectedStatus(p(), 'records.read', 'malformed'));
    }
  });

  it('lists only records in scope', async () => {
    if (!p().user) return;
    const meetings = await call('/api/v1/meetings', p(), { query: '?limit=200' });
    const items = meetings.body.items as Array<{ regionKato: string; kind: string; body: string | null }>;
    expect(items.length).toBeGreaterThan(0);
    const user = DEMO_USERS.find((u) => u.username === p().user)!;
    if ('regionKato' in user) expect(items.every((m) => m.kind === 'AKIM' && m.regionKato === user.regionKato)).toBe(true);
    else if ('bodyCode' in user) expect(items.every((m) => m.body === user.bodyCode)).toBe(true);
    else expect(new Set(items.map((m) => m.regionKato)).size).toBeGreaterThan(1);
  });
});

describe('denials and forged requests', () => {
  it('writes exactly one access.denied row for a refused record', async () => {
    const aktobe = principals.find((p) => p.name === 'akimat.aktobe')!;
    const count = async () => Number((await pool.query(`SELECT count(*) AS n FROM audit_log WHERE action = 'access.denied'`)).rows[0].n);
    const before = await count();
    const { meetingId } = samples.almatyAkim;
    expect((await call('/api/v1/meetings/{id}', aktobe, { params: { id: String(meetingId) } })).status).toBe(403);
    expect(await count()).toBe(before + 1);
    const { rows } = await pool.query(`SELECT * FROM audit_log WHERE action = 'access.denied' ORDER BY id DESC LIMIT 1`);
    expect(rows[0]).toMatchObject({ user_id: await userIdOf(pool, 'akimat.aktobe'), entity: 'meeting', entity_id: String(meetingId) });
  });

  it('ignores x-middleware-subrequest: still 401 without a session', async () => {
    const nobody = principals.find((p) => p.user === null)!;
    for (const value of ['middleware', 'middleware:middleware:middleware:middleware:middleware', 'src/middleware', 'proxy']) {
      for (const route of ['/api/v1/health', '/api/v1/meetings']) {
        expect((await call(route, nobody, { headers: { 'x-middleware-subrequest': value } })).status).toBe(401);
      }
    }
  });
});
