// `npm run lighthouse` — starts the product as `npm start` does (building it when stale), signs in,
// and prints Lighthouse's scores (mobile preset, median of 3 runs) with the lab metrics and the
// JavaScript each page loads (gzipped, as transferred): the overview, a region page and the meetings
// page as the analyst, the import page as an akimat editor. Chromium is Debian's (CHROMIUM_PATH).
// Writes lighthouse-results/<time>.json.
//   npm run lighthouse -- [--runs 3] [--port 3400] [--url http://host:port (an app already running)]
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, port: { type: 'string', default: '3400' }, url: { type: 'string' } },
});
const RUNS = Math.max(1, Number(values.runs));
// Each page is opened as the user who works there: the import page belongs to akimat editors.
const PAGES = [
  { name: 'overview', path: '/?period=2022-H2', user: 'analyst' },
  { name: 'region', path: '/regions/150000000?period=2022', user: 'analyst' },
  { name: 'meetings', path: '/meetings', user: 'analyst' },
  { name: 'import', path: '/import', user: 'akimat.aktobe' },
];
const PASSWORD = 'kezdesu-demo';
// Lab metrics printed beside the scores, so a low score says what to fix.
const METRICS = {
  FCP: 'first-contentful-paint', LCP: 'largest-contentful-paint', TBT: 'total-blocking-time', CLS: 'cumulative-layout-shift', TTFB: 'server-response-time',
} as const;

async function waitFor(url: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** next-auth's credentials flow: a CSRF token, then the callback; returns the Cookie header. */
async function signIn(base: string, username: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    body: new URLSearchParams({ username, password: PASSWORD, csrfToken, json: 'true' }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`sign-in as ${username} failed (${res.status})`);
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

let app: ChildProcess | undefined;
let stopping = false;
// npm start runs the server a few processes down: signal the whole group, and wait, so the
// embedded database closes cleanly and the port is free again.
async function stopApp() {
  if (!app?.pid || app.exitCode !== null) return;
  stopping = true;
  const exited = new Promise((resolve) => app!.once('exit', resolve));
  process.kill(-app.pid, 'SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
}
process.on('SIGINT', () => void stopApp().finally(() => process.exit(130)));

/** Whether something already answers on the port: then `npm start` would not be the app measured. */
async function portTaken(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

type Row = { page: string; user: string; performance: number; accessibility: number; jsKb: number; runs: number[]; metrics: Record<string, number> };

const base = values.url ?? `http://127.0.0.1:${values.port}`;
try {
  if (!values.url) {
    if (await portTaken(base)) throw new Error(`${base} already answers: stop that app, or pass --port, or --url to measure it`);
    console.log(`Starting the app on ${base} (npm start; builds first when the code changed)…`);
    app = spawn('npm', ['start'], { env: { ...process.env, PORT: values.port, DATA_DIR: process.env.DATA_DIR ?? 'data-lighthouse' }, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
    app.once('exit', (code, signal) => { if (!stopping) { console.error(`npm start stopped (${code ?? signal})`); process.exit(1); } });
    await waitFor(`${base}/api/v1/health`, 900_000);
  }
  const cookies = new Map<string, string>();
  for (const user of new Set(PAGES.map((p) => p.user))) cookies.set(user, await signIn(base, user));
  // A running server has compiled and cached its routes; the first request of a fresh one has not.
  for (const page of PAGES) for (let i = 0; i < 2; i++) await (await fetch(`${base}${page.path}`, { headers: { Cookie: cookies.get(page.user)! } })).text();
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const rows: Row[] = [];
  try {
    for (const page of PAGES) {
      const perf: number[] = [];
      const a11y: number[] = [];
      const js: number[] = [];
      const metrics: Record<string, number[]> = {};
      for (let i = 0; i < RUNS; i++) {
        const result = await lighthouse(`${base}${page.path}`, {
          port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'],
          extraHeaders: { Cookie: cookies.get(page.user)! },
        });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`no Lighthouse result for ${page.path}`);
        if (lhr.finalDisplayedUrl.includes('/signin')) throw new Error(`${page.path} redirected to sign-in: the session was not used`);
        perf.push(lhr.categories.performance?.score ?? 0);
        a11y.push(lhr.categories.accessibility?.score ?? 0);
        const requests = (lhr.audits['network-requests']?.details as { items?: Array<{ resourceType?: string; transferSize?: number }> } | undefined)?.items ?? [];
        js.push(requests.filter((r) => r.resourceType === 'Script').reduce((s, r) => s + (r.transferSize ?? 0), 0) / 1024);
        for (const [name, id] of Object.entries(METRICS)) (metrics[name] ??= []).push(lhr.audits[id]?.numericValue ?? NaN);
      }
      rows.push({
        page: `${page.name} (${page.path})`, user: page.user, performance: median(perf), accessibility: median(a11y), jsKb: Math.round(median(js)), runs: perf,
        metrics: Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, median(v)])),
      });
    }
  } finally {
    chrome.kill();
  }
  console.log(`\nLighthouse, mobile preset, median of ${RUNS} run(s):`);
  console.log(['page'.padEnd(40), 'user'.padEnd(14), 'perf', 'a11y', 'JS KB gz', 'FCP ms', 'LCP ms', 'TBT ms', '  CLS', 'TTFB ms', 'perf runs'].join('  '));
  for (const r of rows) {
    const m = (k: string, d = 0) => (Number.isFinite(r.metrics[k]) ? r.metrics[k]!.toFixed(d) : '-');
    console.log([
      r.page.padEnd(40), r.user.padEnd(14), r.performance.toFixed(2), r.accessibility.toFixed(2), String(r.jsKb).padStart(8),
      m('FCP').padStart(6), m('LCP').padStart(6), m('TBT').padStart(6), m('CLS', 3).padStart(5), m('TTFB').padStart(7), r.runs.map((x) => x.toFixed(2)).join(' '),
    ].join('  '));
  }
  fs.mkdirSync('lighthouse-results', { recursive: true });
  const file = path.join('lighthouse-results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify({ base, runs: RUNS, rows }, null, 2));
  console.log(`\nJSON: ${file}`);
} finally {
  await stopApp();
}
