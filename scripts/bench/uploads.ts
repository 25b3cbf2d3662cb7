// `npm run bench:uploads` — sends the files of issue 14 to a running app's import check (the wide-rows
// workbook, a packed sheet, a CSV of 150 000 lines, 10 MB of random bytes) and two honest sizes (a 19 MB
// CSV that must reach the check whole, a 21 MB file refused with 413). For each it prints the answer,
// the server's memory growth (peak RSS of the process listening on the port, from /proc, over the RSS
// before) and the slowest answer another user got meanwhile: from /api/v1/health signed in (it reads
// the session from the database, so it also waits for the database), and from /api/v1/health without a
// session (a 401 that never reaches the database: the app's event loop alone). First a warm-up (the
// routes' first load) and a baseline of the same polls with no upload. Goal: at most 100 MB of growth,
// and no other user waiting more than 200 ms.
//   npm run bench:uploads -- [--url http://127.0.0.1:3000] [--user akimat.aktobe] [--other analyst]
//     [--password kezdesu-demo] [--pid N (the server's process; found from the port by default)]
// Start the app first, e.g. PORT=3150 DATA_DIR=data-bench npm start. The user must be able to import.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { longCsv, noise, packedWorkbook, wideWorkbook } from '../../tests/support/hostile-files';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.BENCH_URL ?? 'http://127.0.0.1:3000' },
    user: { type: 'string', default: process.env.BENCH_USER ?? 'akimat.aktobe' },
    other: { type: 'string', default: process.env.BENCH_OTHER_USER ?? 'analyst' },
    password: { type: 'string', default: process.env.BENCH_PASSWORD ?? 'kezdesu-demo' },
    pid: { type: 'string' },
  },
});
const base = values.url.replace(/\/$/, '');
// The Origin a browser on the site sends: the app compares it with APP_URL when that is set.
const origin = process.env.APP_URL ? new URL(process.env.APP_URL).origin : new URL(base).origin;

/** next-auth's credentials flow: a CSRF token, then the callback; returns the Cookie header. */
async function signIn(username: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    body: new URLSearchParams({ username, password: values.password, csrfToken, json: 'true' }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`sign-in as ${username} failed (${res.status})`);
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** The process that listens on the URL's port: its socket's inode in /proc/net/tcp*, then the process holding it. */
function serverPid(): number {
  if (values.pid) return Number(values.pid);
  const port = Number(new URL(base).port || 80).toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f[1]?.endsWith(`:${port}`) && f[3] === '0A') inodes.add(f[9]!);
    }
  }
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
        const link = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (inodes.has(/^socket:\[(\d+)\]$/.exec(link)?.[1] ?? '')) return Number(pid);
      }
    } catch { /* another user's process, or gone */ }
  }
  throw new Error(`no process of this user listens on ${base}: pass --pid`);
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Result = {
  file: string; size: string; status: number; answer: string; seconds: number; growthMb: number; slowestOtherMs: number; slowestLoopMs: number; polls: number;
};

/** Another user asks for a cheap page again and again until `done()`: the answers' times in ms. */
function poll(headers: Record<string, string>, done: () => boolean): Promise<number[]> {
  return (async () => {
    const latencies: number[] = [];
    while (!done()) {
      const t = performance.now();
      await (await fetch(`${base}/api/v1/health`, { headers })).arrayBuffer();
      latencies.push(performance.now() - t);
      await sleep(20);
    }
    return latencies;
  })();
}

async function measure(pid: number, uploader: string, other: string, name: string, bytes: Uint8Array | null): Promise<Result> {
  await sleep(3000); // let the previous file's garbage go
  const before = rssMb(pid);
  let peak = before;
  let done = false;
  const sampler = setInterval(() => { peak = Math.max(peak, rssMb(pid)); }, 20);
  const signedIn = poll({ cookie: other }, () => done);
  const loop = poll({}, () => done);
  const started = performance.now();
  let response: Response;
  if (bytes) {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(bytes)]), name);
    response = await fetch(`${base}/api/v1/imports`, { method: 'POST', body: form, headers: { cookie: uploader, origin } });
  } else {
    await sleep(5000);
    response = new Response('{"rows":0}');
  }
  const text = await response.text();
  const seconds = (performance.now() - started) / 1000;
  done = true;
  const [latencies, loopLatencies] = await Promise.all([signedIn, loop]);
  clearInterval(sampler);
  peak = Math.max(peak, rssMb(pid));
  let answer = text.slice(0, 120);
  try {
    const body = JSON.parse(text) as { rows?: number; errors?: Array<{ row: number; message: string }> };
    answer = body.rows !== undefined ? `${body.rows} rows checked, ${body.errors?.length ?? 0} row errors` : `${body.errors?.[0]?.message ?? text.slice(0, 120)} (row ${body.errors?.[0]?.row ?? '-'})`;
  } catch { /* not JSON: printed as it came */ }
  return {
    file: name, size: `${((bytes?.length ?? 0) / 1024 / 1024).toFixed(2)} MB`, status: response.status, answer: bytes ? answer : 'no upload', seconds: Number(seconds.toFixed(1)),
    growthMb: Number((peak - before).toFixed(1)), slowestOtherMs: Math.round(Math.max(0, ...latencies)), slowestLoopMs: Math.round(Math.max(0, ...loopLatencies)),
    polls: latencies.length + loopLatencies.length,
  };
}

const row = (i: number, description: string) => ['150000000', `BENCH-${Math.floor(i / 10)}`, '10.02.2024', 'REGION', '', 'ONLINE', '', String((i % 10) + 1), 'ROADS', description, 'REGION', 'RAISED', '', '', '', ''];

const pid = serverPid();
const uploader = await signIn(values.user);
const other = await signIn(values.other);
console.log(`Server process ${pid} at ${base}, RSS ${rssMb(pid).toFixed(0)} MB; uploading as ${values.user}, polling /api/v1/health as ${values.other}.`);
// Warm-up: the import route's and the health route's first load is not what is measured.
await measure(pid, uploader, other, 'warm-up.csv', Buffer.from('Регион;Номер встречи\r\n', 'utf8'));
const files: Array<[string, () => Promise<Uint8Array | null> | Uint8Array | null]> = [
  ['baseline (no upload, 5 s)', () => null],
  ['wide-rows.xlsx (300 rows, a cell in XFD)', () => wideWorkbook('150000000')],
  ['packed.xlsx (unpacks to 250 MB)', () => packedWorkbook(250)],
  ['long.csv (150 000 lines)', () => longCsv((i) => row(i, `Вопрос ${i}`))],
  ['random.bin (10 MB)', () => noise()],
  ['honest-19mb.csv (19 MB, long texts)', () => { const b = longCsv((i) => row(i, `Вопрос ${i} ${'о'.repeat(1800)}`), 5200); return b.subarray(0, Math.min(b.length, b.lastIndexOf('\r\n', 19 * 1024 * 1024))); }],
  ['too-big.csv (21 MB)', () => Buffer.alloc(21 * 1024 * 1024, 0x41)],
];
const results: Result[] = [];
for (const [name, make] of files) {
  const result = await measure(pid, uploader, other, name, await make());
  results.push(result);
  console.log(`${result.file}: ${result.status} in ${result.seconds} s — ${result.answer}; server RSS +${result.growthMb} MB; slowest other answer ${result.slowestOtherMs} ms signed in, ${result.slowestLoopMs} ms without the database (${result.polls} polls)`);
}
console.table(results.map(({ file, size, status, seconds, growthMb, slowestOtherMs, slowestLoopMs }) => ({
  file, size, status, seconds, 'RSS growth MB': growthMb, 'slowest other ms': slowestOtherMs, 'slowest, no database ms': slowestLoopMs,
})));
const worst = (key: 'growthMb' | 'slowestOtherMs' | 'slowestLoopMs') => Math.max(...results.map((r) => r[key]));
console.log(`Worst: +${worst('growthMb')} MB (goal ≤ 100); another user waited ${worst('slowestOtherMs')} ms signed in, ${worst('slowestLoopMs')} ms without the database (goal ≤ 200).`);
console.log(`Load average now: ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} on ${(await import('node:os')).cpus().length} CPUs.`);
