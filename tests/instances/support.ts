import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations } from '@/server/db/migrations';

// The app as operators run it, in child processes: `scripts/serve.ts` (the app's own server, one per
// instance) on PostgreSQL, or `scripts/start.ts` (which holds the embedded database and spawns
// serve.ts) on a DATA_DIR. Needs a production build (`npm run build`).

/** One secret for every instance (vitest.instances.config.ts sets it). */
export const AUTH_SECRET = process.env.AUTH_SECRET ?? `instances-test-secret-${randomBytes(16).toString('hex')}`;
/** The origin a load balancer in front of the instances would have: browsers send it as Origin. */
export const APP_URL = 'http://kezdesu.instances.test';

/** The PostgreSQL server: TEST_DATABASE_URL's (or CI's) server, else the local one. */
export const SERVER_URL = process.env.TEST_DATABASE_URL ?? process.env.CI_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

const admin = async <T>(work: (c: pg.Client) => Promise<T>) => {
  const c = new pg.Client({ connectionString: SERVER_URL });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
};

export type PgDatabase = { url: string; pool: pg.Pool; drop: () => Promise<void> };

/** A fresh, migrated database on the server (prefix `instances_`), with a pool for the test's own SQL. */
export async function createPgDatabase(): Promise<PgDatabase> {
  const name = `instances_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  pool.on('error', () => undefined);
  return {
    url: url.toString(),
    pool,
    drop: async () => {
      await pool.end();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** A free TCP port, from INSTANCES_PORT (default 3120) upwards. */
export async function freePort(after = Number(process.env.INSTANCES_PORT ?? 3120)): Promise<number> {
  for (let port = after; port < after + 200; port += 1) {
    const free = await new Promise<boolean>((resolve) => {
      const s = net.createServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (free && !taken.has(port)) {
      taken.add(port);
      return port;
    }
  }
  throw new Error('no free port');
}
const taken = new Set<number>();

export type App = {
  base: string;
  port: number;
  child: ChildProcess;
  /** Everything the process printed, for a failing test's message. */
  output: () => string;
  /** SIGKILL to the whole process group (the database holder and the app it spawned). */
  kill: () => Promise<void>;
  /** SIGTERM, then waits for the exit. */
  stop: () => Promise<void>;
};

type AppOptions = { port: number; env: Record<string, string>; script: 'serve' | 'start'; unset?: string[] };

/** Starts the app and waits until it answers HTTP. */
export async function startApp({ port, env, script, unset = [] }: AppOptions): Promise<App> {
  const inherited = { ...process.env };
  for (const name of unset) delete inherited[name];
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(`scripts/${script}.ts`)], {
    cwd: process.cwd(),
    // Its own process group, so a SIGKILL takes the embedded database's holder and its app at once, as a crash would.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...inherited,
      NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', HOST: '127.0.0.1', PORT: String(port),
      AUTH_SECRET, APP_URL, AUTH_TRUST_HOST: 'true', ...env,
    },
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const base = `http://127.0.0.1:${port}`;
  const app: App = {
    base, port, child,
    output: () => out,
    kill: async () => {
      if (!gone) process.kill(-child.pid!, 'SIGKILL');
      await exited;
      await waitForPortClosed(port);
    },
    stop: async () => {
      if (!gone) process.kill(-child.pid!, 'SIGTERM');
      const timer = setTimeout(() => !gone && process.kill(-child.pid!, 'SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
      await waitForPortClosed(port);
    },
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (gone) throw new Error(`the app exited before answering:\n${out}`);
    if (Date.now() > deadline) {
      await app.kill();
      throw new Error(`the app did not answer in 120 s:\n${out}`);
    }
    const answered = await fetch(`${base}/api/v1/health`).then((r) => r.status < 500, () => false);
    if (answered) return app;
    await sleep(250);
  }
}

/** Waits until nothing listens on the port (a killed app's orphan would still answer). */
async function waitForPortClosed(port: number): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1').once('connect', () => (s.destroy(), resolve(true))).once('error', () => resolve(false));
    });
    if (!open) return;
    await sleep(100);
  }
  throw new Error(`port ${port} still answers after the app was stopped`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a value (not undefined), or fails after `ms`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * A browser's cookies for the site behind the load balancer: one jar, whichever instance answers.
 * Requests carry the site's Origin, as the browser's would.
 */
export class Browser {
  private cookies = new Map<string, string>();

  async request(base: string, pathname: string, init: { method?: string; form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { origin: APP_URL, ...init.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    } else if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    const response = await fetch(`${base}${pathname}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  has(name: string) {
    return this.cookies.has(name);
  }

  cookie(name: string) {
    return this.cookies.get(name);
  }

  private async csrf(base: string): Promise<string> {
    const r = await this.request(base, '/api/auth/csrf');
    return ((await r.json()) as { csrfToken: string }).csrfToken;
  }

  /** next-auth's credentials sign-in as the sign-in page posts it; the error code on failure, else 'OK'. */
  async signIn(base: string, username: string, password: string, csrfFrom = base): Promise<string> {
    const csrfToken = await this.csrf(csrfFrom);
    const r = await this.request(base, '/api/auth/callback/credentials', {
      form: { csrfToken, username, password, json: 'true', callbackUrl: `${APP_URL}/` },
    });
    const { url } = (await r.json()) as { url: string };
    const error = new URL(url, APP_URL).searchParams.get('error');
    return error ?? (this.has('next-auth.session-token') ? 'OK' : `no session (status ${r.status})`);
  }

  async signOut(base: string, csrfFrom = base): Promise<number> {
    const csrfToken = await this.csrf(csrfFrom);
    const r = await this.request(base, '/api/auth/signout', { form: { csrfToken, json: 'true', callbackUrl: `${APP_URL}/signin` } });
    return r.status;
  }
}

/** What the tests seed: a region with its akim, a category, and the users they act as (factories). */
export async function seedWorld(pool: pg.Pool) {
  const { createAkim, createCategory, createRegion, codeOf } = await import('../factories/reference');
  const { createToken, createUser } = await import('../factories/users');
  const regionId = await createRegion(pool);
  const akimId = await createAkim(pool, regionId);
  const categoryCode = await codeOf(pool, 'issue_category', await createCategory(pool));
  const kato = await codeOf(pool, 'region', regionId);
  const editor = await createUser(pool, { role: 'AKIMAT_EDITOR', regionId });
  const editorToken = (await createToken(pool, editor.id)).headers;
  return { regionId, akimId, categoryCode, kato, editor, editorToken };
}
export type World = Awaited<ReturnType<typeof seedWorld>>;

/** An import file (UTF-8 CSV, `;`): `meetings` akim meetings of `issues` raised issues each, numbered from `prefix`. */
export async function importCsv(world: World, prefix: string, meetings: number, issues: number, heldOn = '15.03.2024'): Promise<Uint8Array> {
  const { IMPORT_COLUMNS } = await import('@/features/import/columns');
  const lines = [IMPORT_COLUMNS.slice(0, 16).map((c) => c.ru).join(';')];
  for (let m = 1; m <= meetings; m += 1) {
    for (let n = 1; n <= issues; n += 1) {
      lines.push([world.kato, `${prefix}-${m}`, heldOn, 'Областной уровень', '', 'Дом культуры', '100', n, world.categoryCode,
        `Вопрос ${prefix}-${m}/${n}`, 'REGION', 'RAISED', '', '', '', ''].join(';'));
    }
  }
  return new TextEncoder().encode(lines.join('\r\n'));
}

/** POST /api/v1/imports: checks the file and returns the batch's id. */
export async function checkImport(base: string, auth: Record<string, string>, file: Uint8Array): Promise<{ id: string; rows: number; ready: number; errors: unknown[] }> {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(file)]), 'встречи.csv');
  const r = await fetch(`${base}/api/v1/imports`, { method: 'POST', body: form, headers: auth });
  if (r.status !== 200) throw new Error(`import check answered ${r.status}: ${await r.text()}`);
  return (await r.json()) as { id: string; rows: number; ready: number; errors: unknown[] };
}

/** An akim's meeting with `issues` issues, as the form saves it. */
export const meetingBody = (world: World, description: string, issues = 3, heldOn = '2024-03-15') => ({
  kind: 'AKIM', officialId: world.akimId, heldOn, venue: 'HOUSE_OF_CULTURE', attendance: 50,
  issues: Array.from({ length: issues }, (_, i) => ({ categoryCode: world.categoryCode, description: `${description} / ${i + 1}`, responsibleLevel: 'REGION' })),
});
