import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { describeEntry, makeStaging, packBackup } from './archive';
import { AUTH_SECRET_ENTRY, FILES_PREFIX, PGLITE_ENTRY, PG_DUMP_ENTRY, type BackupEntry, type BackupManifest } from './manifest';

export type DatabaseState = { lastMigration: string | null; migrations: string[]; serverVersion: string | null; appRoles: string[] };

/** The applied migrations, the server's version and the roles other than the owner with rights on the tables. */
export async function readDatabaseState(client: pg.ClientBase): Promise<DatabaseState> {
  const there = (await client.query<{ t: string | null }>(`SELECT to_regclass('public._prisma_migrations')::text AS t`)).rows[0]?.t;
  const migrations = there
    ? (await client.query<{ name: string }>(
        `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )).rows.map((r) => r.name)
    : [];
  const serverVersion = (await client.query<{ v: string }>('SHOW server_version')).rows[0]?.v ?? null;
  const appRoles = (await client.query<{ role: string }>(
    `SELECT DISTINCT a.grantee::regrole::text AS role
       FROM pg_class c, aclexplode(c.relacl) a
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND a.grantee <> 0 AND a.grantee <> c.relowner
      ORDER BY 1`,
  )).rows.map((r) => r.role);
  return { lastMigration: migrations.at(-1) ?? null, migrations, serverVersion, appRoles };
}

/**
 * libpq takes a URL, but not Prisma's own parameters, and a password on the command line
 * would show in `ps`: it goes through PGPASSWORD instead.
 */
export function libpqTarget(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  for (const p of ['schema', 'connection_limit', 'pool_timeout', 'pgbouncer', 'statement_cache_size', 'socket_timeout']) u.searchParams.delete(p);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) {
    env.PGPASSWORD = decodeURIComponent(u.password);
    u.password = '';
  }
  return { dbname: u.toString(), env };
}

/** Runs one of PostgreSQL's client programs; its stderr becomes the error. */
export function runPgTool(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error(`${program} was not found: install PostgreSQL's client programs (15 or newer) and put them on PATH`) : error));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${program} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

async function copyFiles(stagingDir: string, filesDir: string | undefined): Promise<BackupEntry[]> {
  if (!filesDir) return [];
  const names = await fs.readdir(filesDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const entries: BackupEntry[] = [];
  for (const d of names.filter((n) => n.isFile())) {
    const rel = path.relative(filesDir, path.join(d.parentPath, d.name)).split(path.sep).join('/');
    const target = path.join(stagingDir, FILES_PREFIX, rel);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.copyFile(path.join(filesDir, rel), target);
    entries.push(await describeEntry(stagingDir, `${FILES_PREFIX}${rel}`));
  }
  return entries.sort((a, b) => a.path.localeCompare(b.path));
}

export type BackupOptions = {
  /** Files to carry under files/ (attachments); their paths are kept relative to this folder. */
  filesDir?: string;
  now?: Date;
};

/** DATABASE_URL: pg_dump's custom format, one consistent snapshot of the database. */
export async function backupPostgres(url: string, out: string, options: BackupOptions = {}): Promise<BackupManifest> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let state: DatabaseState;
  try {
    state = await readDatabaseState(client);
  } finally {
    await client.end();
  }
  const staging = await makeStaging();
  try {
    await fs.mkdir(path.join(staging.dir, 'database'));
    const target = libpqTarget(url);
    await runPgTool('pg_dump', ['--format=custom', `--file=${path.join(staging.dir, PG_DUMP_ENTRY)}`, `--dbname=${target.dbname}`], target.env);
    return await packBackup(staging.dir, out, {
      kind: 'pg_dump',
      ...state,
      database: await describeEntry(staging.dir, PG_DUMP_ENTRY),
      authSecret: null,
      files: await copyFiles(staging.dir, options.filesDir),
      createdAt: options.now,
    });
  } finally {
    await staging.dispose();
  }
}

export type EmbeddedSource = {
  /** The wire-protocol address of the running PGlite (queries queue behind the app's transactions). */
  url: string;
  dumpDataDir: () => Promise<Blob>;
  /** DATA_DIR/auth-secret, when the app generated its AUTH_SECRET there. */
  authSecretFile?: string;
};

/**
 * The embedded database, from the process that holds it: a checkpoint through the socket (it
 * waits for any open transaction), then PGlite's dumpDataDir under its query lock, gzipped
 * after the lock is released so the app waits only for the copy.
 */
export async function backupEmbedded(source: EmbeddedSource, out: string, options: BackupOptions = {}): Promise<BackupManifest> {
  const client = new pg.Client({ connectionString: source.url });
  await client.connect();
  let state: DatabaseState;
  try {
    state = { ...(await readDatabaseState(client)), appRoles: [] };
    await client.query('CHECKPOINT');
  } finally {
    await client.end();
  }
  const staging = await makeStaging();
  try {
    await fs.mkdir(path.join(staging.dir, 'database'));
    const tar = await source.dumpDataDir();
    await pipeline(Readable.fromWeb(tar.stream() as WebReadableStream), createGzip(), createWriteStream(path.join(staging.dir, PGLITE_ENTRY)));
    let authSecret: BackupEntry | null = null;
    if (source.authSecretFile) {
      await fs.mkdir(path.join(staging.dir, path.dirname(AUTH_SECRET_ENTRY)));
      const copied = await fs.copyFile(source.authSecretFile, path.join(staging.dir, AUTH_SECRET_ENTRY)).then(() => true, () => false);
      if (copied) authSecret = await describeEntry(staging.dir, AUTH_SECRET_ENTRY);
    }
    return await packBackup(staging.dir, out, {
      kind: 'pglite',
      ...state,
      database: await describeEntry(staging.dir, PGLITE_ENTRY),
      authSecret,
      files: await copyFiles(staging.dir, options.filesDir),
      createdAt: options.now,
    });
  } finally {
    await staging.dispose();
  }
}
