// `npm run lighthouse` — starts the product as `npm start` does (building it when stale), signs in
// as the demo analyst, and prints Lighthouse's scores (mobile preset, median of 3 runs) for the
// overview, a region page and the meetings page, with the JavaScript each page loads (gzipped,
// as transferred). Chromium is Debian's (CHROMIUM_PATH). Writes lighthouse-results/<time>.json.
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
const PAGES = [
  { name: 'overview', path: '/?period=2022-H2' },
  { name: 'region', path: '/regions/150000000?period=2022' },
  { name: 'meetings', path: '/meetings' },
];
const USER = { username: 'analyst', password: 'kezdesu-demo' };

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
async function signIn(base: string): Promise<string> {
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
    body: new URLSearchParams({ ...USER, csrfToken, json: 'true' }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`sign-in as ${USER.username} failed (${res.status})`);
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

let app: ChildProcess | undefined;
const stopApp = () => app?.kill('SIGTERM');
process.on('SIGINT', () => { stopApp(); process.exit(130); });

const base = values.url ?? `http://127.0.0.1:${values.port}`;
try {
  if (!values.url) {
    console.log(`Starting the app on ${base} (npm start; builds first when the code changed)…`);
    app = spawn('npm', ['start'], { env: { ...process.env, PORT: values.port, DATA_DIR: process.env.DATA_DIR ?? 'data-lighthouse' }, stdio: ['ignore', 'inherit', 'inherit'] });
    await waitFor(`${base}/api/v1/health`, 900_000);
  }
  const cookie = await signIn(base);
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const rows: Array<{ page: string; performance: number; accessibility: number; jsKb: number; runs: number[] }> = [];
  try {
    for (const page of PAGES) {
      const perf: number[] = [];
      const a11y: number[] = [];
      const js: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const result = await lighthouse(`${base}${page.path}`, {
          port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'],
          extraHeaders: { Cookie: cookie },
        });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`no Lighthouse result for ${page.path}`);
        if (lhr.finalDisplayedUrl.includes('/signin')) throw new Error(`${page.path} redirected to sign-in: the session was not used`);
        perf.push(lhr.categories.performance?.score ?? 0);
        a11y.push(lhr.categories.accessibility?.score ?? 0);
        const requests = (lhr.audits['network-requests']?.details as { items?: Array<{ resourceType?: string; transferSize?: number }> } | undefined)?.items ?? [];
        js.push(requests.filter((r) => r.resourceType === 'Script').reduce((s, r) => s + (r.transferSize ?? 0), 0) / 1024);
      }
      rows.push({ page: `${page.name} (${page.path})`, performance: median(perf), accessibility: median(a11y), jsKb: Math.round(median(js)), runs: perf });
    }
  } finally {
    chrome.kill();
  }
  console.log(`\nLighthouse, mobile preset, median of ${RUNS} run(s), signed in as ${USER.username}:`);
  console.log(['page'.padEnd(44), 'performance', 'accessibility', 'JS loaded (KB gz)', 'performance runs'].join('  '));
  for (const r of rows) {
    console.log([r.page.padEnd(44), r.performance.toFixed(2).padStart(11), r.accessibility.toFixed(2).padStart(13), String(r.jsKb).padStart(17), r.runs.map((x) => x.toFixed(2)).join(' ')].join('  '));
  }
  fs.mkdirSync('lighthouse-results', { recursive: true });
  const file = path.join('lighthouse-results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify({ base, runs: RUNS, rows }, null, 2));
  console.log(`\nJSON: ${file}`);
} finally {
  stopApp();
}
