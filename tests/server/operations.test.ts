// The app's own server as operators run it (a built app, scripts/serve.ts as `npm start` starts
// it): health without sign-in, the metrics behind their token, one JSON log line per request that
// holds no password, token, cookie or personal text, and SIGTERM finishing a request in flight.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS } from '@/features/import/columns';
import { createAkim, createCategory, createRegion } from '../factories/reference';
import { createToken, createUser, type TestToken, type TestUser } from '../factories/users';
import { openAppDatabase, type AppDatabase } from '../support/database';

const METRICS_TOKEN = 'metrics-token-for-the-ops-test-0123';
// Personal text: an issue's description, and a search for it in a query string.
const ISSUE_TEXT = 'Жалоба Айгерим Нурлановой: течёт крыша дома 17';
const SEARCH_TEXT = 'Нурлановой крыша';

let database: AppDatabase;
let pool: pg.Pool;
let editor: TestUser;
let token: TestToken;
let kato: string;
let categoryCode: string;
let server: ChildProcess;
let base: string;
let output = '';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}) while waiting for ${what}:\n${output.slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

type LogLine = Record<string, unknown> & { msg?: string };
const logLines = (): LogLine[] =>
  output.split('\n').flatMap((line) => {
    try {
      return [JSON.parse(line) as LogLine];
    } catch {
      return [];
    }
  });
const requestLines = () => logLines().filter((l) => l.msg === 'request');

const csv = (description: string, ref: string) => {
  const header = IMPORT_COLUMNS.slice(0, 16).map((c) => c.ru);
  const row = [kato, ref, '10.02.2024', 'Областной уровень', '', 'Дом культуры', '40', '1', categoryCode, description, 'REGION', 'RAISED', '', '', '', ''];
  return Buffer.from([header, row].map((r) => r.join(';')).join('\r\n'), 'utf8');
};

function multipart(file: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----kezdesu${Date.now()}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="встречи.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

beforeAll(async () => {
  if (!fs.existsSync(path.resolve('.next/BUILD_ID'))) throw new Error('these tests need a built app: run `npm run build` first');
  database = await openAppDatabase();
  pool = database.pool;
  const regionId = await createRegion(pool);
  await createAkim(pool, regionId);
  kato = (await pool.query<{ kato: string }>('SELECT kato FROM region WHERE id = $1', [regionId])).rows[0]!.kato;
  const categoryId = await createCategory(pool);
  categoryCode = (await pool.query<{ code: string }>('SELECT code FROM issue_category WHERE id = $1', [categoryId])).rows[0]!.code;
  editor = await createUser(pool, { role: 'AKIMAT_EDITOR', regionId, fullName: 'Нурланова Айгерим Сериковна' });
  token = await createToken(pool, editor.id);
  // The summary triggers' time is PostgreSQL's own count, kept only with track_functions (superuser; new sessions).
  await pool.query(`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET track_functions = %L', current_database(), 'pl'); END $$`);

  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['--import', 'tsx', path.resolve('scripts/serve.ts')], {
    env: {
      ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: database.url,
      METRICS_TOKEN, LOG_LEVEL: 'trace', NEXT_TELEMETRY_DISABLED: '1', ...(process.env.TEST_DATABASE_URL ? {} : { DB_POOL_SIZE: '1' }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  await until('the server to listen', () => logLines().some((l) => l.msg === 'Kezdesu is listening'), 120_000);
});

afterAll(async () => {
  // OPS_TEST_LOG=<file> keeps the server's output to read.
  if (process.env.OPS_TEST_LOG) fs.writeFileSync(process.env.OPS_TEST_LOG, output);
  if (server && server.exitCode === null) {
    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));
  }
  await database?.close();
});

describe('health and metrics', () => {
  it('answers /api/health/live and /api/health/ready without sign-in, and ready is 503 while a migration is missing', async () => {
    const live = await fetch(`${base}/api/health/live`, { redirect: 'manual' });
    expect([live.status, await live.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await fetch(`${base}/api/health/ready`, { redirect: 'manual' });
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ok' }]);

    // The database lacks the newest migration this build ships: not ready, until it is back.
    const { rows } = await pool.query<{ id: string }>(`SELECT id FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`);
    await pool.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = $1`, [rows[0]!.id]);
    try {
      const pending = await fetch(`${base}/api/health/ready`);
      expect([pending.status, await pending.json()]).toEqual([503, { status: 'unavailable', failing: 'migrations' }]);
    } finally {
      await pool.query(`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE id = $1`, [rows[0]!.id]);
    }
    expect((await fetch(`${base}/api/health/ready`)).status).toBe(200);
  });

  it('refuses /api/metrics without its token or with another (401), and a session or API token is not it', async () => {
    expect((await fetch(`${base}/api/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } })).status).toBe(401);
    expect((await fetch(`${base}/api/metrics`, { headers: token.headers })).status).toBe(401);
  });
});

describe('a sign-in, a token request and an import', () => {
  const secrets: string[] = [];
  const ids = new Map<string, string>();

  beforeAll(async () => {
    // next-auth's credentials flow, as a browser does it.
    const jar = new Map<string, string>();
    const keep = (res: Response) => {
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const i = pair!.indexOf('=');
        jar.set(pair!.slice(0, i), pair!.slice(i + 1));
      }
    };
    const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = await fetch(`${base}/api/auth/csrf`);
    keep(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
      method: 'POST', redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(), 'x-request-id': 'signin-0001' },
      body: new URLSearchParams({ username: editor.username, password: editor.password, csrfToken, json: 'true' }),
    });
    keep(signIn);
    expect([...jar.keys()].some((k) => k.includes('session-token')), `sign-in answered ${signIn.status}`).toBe(true);
    ids.set('signIn', signIn.headers.get('x-request-id')!);
    // A page with the session: its line names the user too.
    const page = await fetch(`${base}/meetings`, { headers: { cookie: cookieHeader() }, redirect: 'manual' });
    expect(page.status).toBe(200);
    ids.set('page', page.headers.get('x-request-id')!);

    const search = await fetch(`${base}/api/v1/meetings?q=${encodeURIComponent(SEARCH_TEXT)}`, { headers: { ...token.headers, 'x-request-id': 'bad id <script>' } });
    expect(search.status).toBe(200);
    ids.set('search', search.headers.get('x-request-id')!);

    const { body, contentType } = multipart(csv(ISSUE_TEXT, 'OPS-1'));
    const checked = await fetch(`${base}/api/v1/imports`, { method: 'POST', headers: { ...token.headers, 'content-type': contentType }, body: new Uint8Array(body) });
    const checkBody = (await checked.json()) as { id: string; rows: number; ready: number };
    expect([checked.status, checkBody.rows, checkBody.ready]).toEqual([200, 1, 1]);
    ids.set('check', checked.headers.get('x-request-id')!);
    const committed = await fetch(`${base}/api/v1/imports/${checkBody.id}/commit`, { method: 'POST', headers: token.headers });
    expect(committed.status).toBe(200);
    ids.set('commit', committed.headers.get('x-request-id')!);
    ids.set('batch', checkBody.id);
    expect((await pool.query(`SELECT 1 FROM raised_issue WHERE description = $1`, [ISSUE_TEXT])).rowCount).toBe(1);

    // Every cookie but the callback URL, which is only the site's address.
    const cookies = [...jar].filter(([name]) => !name.includes('callback-url')).map(([, value]) => value);
    expect(cookies.length).toBeGreaterThanOrEqual(2); // the CSRF and session cookies at least
    secrets.push(editor.password, token.token, csrfToken, ...cookies, ISSUE_TEXT, SEARCH_TEXT, editor.fullName, METRICS_TOKEN);
    await until('the commit to be logged', () => requestLines().some((l) => l.reqId === ids.get('commit')));
  });

  it('writes one JSON line per request with its id, route, status, duration and user, the id sent back as X-Request-Id', () => {
    const line = (key: string) => {
      const found = requestLines().filter((l) => l.reqId === ids.get(key));
      expect(found, key).toHaveLength(1);
      return found[0]!;
    };
    expect(ids.get('signIn')).toBe('signin-0001'); // a safe incoming id is kept
    expect(line('signIn')).toMatchObject({ method: 'POST', path: '/api/auth/callback/credentials', route: '/api/auth/[...nextauth]', status: 200, userId: editor.id });
    expect(line('page')).toMatchObject({ method: 'GET', path: '/meetings', route: '/meetings', status: 200, userId: editor.id });
    expect(ids.get('search')).toMatch(/^[0-9a-f-]{36}$/); // an unsafe one is replaced
    expect(line('search')).toMatchObject({ method: 'GET', path: '/api/v1/meetings', route: '/api/v1/meetings', status: 200, userId: editor.id });
    expect(line('check')).toMatchObject({ method: 'POST', route: '/api/v1/imports', status: 200, userId: editor.id });
    expect(line('commit')).toMatchObject({ method: 'POST', path: `/api/v1/imports/${ids.get('batch')}/commit`, route: '/api/v1/imports/[id]/commit', status: 200, userId: editor.id });
    for (const key of ['signIn', 'page', 'search', 'check', 'commit']) expect(typeof line(key).ms).toBe('number');
    // An anonymous request has no user.
    expect(requestLines().find((l) => l.path === '/api/health/live')).toMatchObject({ status: 200, userId: null });
  });

  it('holds no password, token, cookie or personal text anywhere in the output', () => {
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(8);
      expect(output.includes(secret), `the log holds ${secret.slice(0, 12)}…`).toBe(false);
      expect(output.includes(encodeURIComponent(secret)), `the log holds ${secret.slice(0, 12)}… (URL-encoded)`).toBe(false);
    }
    expect(output).not.toMatch(/session-token|kz_[A-Za-z0-9_-]{20}|Bearer /i);
  });

  it('counts requests by route pattern, the import rows, the pool and the summary triggers in /api/metrics', async () => {
    const res = await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/kezdesu_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/imports\/\[id\]\/commit",status="200"\} 1/);
    expect(text).not.toContain(ids.get('batch')); // never a raw path
    expect(text).toMatch(/^kezdesu_import_rows_total 1$/m);
    expect(text).toMatch(/^kezdesu_import_commit_duration_seconds_count 1$/m);
    expect(text).toMatch(/^kezdesu_db_pool_connections\{pool="primary",state="total"\} [1-9]/m);
    expect(text).toMatch(/^kezdesu_summary_trigger_tracking 1$/m);
    // The database publishes a function's figures once its session is idle, within a second or so.
    let triggers = '';
    await until('the trigger figures', async () => {
      triggers = await (await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
      return /kezdesu_summary_trigger_calls_total\{function="stat_issue_inserted"\} [1-9]/.test(triggers);
    }, 15_000);
    expect(triggers).toMatch(/^kezdesu_summary_trigger_seconds_total\{function="stat_issue_inserted"\} \d/m);
  });
});

describe('SIGTERM', () => {
  it('takes no new connection, finishes the request in flight, then closes the database and exits 0', async () => {
    const { body, contentType } = multipart(csv('Вопрос о дороге', 'OPS-2'));
    const half = Math.floor(body.length / 2);
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${base}/api/v1/imports`, {
        method: 'POST',
        headers: { ...token.headers, 'content-type': contentType, 'content-length': body.length, expect: '100-continue' },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      });
      req.on('error', reject);
      // 100 Continue: the server has taken the request; half of the body now, the rest after SIGTERM.
      req.on('continue', () => {
        req.write(body.subarray(0, half));
        server.kill('SIGTERM');
        void until('the server to start stopping', () => logLines().some((l) => l.msg === 'stopping: finishing the requests in flight'))
          .then(async () => {
            // The listener is closed: a new connection is refused.
            await expect(fetch(`${base}/api/health/live`)).rejects.toThrow();
            req.end(body.subarray(half));
          })
          .catch(reject);
      });
    });
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    const done = await answer;
    expect(done.status).toBe(200);
    expect(JSON.parse(done.body)).toMatchObject({ rows: 1, ready: 1, errors: [] });
    expect(await exited).toBe(0);
    const stopping = logLines().find((l) => l.msg === 'stopping: finishing the requests in flight');
    expect(stopping).toMatchObject({ signal: 'SIGTERM', inFlight: 1 });
    const messages = logLines().map((l) => l.msg);
    expect(messages.indexOf('stopped')).toBeGreaterThan(messages.lastIndexOf('request'));
    expect(output).not.toContain('closing the database pools failed');
    expect(output).not.toContain('cutting them');
  });
});
