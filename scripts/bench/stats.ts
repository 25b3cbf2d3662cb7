// npm run bench:stats — builds its own database with N issues over ten years, starts the built app
// on it, and measures the statistics API against plain SQL (speed and numbers), plus the cost of a
// status-change write. See docs/benchmarks.md.
import os from 'node:os';
import pg from 'pg';
import { type App, ensureBuilt, freePort, startApp } from './app';
import { type Verdict, compareBudgetRequests, compareRegions, compareSummary } from './compare';
import { createApiToken, createDatabase, dropDatabase, loadReference, migrate } from './database';
import { type LoadReport, generateData } from './generate';
import {
  BUDGET_REQUESTS_SQL, type BudgetRequestsRow, type Filter, PERIODS, REGIONS_SQL, SUMMARY_SQL, type RegionRow, type RegionTruth, type SummaryRow, type SummaryTruth,
  filterQuery, filteredSummarySql, filtersFor, halfStart, regionsTruth, summaryTruth,
} from './plain-sql';
import { measureHttp, measureSql } from './reads';
import { type Row, latencyTable, table, verdictLines, writeJson } from './report';
import { verifyData } from './verify';
import { type WriteResult, measureWrites } from './writes';
import { connect, phase, readOptions } from './util';

const o = readOptions();
const timings: Record<string, number> = {};
const log = (s: string) => console.log(s);
const marker = `kz-bench:stats complete issues=${o.issues}`;
let app: App | undefined;
let dbUrl: string | undefined;
let stopping = false;

async function cleanup(): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (app) await app.stop().catch(() => undefined);
  if (dbUrl && !o.keep) await dropDatabase(o.url, o.dbName).catch((e) => console.error(`could not drop ${o.dbName}: ${e}`));
  else if (dbUrl) log(`kept database ${o.dbName} (${dbUrl})`);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanup().finally(() => process.exit(130)));
}

async function isComplete(url: string): Promise<boolean> {
  const c = await connect(url);
  try {
    const { rows } = await c.query<{ d: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS d FROM pg_database WHERE datname = current_database()`,
    );
    return rows[0]?.d === marker;
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  log(`Kezdesu stats benchmark: ${o.issues.toLocaleString('en')} issues, database ${o.dbName}, ${o.requests} requests, ${o.sqlRuns} SQL runs`);
  let created = await phase(timings, 'create database', () => createDatabase(o.url, o.dbName, o.reuse));
  const loaded = created.existed && (await isComplete(created.url));
  if (created.existed && !loaded) {
    log('  the existing database is not a complete load of this size: recreating it');
    created = await createDatabase(o.url, o.dbName, false);
  }
  dbUrl = created.url;
  const applied = await phase(timings, 'migrations', () => migrate(created.url));
  log(`  applied ${applied.length} migration(s)`);
  const client = await connect(created.url);
  let load: LoadReport | null = null;
  let checks: Record<string, number> | null = null;
  try {
    if (!loaded) {
      const ref = await phase(timings, 'reference data', () => loadReference(client));
      log(`  ${Object.entries(ref).map(([t, n]) => `${t} ${n}`).join(', ')}`);
      load = await phase(timings, 'generate data', () => generateData(client, o.issues, o.chunk, log));
      log(`  rows: ${Object.entries(load.rows).filter(([t]) => t !== 'indexes' && t !== 'vacuum_analyze').map(([t, n]) => `${t} ${n.toLocaleString('en')}`).join(', ')}`);
      if (o.verify) {
        checks = await phase(timings, 'verify invariants', () => verifyData(client));
        const bad = Object.entries(checks).filter(([, n]) => n !== 0);
        log(bad.length ? `  INVARIANTS BROKEN: ${bad.map(([k, n]) => `${k}=${n}`).join(', ')}` : '  all invariants hold');
        if (bad.length) throw new Error('generated data breaks the invariants');
      }
      await client.query(`COMMENT ON DATABASE "${o.dbName}" IS '${marker}'`);
    } else log('  reusing the loaded data');
    const token = await createApiToken(client);
    await phase(timings, 'build check', async () => ensureBuilt(log));
    // The multi-filter questions need a unit that exists: the first district of Aktobe region.
    const unit = (await client.query<{ code: string }>(
      `SELECT u.code FROM admin_unit u JOIN region r ON r.id = u.region_id WHERE r.kato = '150000000' AND u.parent_id IS NULL ORDER BY u.code LIMIT 1`,
    )).rows[0]?.code;
    if (!unit) throw new Error('no unit in region 150000000');
    const filters: Filter[] = filtersFor(unit);
    const port = o.port ?? (await freePort());
    app = await phase(timings, 'start app', () => startApp(created.url, port, token));
    log(`  app at ${app.baseUrl}`);

    // ---- HTTP ----
    const httpRows = await phase(timings, 'HTTP measurements', async () => {
      const cases: Array<[string, string]> = [['GET /api/v1/health', '/api/v1/health']];
      for (const p of PERIODS) cases.push([`GET /api/v1/stats/summary ${p.code}`, `/api/v1/stats/summary?${p.query}`]);
      for (const p of PERIODS) cases.push([`GET /api/v1/stats/regions ${p.code}`, `/api/v1/stats/regions?${p.query}`]);
      for (const p of PERIODS) cases.push([`GET /api/v1/stats/budget-requests ${p.code}`, `/api/v1/stats/budget-requests?${p.query}`]);
      for (const p of PERIODS) {
        for (const f of filters) cases.push([`GET /api/v1/stats/summary ${p.code} ${f.label}`, `/api/v1/stats/summary?${p.query}${filterQuery(f)}`]);
      }
      const out = [];
      for (const [name, path] of cases) {
        const r = await measureHttp(app!.baseUrl, token, name, path, { warmup: o.warmup, runs: o.requests, budgetS: o.budget });
        log(`  ${name}: ${r.status}${r.seq ? ` p50 ${r.seq.p50} ms, p95 ${r.seq.p95} ms (c4 p95 ${r.c4?.p95} ms)` : ''}`);
        out.push(r);
      }
      return out;
    });
    await app.stop();
    app = undefined;

    // ---- plain SQL: speed, then the truth ----
    const pool = new pg.Pool({ connectionString: created.url, max: 4 });
    const sqlRows: Row[] = [];
    const truth: Record<string, { summary: SummaryTruth; regions: RegionTruth[] }> = {};
    const filteredTruth: Record<string, SummaryTruth> = {};
    const requestsTruth: Record<string, BudgetRequestsRow | undefined> = {};
    try {
      await phase(timings, 'SQL measurements', async () => {
        for (const p of PERIODS) {
          const plan = { warmup: 2, runs: o.sqlRuns, budgetS: o.budget };
          const summary = await measureSql<SummaryRow>(pool, `SQL summary ${p.code}`, SUMMARY_SQL, [p.from, p.to], plan);
          const regions = await measureSql<RegionRow>(pool, `SQL regions ${p.code}`, REGIONS_SQL, [p.from, p.to], plan);
          const requests = await measureSql<BudgetRequestsRow>(pool, `SQL budget requests ${p.code}`, BUDGET_REQUESTS_SQL, [p.from, p.to, halfStart(p.from)], plan);
          requestsTruth[p.code] = requests.rows[0];
          truth[p.code] = { summary: summaryTruth(summary.rows), regions: regionsTruth(regions.rows) };
          const filtered = [];
          for (const f of filters) {
            const q = filteredSummarySql(f);
            const r = await measureSql<SummaryRow>(pool, `SQL summary ${p.code} ${f.label}`, q.sql, [p.from, p.to, ...q.params], plan);
            filteredTruth[`${p.code} ${f.label}`] = summaryTruth(r.rows);
            filtered.push(r);
          }
          for (const { rows: _rows, ...r } of [summary, regions, requests, ...filtered]) {
            log(`  ${r.name}: p50 ${r.seq?.p50} ms, p95 ${r.seq?.p95} ms (c4 p95 ${r.c4?.p95} ms)`);
            sqlRows.push(r);
          }
        }
      });
    } finally {
      await pool.end();
    }

    // ---- the API's numbers against the truth ----
    const verdicts: Verdict[] = [];
    for (const p of PERIODS) {
      for (const kind of ['summary', 'regions'] as const) {
        const question = `${kind} ${p.code}`;
        const r = httpRows.find((h) => h.name === `GET /api/v1/stats/${kind} ${p.code}`);
        if (!r || r.httpStatus === 404) verdicts.push({ question, verdict: 'MISSING', details: ['route returns 404: not written yet'] });
        else if (r.httpStatus !== 200) verdicts.push({ question, verdict: 'ERROR', details: [`${r.status}: ${JSON.stringify(r.body)}`] });
        else if (kind === 'summary') verdicts.push(compareSummary(question, r.body, truth[p.code]!.summary));
        else verdicts.push(compareRegions(question, r.body, truth[p.code]!.regions));
      }
      {
        const question = `budget-requests ${p.code}`;
        const r = httpRows.find((h) => h.name === `GET /api/v1/stats/${question}`);
        if (!r || r.httpStatus !== 200) verdicts.push({ question, verdict: 'ERROR', details: [`${r?.status}: ${JSON.stringify(r?.body)}`] });
        else verdicts.push(compareBudgetRequests(question, r.body, requestsTruth[p.code]));
      }
      for (const f of filters) {
        const question = `summary ${p.code} ${f.label}`;
        const r = httpRows.find((h) => h.name === `GET /api/v1/stats/${question}`);
        if (!r || r.httpStatus !== 200) verdicts.push({ question, verdict: 'ERROR', details: [`${r?.status}: ${JSON.stringify(r?.body)}`] });
        else verdicts.push(compareSummary(question, r.body, filteredTruth[`${p.code} ${f.label}`]!));
      }
    }

    // ---- writes ----
    const writes: WriteResult = await phase(timings, 'write measurements', () => measureWrites(client, o.writes, o.issues));
    const writeRows: Row[] = [
      { name: `status change with summaries (${writes.summaryTriggers.length} summary triggers)`, via: 'write', status: 'ok', seq: writes.withSummaries },
      { name: 'status change, same tables, summary triggers off', via: 'write', status: 'ok', seq: writes.withoutSummaries },
    ];

    // ---- report ----
    const rows = [...httpRows.map(({ name, via, status, seq, c4 }) => ({ name, via, status, seq, c4 })), ...sqlRows, ...writeRows];
    log(`\n=== Results: ${o.issues.toLocaleString('en')} issues (${os.cpus().length} cores, Node ${process.version}) ===\n`);
    log(latencyTable(rows));
    log('\nThe truth (plain SQL, akim meetings):');
    log(table(['period', 'meetings', 'issues raised', 'resolved during', 'resolved of raised', 'rate'],
      PERIODS.map((p) => {
        const s = truth[p.code]!.summary;
        return [p.code, String(s.meetings), String(s.raised), String(s.resolvedDuring), String(s.resolvedOfRaised), s.rate === null ? '–' : s.rate.toFixed(4)];
      })));
    log('\nAPI against plain SQL:');
    log(verdictLines(verdicts));
    log('\nPhase timings (s):');
    log(table(['phase', 'seconds'], Object.entries(timings).map(([k, v]) => [k, v.toFixed(1)])));
    if (load) log(table(['load step', 'seconds', 'rows'], Object.entries(load.seconds).map(([k, v]) => [k, v.toFixed(1), k in load!.rows && !['indexes', 'vacuum_analyze'].includes(k) ? load!.rows[k]!.toLocaleString('en') : ''])));
    const file = writeJson(o.issues, {
      issues: o.issues, database: o.dbName, startedAt: new Date().toISOString(),
      options: { ...o, url: undefined }, machine: { cpus: os.cpus().length, node: process.version, platform: process.platform },
      postgres: (await client.query('SELECT version()')).rows[0].version,
      timings, load, checks, latency: rows, truth, filteredTruth, requestsTruth, verdicts, writes,
    });
    log(`\nJSON: ${file}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

try {
  await main();
  await cleanup();
} catch (error) {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  if (app?.output.length) console.error(`--- app output (last lines) ---\n${app.output.join('').slice(-4000)}`);
  await cleanup();
  process.exitCode = 1;
}
