// npm run bench:import — rows per second of the spreadsheet import (read, check, commit, and a
// repeated commit that changes nothing) for N rows, beside PostgreSQL's COPY of the same rows
// into a plain table. Builds and drops its own database; needs psql for the COPY.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';
import { createDatabase, dropDatabase, loadReference, migrate } from './database';
import { table } from './report';
import { connect, now } from './util';

const { values } = parseArgs({ options: { url: { type: 'string' }, rows: { type: 'string' }, keep: { type: 'boolean' } } });
const serverUrl = values.url ?? process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const ROWS = Number(values.rows ?? 50_000);
const ISSUES_PER_MEETING = 5;
const DB_NAME = 'kz_bench_import';
const log = (s: string) => console.log(s);

const STATUSES = ['Поднят', 'На исполнении', 'Решён', 'Не поддержан', 'RESOLVED'];
const ru = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;

/** N rows as Excel saves them on a Russian Windows: Windows-1251, ";", spaced amounts. */
async function makeFile(headers: string[], kato: string, category: string): Promise<Buffer> {
  const lines = [headers.join(';')];
  for (let i = 0; i < ROWS; i += 1) {
    const meeting = Math.floor(i / ISSUES_PER_MEETING);
    const held = new Date(Date.UTC(2024, 0, 1) + (meeting % 170) * 86_400_000);
    const status = STATUSES[i % STATUSES.length]!;
    const later = new Date(held.getTime() + 5 * 86_400_000);
    lines.push([
      kato, `B-${meeting + 1}`, ru(held), 'Областной уровень', '', 'Дом культуры', String(50 + (meeting % 300)), String((i % ISSUES_PER_MEETING) + 1),
      category, `Вопрос жителей № ${i + 1}: ремонт дороги и освещение`, 'REGION', status, ru(later), '',
      (1_000_000 + i * 7).toLocaleString('ru-RU'), i % 3 ? '' : `${(500_000 + i).toLocaleString('ru-RU')},00`,
    ].join(';'));
  }
  return iconv.encode(lines.join('\r\n'), 'win1251');
}

function psqlCopy(url: string, sql: string, input: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql], { stdio: ['pipe', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql exited ${code}`))));
    child.stdin.end(input);
  });
}

async function main() {
  log(`Kezdesu import benchmark: ${ROWS.toLocaleString('en')} rows (${ROWS / ISSUES_PER_MEETING} meetings), ${os.cpus().length} CPUs, database ${DB_NAME}`);
  const { url } = await createDatabase(serverUrl, DB_NAME, false);
  try {
    await migrate(url);
    const client = await connect(url);
    await loadReference(client);
    const { rows: [region] } = await client.query<{ id: number; kato: string }>(`SELECT id, kato FROM region WHERE kato = '150000000'`);
    const { rows: [category] } = await client.query<{ code: string }>(`SELECT code FROM issue_category ORDER BY sort_order, code LIMIT 1`);
    const { rows: [user] } = await client.query<{ id: number }>(
      `INSERT INTO app_user (username, full_name, role, region_id) VALUES ('bench.import', 'Bench', 'AKIMAT_EDITOR', $1) RETURNING id`, [region!.id]);
    process.env.DATABASE_URL = url;
    const { IMPORT_COLUMNS: ALL_COLUMNS } = await import('../../src/features/import/columns');
    // An akimat's file: the akim meeting's and the issue's columns, up to the central officials' ones.
    const IMPORT_COLUMNS = ALL_COLUMNS.slice(0, ALL_COLUMNS.findIndex((c) => c.key === 'body'));
    const { readSpreadsheet } = await import('../../src/features/import/read-file');
    const { parseSheet } = await import('../../src/features/import/parse-rows');
    const { loadLookups } = await import('../../src/features/import/lookups');
    const { checkImport, commitImport } = await import('../../src/features/import/service');
    const { db, closeDb } = await import('../../src/server/db/client');
    const caller = {
      userId: user!.id, username: 'bench.import', fullName: 'Bench', role: 'AKIMAT_EDITOR' as const, regionId: region!.id, unitId: null,
      centralBodyId: null, mfaPending: false, via: 'token' as const, sessionId: null, tokenId: null, ip: null,
    };
    const file = await makeFile(IMPORT_COLUMNS.map((c) => c.ru), region!.kato, category!.code);
    log(`  file: ${(file.length / 1024 / 1024).toFixed(1)} MB, Windows-1251, ";"`);

    const timed = async <T>(fn: () => Promise<T>) => {
      const start = now();
      const value = await fn();
      return { value, ms: now() - start };
    };
    const read = await timed(async () => parseSheet((await readSpreadsheet(file)).rows, await loadLookups(db())));
    if (read.value.errors.length) throw new Error(`the generated file has errors: ${JSON.stringify(read.value.errors.slice(0, 3))}`);
    const check = await timed(() => checkImport(caller, { name: 'bench.csv', bytes: file }));
    if (check.value.errors.length) throw new Error('the check found errors');
    const commit = await timed(() => commitImport(caller, check.value.id));
    const check2 = await timed(() => checkImport(caller, { name: 'bench.csv', bytes: file }));
    const commit2 = await timed(() => commitImport(caller, check2.value.id));
    if (commit2.value.status !== 'committed' || Object.values(commit2.value.counts).some((n) => n !== 0)) throw new Error('the repeated import changed something');
    await closeDb();

    await client.query(`CREATE UNLOGGED TABLE bench_copy (${IMPORT_COLUMNS.map((c) => `"${c.key}" text`).join(', ')})`);
    const copy = await timed(() => psqlCopy(url, `\\copy bench_copy FROM STDIN WITH (FORMAT csv, DELIMITER ';', HEADER true, ENCODING 'WIN1251')`, file));
    const copied = Number((await client.query('SELECT count(*) FROM bench_copy')).rows[0].count);
    const counts = (await client.query(`SELECT (SELECT count(*) FROM meeting)::int AS meetings, (SELECT count(*) FROM raised_issue)::int AS issues,
      (SELECT count(*) FROM issue_status_change)::int AS history, (SELECT count(*) FROM budget_allocation)::int AS money`)).rows[0];
    await client.end();

    const perSecond = (ms: number) => Math.round(ROWS / (ms / 1000)).toLocaleString('en');
    const sec = (ms: number) => (ms / 1000).toFixed(2);
    log('');
    log(table(['step', 'seconds', 'rows/s'], [
      ['read and parse the file (no database writes)', sec(read.ms), perSecond(read.ms)],
      ['check: read, parse, check against the database, keep the batch', sec(check.ms), perSecond(check.ms)],
      ['commit: one transaction, set-based, with summary triggers', sec(commit.ms), perSecond(commit.ms)],
      ['check + commit (a first import)', sec(check.ms + commit.ms), perSecond(check.ms + commit.ms)],
      ['the same file again: check + commit, nothing changes', sec(check2.ms + commit2.ms), perSecond(check2.ms + commit2.ms)],
      [`PostgreSQL COPY of the same file into a plain table (${copied.toLocaleString('en')} rows)`, sec(copy.ms), perSecond(copy.ms)],
    ]));
    log('');
    log(`  written: ${Object.entries(counts).map(([k, n]) => `${k} ${Number(n).toLocaleString('en')}`).join(', ')}; commit wrote ${JSON.stringify(commit.value.status === 'committed' ? commit.value.counts : null)}`);
    log(`  import vs COPY: ${((check.ms + commit.ms) / copy.ms).toFixed(1)}× the time`);
  } finally {
    if (!values.keep) await dropDatabase(serverUrl, DB_NAME);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
