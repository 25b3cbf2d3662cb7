// npm run bench:load — the last hours before a half-year's deadline, on PostgreSQL, against two app
// instances (scripts/serve.ts) behind one public origin: akimat editors sign in, open the form, save
// a meeting with 3 issues, change 2 statuses, import a 200-row file and submit the half-year, while
// analysts read the overview and the regions. Prints p50/p95/p99 per action, the errors, requests
// per second, and checks afterwards that every write is there exactly once and that the figures
// equal plain SQL. Builds and drops its own database (load_bench_<pid>). See docs/benchmarks.md.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { seedDemoData } from '../../prisma/seed/seed-demo';
import { ensureBuilt } from './app';
import { type Verdict, compareRegions, compareSummary } from './compare';
import { createDatabase, dropDatabase, migrate } from './database';
import { type Answer, Balancer, Browser, Recorder, StepFailed } from './load-client';
import { type Editor, ISSUES_PER_IMPORTED_MEETING, type People, createPeople, dayIn, importFile, multipart } from './load-data';
import { REGIONS_SQL, type RegionRow, SUMMARY_SQL, type SummaryRow, regionsTruth, summaryTruth } from './plain-sql';
import { table, verdictLines } from './report';
import { connect, now, percentile } from './util';

const USAGE = `npm run bench:load -- [--url postgresql://postgres@127.0.0.1:5432/postgres] [--db load_bench_<pid>]
  [--editors 300] [--analysts 20] [--concurrency 50] [--ramp 45] [--rows 200] [--think 1000]
  [--ports 3130,3131] [--pool 10] [--keep]`;

const { values } = parseArgs({
  options: {
    url: { type: 'string' }, db: { type: 'string' }, editors: { type: 'string' }, analysts: { type: 'string' },
    concurrency: { type: 'string' }, ramp: { type: 'string' }, rows: { type: 'string' }, think: { type: 'string' },
    ports: { type: 'string' }, pool: { type: 'string' }, keep: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const int = (name: string, v: string | undefined, fallback: number) => {
  const n = Number(v ?? fallback);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number\n${USAGE}`);
  return n;
};
const o = {
  url: values.url ?? process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
  db: values.db ?? `load_bench_${process.pid}`,
  editors: int('editors', values.editors, 300),
  analysts: int('analysts', values.analysts, 20),
  concurrency: Math.max(1, int('concurrency', values.concurrency, 50)),
  ramp: int('ramp', values.ramp, 45),
  rows: Math.max(ISSUES_PER_IMPORTED_MEETING, int('rows', values.rows, 200)),
  think: int('think', values.think, 1000),
  ports: (values.ports ?? '3130,3131').split(',').map((p) => int('ports', p, 0)),
  pool: int('pool', values.pool, 10),
  keep: values.keep ?? false,
};
if (!/^[a-z0-9_]+$/.test(o.db)) throw new Error('--db must be lower case letters, digits and _');

const log = (s: string) => console.log(s);
const tag = randomBytes(3).toString('hex');

// ---- the period: the current half-year in Kazakhstan (UTC+5), open, its deadline not past ----
const today = new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));
const half = Number(today.slice(5, 7)) <= 6 ? 1 : 2;
const period = `${year}-H${half}`;
const periodFrom = `${year}-${half === 1 ? '01-01' : '07-01'}`;
const periodTo = `${year}-${half === 1 ? '06-30' : '12-31'}`;

// ---- the app instances ----
type Instance = { port: number; child: ChildProcess; output: string[]; exited: boolean };
const instances: Instance[] = [];

function startInstance(port: number, databaseUrl: string, secret: string, appUrl: string): Instance {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl, AUTH_SECRET: secret, APP_URL: appUrl, DB_POOL_SIZE: String(o.pool),
    },
  });
  const inst: Instance = { port, child, output: [], exited: false };
  const keep = (b: Buffer) => {
    inst.output.push(b.toString());
    if (inst.output.length > 2000) inst.output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.once('exit', () => (inst.exited = true));
  return inst;
}

async function waitReady(inst: Instance, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (inst.exited) throw new Error(`the app on ${inst.port} exited:\n${inst.output.join('').slice(-3000)}`);
    try {
      const res = await fetch(`http://127.0.0.1:${inst.port}/api/auth/csrf`);
      await res.text();
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the app on ${inst.port} did not answer within ${timeoutMs / 1000} s`);
}

async function stopInstance(inst: Instance): Promise<void> {
  if (inst.exited || inst.child.pid === undefined) return;
  const gone = new Promise((r) => inst.child.once('exit', r));
  try {
    process.kill(-inst.child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      if (!inst.exited && inst.child.pid !== undefined) process.kill(-inst.child.pid, 'SIGKILL');
    } catch { /* gone */ }
  }, 8000);
  await gone;
  clearTimeout(timer);
}

// ---- the server actions' ids, from the build's manifest (the ids the pages' forms post) ----
function actionIds(names: string[]): Record<string, string> {
  const manifest = JSON.parse(fs.readFileSync(path.resolve('.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string; filename?: string; workers?: Record<string, unknown> }>;
  };
  const out: Record<string, string> = {};
  for (const [id, entry] of Object.entries(manifest.node)) {
    const name = entry.exportedName;
    if (name && names.includes(name)) out[name] = id;
  }
  for (const n of names) if (!out[n]) throw new Error(`server action ${n} is not in the build's manifest: rebuild (npm run build)`);
  return out;
}

// ---- the people's work ----
type Outcome = { saved?: { meetingId: number; issueIds: number[] }; statuses: number; imported?: Record<string, number>; submitted?: boolean; failed?: string };

async function editorWork(e: Editor, people: People, lb: Balancer, rec: Recorder, ids: Record<string, string>, headers: string[]): Promise<Outcome> {
  const out: Outcome = { statuses: 0 };
  const b = new Browser(lb, rec);
  try {
    await b.signIn(e.username, people.password);
    await b.timed('open the form (GET /meetings/new)', 'GET', '/meetings/new?kind=AKIM');
    const heldOn = dayIn(periodFrom, today, e.index * 3, 1);
    const input = {
      kind: 'AKIM', officialId: String(e.officialId), heldOn, venue: 'HOUSE_OF_CULTURE', venueNote: '', announcedOn: '',
      announcementChannels: [], attendance: String(40 + (e.index % 200)), outcomes: '', externalRef: `${e.marker}-F`, openMicrophone: true,
      briefingHeld: undefined, questionsCollected: undefined, ngoMeetingHeld: undefined, problemSiteVisited: undefined, actionPlanPrepared: undefined,
      issues: [0, 1, 2].map((k) => ({
        categoryCode: people.categories[(e.index + k) % people.categories.length]!,
        description: `Жители просят отремонтировать дорогу [${e.marker}-F${k + 1}]`, responsibleLevel: 'REGION',
      })),
    };
    const saved = await b.serverAction<{ data: { id: number } }>('save a meeting with 3 issues (server action)', '/meetings/new?kind=AKIM', ids.createMeetingAction!, [undefined, input]);
    const meetingId = saved.data.id;
    // The form then shows the saved meeting; its issues are linked from there.
    const page = await b.timed('open the saved meeting (GET /meetings/[id])', 'GET', `/meetings/${meetingId}?saved=1`);
    const issueIds = [...new Set([...page.text.matchAll(/href="\/issues\/(\d+)"/g)].map((m) => Number(m[1])))];
    if (issueIds.length !== 3) throw new StepFailed('open the saved meeting (GET /meetings/[id])', 200, `found ${issueIds.length} issue links, not 3`);
    out.saved = { meetingId, issueIds };
    for (const [k, toStatus] of (['IN_EXECUTION', 'RESOLVED'] as const).entries()) {
      const id = issueIds[k]!;
      await b.timed('open an issue (GET /issues/[id])', 'GET', `/issues/${id}`);
      await b.serverAction('change a status (server action)', `/issues/${id}`, ids.changeIssueStatusAction!, [undefined, { id, version: 1, toStatus, effectiveOn: today, comment: '' }]);
      out.statuses += 1;
    }
    await b.timed('open the import page (GET /import)', 'GET', '/import');
    const file = importFile(headers, e, (i) => people.categories[(e.index + i) % people.categories.length]!, o.rows, periodFrom, today);
    const { body, contentType } = multipart('file', `${e.marker}.csv`, file);
    const check = await b.timed('import: upload and check 200 rows (POST /api/v1/imports)', 'POST', '/api/v1/imports', {
      headers: { 'content-type': contentType, accept: 'application/json' }, body,
      expect: (a) => (a.status !== 200 ? `HTTP ${a.status}` : (JSON.parse(a.text) as { errors: unknown[] }).errors.length ? 'row errors' : null),
    });
    const { id: batch } = JSON.parse(check.text) as { id: string };
    const commit = await b.timed('import: commit (POST /api/v1/imports/[id]/commit)', 'POST', `/api/v1/imports/${batch}/commit`, { headers: { accept: 'application/json' } });
    out.imported = JSON.parse(commit.text) as Record<string, number>;
    await b.timed('open the submissions page (GET /submissions)', 'GET', `/submissions?period=${period}`);
    const form = new FormData();
    form.set('period', period);
    await b.serverAction('submit the half-year (server action)', `/submissions?period=${period}`, ids.submitHalfYear!, [{ status: 'idle' }, form]);
    out.submitted = true;
  } catch (error) {
    out.failed = error instanceof Error ? error.message : String(error);
  }
  return out;
}

async function analystWork(username: string, password: string, lb: Balancer, rec: Recorder, running: () => boolean): Promise<void> {
  const b = new Browser(lb, rec);
  try {
    await b.signIn(username, password);
  } catch {
    return;
  }
  const pause = () => new Promise((r) => setTimeout(r, o.think * (0.5 + Math.random())));
  const steps: Array<[string, string]> = [
    ['overview (GET /)', `/?period=${period}`],
    ['regions (GET /api/v1/stats/regions)', `/api/v1/stats/regions?period=${period}`],
    ['regions page (GET /regions)', `/regions?period=${period}`],
  ];
  await pause();
  for (let i = 0; running(); i += 1) {
    const [action, url] = steps[i % steps.length]!;
    await b.timed(action, 'GET', url).catch(() => undefined);
    await pause();
  }
}

// ---- the check after the run ----
type Check = { name: string; expected: number; found: number; ok: boolean };

async function verify(client: pg.Client, people: People, outcomes: Outcome[]): Promise<Check[]> {
  const checks: Check[] = [];
  const add = (name: string, expected: number, found: number) => checks.push({ name, expected, found, ok: expected === found });
  const okSaves = outcomes.filter((x) => x.saved).length;
  const like = `LB${tag}-E%`;
  const q = async (sql: string, params: unknown[] = []) => Number((await client.query<{ n: string }>(sql, params)).rows[0]!.n);
  // Saved meetings: one per editor whose save was answered ok, and none that was not.
  add('form meetings, one per successful save', okSaves, await q(`SELECT count(*) AS n FROM meeting WHERE external_ref LIKE $1 AND external_ref LIKE '%-F' AND deleted_at IS NULL`, [like]));
  add('form meetings saved twice (same marker)', 0, await q(`SELECT count(*) AS n FROM (SELECT external_ref FROM meeting WHERE external_ref LIKE $1 GROUP BY 1 HAVING count(*) > 1) d`, [like]));
  add('form issues (3 per saved meeting), each once', okSaves * 3, await q(`SELECT count(DISTINCT description) AS n FROM raised_issue WHERE description LIKE $1 AND deleted_at IS NULL`, [`%[LB${tag}-E%-F_]`]));
  add('form issues written more than once', 0, await q(`SELECT count(*) AS n FROM (SELECT description FROM raised_issue WHERE description LIKE $1 GROUP BY 1 HAVING count(*) > 1) d`, [`%[LB${tag}-E%-F_]`]));
  const statuses = outcomes.reduce((s, x) => s + x.statuses, 0);
  add('status changes recorded by the forms (one row each)', statuses, await q(
    `SELECT count(*) AS n FROM issue_status_change c JOIN raised_issue i ON i.id = c.issue_id
     WHERE i.description LIKE $1 AND c.to_status IN ('IN_EXECUTION', 'RESOLVED')`, [`%[LB${tag}-E%-F_]`]));
  add('issues whose status is what the forms set', statuses, await q(
    `SELECT count(*) AS n FROM raised_issue WHERE (description LIKE $1 AND status = 'IN_EXECUTION') OR (description LIKE $2 AND status = 'RESOLVED')`,
    [`%[LB${tag}-E%-F1]`, `%[LB${tag}-E%-F2]`]));
  const imports = outcomes.filter((x) => x.imported).length;
  add(`imported meetings (${o.rows / ISSUES_PER_IMPORTED_MEETING} per committed file)`, imports * Math.ceil(o.rows / ISSUES_PER_IMPORTED_MEETING),
    await q(`SELECT count(*) AS n FROM meeting WHERE external_ref LIKE $1 AND external_ref NOT LIKE '%-F' AND deleted_at IS NULL`, [like]));
  add(`imported issues (${o.rows} per committed file), each once`, imports * o.rows, await q(`SELECT count(DISTINCT description) AS n FROM raised_issue WHERE description LIKE $1 AND deleted_at IS NULL`, [`%[LB${tag}-E%-R%]%`]));
  add('imported issues written more than once', 0, await q(`SELECT count(*) AS n FROM (SELECT description FROM raised_issue WHERE description LIKE $1 GROUP BY 1 HAVING count(*) > 1) d`, [`%[LB${tag}-E%-R%]%`]));
  add('commits that reported a different count than the file', 0, outcomes.filter((x) => x.imported && x.imported.issues !== o.rows).length);
  const scopes = new Set(people.editors.filter((_, i) => outcomes[i]?.submitted).map((e) => e.regionId));
  add('half-year submissions (one per region whose editors submitted)', scopes.size, await q(
    `SELECT count(*) AS n FROM half_year_submission WHERE year = $1 AND half = $2 AND scope_key LIKE 'R%'`, [year, half]));
  add('editors whose work stopped on an error', 0, outcomes.filter((x) => x.failed).length);
  return checks;
}

async function figures(client: pg.Client, lb: Balancer, rec: Recorder, people: People): Promise<Verdict[]> {
  const summary = summaryTruth((await client.query<SummaryRow>(SUMMARY_SQL, [periodFrom, periodTo])).rows);
  const regions = regionsTruth((await client.query<RegionRow>(REGIONS_SQL, [periodFrom, periodTo])).rows);
  const verdicts: Verdict[] = [];
  const b = new Browser(lb, new Recorder());
  await b.signIn(people.analysts[0]?.username ?? people.editors[0]!.username, people.password);
  // Each question asked of every instance (the balancer alternates).
  for (const _ of lb.ports) {
    for (const [kind, url] of [['summary', `/api/v1/stats/summary?period=${period}`], ['regions', `/api/v1/stats/regions?period=${period}`]] as const) {
      const a: Answer = await b.request('GET', url);
      const question = `${kind} ${period}`;
      if (a.status !== 200) verdicts.push({ question, verdict: 'ERROR', details: [`HTTP ${a.status}: ${a.text.slice(0, 200)}`] });
      else verdicts.push(kind === 'summary' ? compareSummary(question, JSON.parse(a.text), summary) : compareRegions(question, JSON.parse(a.text), regions));
    }
  }
  void rec;
  log(`  plain SQL ${period}: ${summary.meetings} meetings, ${summary.raised} issues raised, ${summary.resolvedDuring} resolved during, rate ${summary.rate?.toFixed(4) ?? '–'}`);
  return verdicts;
}


/** The latency table, the requests per second and the errors; also on Ctrl-C, for the run so far. */
function printLatencies(rec: Recorder, outcomes: Outcome[], wall: number): Map<string, { n: number; example: string }> {
  const byAction = new Map<string, number[]>();
  const errors = new Map<string, { n: number; example: string }>();
  for (const s of rec.samples) {
    byAction.set(s.action, [...(byAction.get(s.action) ?? []), s.ms]);
    if (!s.ok) {
      const key = `${s.action} | ${s.status}`;
      const e = errors.get(key) ?? { n: 0, example: s.detail ?? '' };
      e.n += 1;
      errors.set(key, e);
    }
  }
  lastLatencies = Object.fromEntries([...byAction].map(([a, t]) => {
    const s = [...t].sort((x, y) => x - y);
    return [a, { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s.at(-1) }];
  }));
  log(`\n=== Deadline rush: ${o.editors} editors, ${o.analysts} analysts, two instances, ${wall.toFixed(1)} s (${os.cpus().length} CPUs, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}) ===\n`);
  log(table(['action', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors'], [...byAction].map(([action, times]) => {
    const sorted = [...times].sort((a, b) => a - b);
    const errs = rec.samples.filter((x) => x.action === action && !x.ok).length;
    return [action, String(sorted.length), ms(percentile(sorted, 50)), ms(percentile(sorted, 95)), ms(percentile(sorted, 99)), ms(sorted.at(-1)!), String(errs)];
  })));
  log(`\nrequests: ${rec.requests} in ${wall.toFixed(1)} s = ${(rec.requests / wall).toFixed(1)} requests/s; editors finished: ${outcomes.filter((x) => x?.submitted).length}/${o.editors}`);
  log(errors.size ? `\nERRORS (action | HTTP status: count, first):\n${[...errors].map(([k, v]) => `  ${k}: ${v.n}  ${v.example.slice(0, 300)}`).join('\n')}` : '\nerrors: none');
  return errors;
}
let lastLatencies: Record<string, unknown> = {};
let live: { rec: Recorder; outcomes: Outcome[]; started: number } | null = null;

// ---- the run ----
let dbUrl: string | undefined;
let stopping = false;
async function cleanup(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(instances.map(stopInstance));
  if (dbUrl && !o.keep) await dropDatabase(o.url, o.db).catch((e) => console.error(`could not drop ${o.db}: ${e}`));
  else if (dbUrl) log(`kept database ${o.db} (${dbUrl})`);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (live) {
      log('\ninterrupted: the run so far');
      printLatencies(live.rec, live.outcomes, (now() - live.started) / 1000);
    }
    void cleanup().finally(() => process.exit(130));
  });
}

const ms = (v: number) => (Number.isNaN(v) ? '–' : v.toFixed(0));

async function main(): Promise<boolean> {
  log(`Kezdesu deadline rush: ${o.editors} editors (${o.concurrency} at once, ramp ${o.ramp} s), ${o.analysts} analysts, period ${period} (today ${today}),`);
  log(`  two instances on ${o.ports.join(', ')}, DB_POOL_SIZE ${o.pool} each, database ${o.db}; ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const t0 = now();
  const created = await createDatabase(o.url, o.db, false);
  dbUrl = created.url;
  await migrate(created.url);
  const seeded = await seedDemoData(created.url);
  if (!seeded.seeded) throw new Error(`the demo seed did not load: ${seeded.reason}`);
  const client = await connect(created.url);
  client.on('error', () => undefined); // the database dropped under it on Ctrl-C
  try {
    const closed = await client.query('SELECT 1 FROM closed_period WHERE year = $1 AND half = $2 AND reopened_at IS NULL', [year, half]);
    if (closed.rowCount) throw new Error(`${period} is closed in the seed: nothing can be saved in it`);
    const people = await createPeople(client, { editors: o.editors, analysts: o.analysts, tag });
    await client.query('ANALYZE');
    log(`  database ready in ${((now() - t0) / 1000).toFixed(0)} s: demo data, ${people.editors.length} editors over ${new Set(people.editors.map((e) => e.regionId)).size} regions, ${people.analysts.length} analysts`);
    ensureBuilt(log);
    const ids = actionIds(['createMeetingAction', 'changeIssueStatusAction', 'submitHalfYear']);
    const { IMPORT_COLUMNS } = await import('../../src/features/import/columns');
    const headers = IMPORT_COLUMNS.slice(0, IMPORT_COLUMNS.findIndex((c) => c.key === 'body')).map((c) => c.ru);

    // One public origin (a load balancer's), two instances behind it, one AUTH_SECRET.
    const publicOrigin = `http://127.0.0.1:${o.ports[0]}`;
    const secret = randomBytes(36).toString('base64url');
    for (const port of o.ports) instances.push(startInstance(port, created.url, secret, publicOrigin));
    await Promise.all(instances.map((i) => waitReady(i)));
    const lb = new Balancer(o.ports, publicOrigin, 64);
    // The first request of each page compiles nothing in production, but loads its modules: warm each once.
    {
      const warm = new Browser(lb, new Recorder());
      await warm.signIn(people.analysts[0]?.username ?? people.editors[0]!.username, people.password);
      for (const _ of o.ports) for (const url of [`/?period=${period}`, `/regions?period=${period}`, `/api/v1/stats/regions?period=${period}`]) await warm.request('GET', url);
    }
    log(`  instances ready: ${o.ports.map((p) => `http://127.0.0.1:${p}`).join(', ')}\n• the rush…`);

    const rec = new Recorder();
    let editorsDone = false;
    const started = now();
    const analysts = people.analysts.map((a) => analystWork(a.username, people.password, lb, rec, () => !editorsDone));
    // Editors arrive spread over the ramp; at most `concurrency` work at once.
    const outcomes: Outcome[] = new Array(people.editors.length);
    let active = 0;
    const waiters: Array<() => void> = [];
    const acquire = () => (active < o.concurrency ? (active += 1, Promise.resolve()) : new Promise<void>((r) => waiters.push(r)));
    const release = () => {
      const w = waiters.shift();
      if (w) w();
      else active -= 1;
    };
    let finished = 0;
    live = { rec, outcomes, started };
    const progress = setInterval(() => log(`  ${((now() - started) / 1000).toFixed(0)} s: ${finished}/${people.editors.length} editors done, ${active} working, ${rec.samples.filter((s) => !s.ok).length} errors, ${rec.requests} requests`), 10_000);
    await Promise.all(people.editors.map(async (e, i) => {
      await new Promise((r) => setTimeout(r, (o.ramp * 1000 * i) / Math.max(1, people.editors.length)));
      await acquire();
      try {
        outcomes[i] = await editorWork(e, people, lb, rec, ids, headers);
      } finally {
        finished += 1;
        release();
      }
    }));
    editorsDone = true;
    await Promise.all(analysts);
    clearInterval(progress);
    const wall = (now() - started) / 1000;
    live = null;

    // ---- report ----
    const errors = printLatencies(rec, outcomes, wall);
    const appErrors = instances.flatMap((i) => i.output.join('').split('\n').filter((l) => /error|unhandled|deadlock/i.test(l)).map((l) => `  [${i.port}] ${l.slice(0, 300)}`));
    if (appErrors.length) log(`\nthe instances logged ${appErrors.length} error line(s), first ones:\n${appErrors.slice(0, 15).join('\n')}`);

    log('\n• the check: every write there exactly once, every figure equal to plain SQL');
    const checks = await verify(client, people, outcomes);
    log(table(['check', 'expected', 'found', ''], checks.map((c) => [c.name, String(c.expected), String(c.found), c.ok ? 'ok' : 'WRONG'])));
    const verdicts = await figures(client, lb, rec, people);
    log(verdictLines(verdicts));
    lb.close();

    const file = path.resolve('bench-results', `load-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify({
      options: { ...o, url: undefined }, period, today, wall, requests: rec.requests, machine: { cpus: os.cpus().length, node: process.version, loadavg: os.loadavg() },
      actions: lastLatencies,
      errors: Object.fromEntries(errors), checks, verdicts,
    }, null, 2)}\n`);
    log(`\nJSON: ${path.relative(process.cwd(), file)}`);
    return errors.size === 0 && checks.every((c) => c.ok) && verdicts.every((v) => v.verdict === 'MATCH');
  } finally {
    await client.end().catch(() => undefined);
  }
}

try {
  const ok = await main();
  await cleanup();
  process.exitCode = ok ? 0 : 1;
} catch (error) {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  for (const i of instances) if (i.output.length) console.error(`--- app ${i.port} (last lines) ---\n${i.output.join('').slice(-3000)}`);
  await cleanup();
  process.exitCode = 1;
}
