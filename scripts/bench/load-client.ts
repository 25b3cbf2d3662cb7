import http from 'node:http';
import { createRequire } from 'node:module';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { now } from './util';

// The deadline-rush benchmark's browser: one cookie jar per person, requests spread over the app
// instances as a load balancer without sticky sessions would (each sent with the balancer's Host
// and Origin, as a browser on the site sends them), server actions called the way React calls them
// (React's own encodeReply, the Next-Action header), and every request timed under an action name.

const unzip = promisify(gunzip);
const require = createRequire(import.meta.url);
// React's client half of the server-action protocol, as the browser bundle uses it.
const { encodeReply } = require('next/dist/compiled/react-server-dom-webpack/client.edge') as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

export type Sample = { action: string; ms: number; status: number; ok: boolean; detail?: string; at: number };

export class Recorder {
  readonly samples: Sample[] = [];
  requests = 0;
  private readonly seen = new Set<string>();
  add(s: Omit<Sample, 'at'>): void {
    this.samples.push({ ...s, at: now() });
    // The first error of each kind is shown at once: a long run should not hide its cause until the end.
    const key = `${s.action} | ${s.status}`;
    if (!s.ok && !this.seen.has(key)) {
      this.seen.add(key);
      console.log(`  first error: ${key}: ${(s.detail ?? '').slice(0, 400)}`);
    }
  }
}

export type Answer = { status: number; headers: http.IncomingHttpHeaders; text: string; ms: number };

/** The app instances behind one public origin: each request goes to the next instance in turn. */
export class Balancer {
  private next = 0;
  private readonly agents: http.Agent[];
  constructor(readonly ports: number[], readonly publicOrigin: string, maxSockets: number) {
    // Idle sockets closed before the server's 5 s keep-alive timeout closes them under a request.
    this.agents = ports.map(() => new http.Agent({ keepAlive: true, maxSockets, timeout: 4000 }));
  }
  pick(): { port: number; agent: http.Agent } {
    const i = this.next++ % this.ports.length;
    return { port: this.ports[i]!, agent: this.agents[i]! };
  }
  close(): void {
    for (const a of this.agents) a.destroy();
  }
}

export class Browser {
  private readonly jar = new Map<string, string>();
  constructor(private readonly lb: Balancer, private readonly rec: Recorder) {}

  private cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(headers: http.IncomingHttpHeaders): void {
    for (const c of headers['set-cookie'] ?? []) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(c) || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  has(cookiePart: string): boolean {
    return [...this.jar.keys()].some((k) => k.includes(cookiePart));
  }

  /** One request to the next instance; the body read whole (as a browser waits for it), gzip undone. */
  async request(method: string, path: string, opts: { headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<Answer> {
    try {
      return await this.send(method, path, opts);
    } catch (error) {
      // A kept-alive connection the server closed as the request went out: a browser sends it again.
      if (error instanceof Error && (error as Error & { reusedSocket?: boolean }).reusedSocket) return this.send(method, path, opts);
      throw error;
    }
  }

  private send(method: string, path: string, opts: { headers?: Record<string, string>; body?: Buffer | string }): Promise<Answer> {
    const { port, agent } = this.lb.pick();
    const host = new URL(this.lb.publicOrigin).host;
    const headers: Record<string, string> = {
      host, 'accept-encoding': 'gzip', 'accept-language': 'ru', 'user-agent': 'kezdesu-bench-load',
      ...(this.jar.size ? { cookie: this.cookieHeader() } : {}),
      ...(method !== 'GET' ? { origin: this.lb.publicOrigin } : {}),
      ...opts.headers,
    };
    const body = typeof opts.body === 'string' ? Buffer.from(opts.body) : opts.body;
    if (body) headers['content-length'] = String(body.length);
    this.rec.requests += 1;
    const t0 = now();
    return new Promise<Answer>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const ms = now() - t0;
          this.keep(res.headers);
          const decode = res.headers['content-encoding'] === 'gzip' ? unzip(raw) : Promise.resolve(raw);
          decode.then((b) => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: b.toString('utf8'), ms }), reject);
        });
      });
      req.setTimeout(120_000, () => req.destroy(new Error('timeout after 120 s')));
      req.on('error', (error: Error & { code?: string; reusedSocket?: boolean }) => {
        if (req.reusedSocket && error.code === 'ECONNRESET') error.reusedSocket = true;
        reject(error);
      });
      req.end(body);
    });
  }

  /** A timed request: recorded under `action`; `expect` says which answers are a success. */
  async timed(action: string, method: string, path: string, opts: { headers?: Record<string, string>; body?: Buffer | string; expect?: (a: Answer) => string | null } = {}): Promise<Answer> {
    const t0 = now();
    let a: Answer;
    try {
      a = await this.request(method, path, opts);
    } catch (error) {
      this.rec.add({ action, ms: now() - t0, status: 0, ok: false, detail: error instanceof Error ? error.message : String(error) });
      throw new StepFailed(action, 0, String(error));
    }
    const problem = opts.expect ? opts.expect(a) : a.status === 200 ? null : `HTTP ${a.status}`;
    this.rec.add({ action, ms: a.ms, status: a.status, ok: problem === null, detail: problem ? `${problem}: ${a.text.slice(0, 300)}` : undefined });
    if (problem) throw new StepFailed(action, a.status, `${problem}: ${a.text.slice(0, 300)}`);
    return a;
  }

  /** next-auth's credentials flow as the sign-in page runs it: the CSRF token, then the callback. */
  async signIn(username: string, password: string): Promise<void> {
    const t0 = now();
    const csrf = await this.request('GET', '/api/auth/csrf');
    const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
    const res = await this.request('POST', '/api/auth/callback/credentials', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password, csrfToken, json: 'true' }).toString(),
    });
    const ok = this.has('session-token');
    this.rec.add({ action: 'sign in (csrf + callback)', ms: now() - t0, status: res.status, ok, detail: ok ? undefined : `no session cookie: ${res.text.slice(0, 200)}` });
    if (!ok) throw new StepFailed('sign in (csrf + callback)', res.status, 'no session cookie');
  }

  /**
   * A server action as the page's form calls it: POST to the page with the action's id, the
   * arguments encoded by React. Returns the action's result ({ status: 'ok' | 'error', ... }).
   */
  async serverAction<T>(action: string, page: string, actionId: string, args: unknown[]): Promise<T> {
    const encoded = await encodeReply(args);
    let body: Buffer;
    const headers: Record<string, string> = { accept: 'text/x-component', 'next-action': actionId };
    if (typeof encoded === 'string') {
      body = Buffer.from(encoded);
      headers['content-type'] = 'text/plain;charset=UTF-8';
    } else {
      const req = new Request('http://x/', { method: 'POST', body: encoded });
      body = Buffer.from(await req.arrayBuffer());
      headers['content-type'] = req.headers.get('content-type')!;
    }
    let result: unknown;
    await this.timed(action, 'POST', page, {
      headers, body,
      expect: (a) => {
        if (a.status !== 200) return `HTTP ${a.status}`;
        result = actionResult(a.text);
        const status = (result as { status?: string } | null)?.status;
        return status === 'ok' ? null : `action ${status ?? 'answered nothing'}${status === 'error' ? ` ${JSON.stringify(result).slice(0, 200)}` : ''}`;
      },
    });
    return result as T;
  }
}

export class StepFailed extends Error {
  constructor(readonly action: string, readonly status: number, detail: string) {
    super(`${action}: ${detail}`);
  }
}

/** The action's value in an RSC answer: the root row's `a`, itself a row reference ("$@1") or inline. */
export function actionResult(flight: string): unknown {
  const rows = new Map<string, unknown>();
  for (const line of flight.split('\n')) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (!m) continue;
    try {
      rows.set(m[1]!, JSON.parse(m[2]!));
    } catch { /* not a JSON row (text or a chunk): not the result */ }
  }
  const root = rows.get('0') as { a?: unknown } | undefined;
  const a = root?.a;
  if (typeof a === 'string' && a.startsWith('$@')) return rows.get(a.slice(2)) ?? null;
  return a ?? null;
}
