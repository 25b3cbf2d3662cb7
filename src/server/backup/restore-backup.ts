import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { applyAppRole } from '../db/app-role';
import { startEmbeddedDatabase } from '../db/embedded';
import { applyMigrations, readMigrations } from '../db/migrations';
import { openBackup, type OpenedBackup } from './archive';
import { libpqTarget, runPgTool } from './create-backup';
import { FILES_PREFIX, type BackupManifest } from './manifest';

export type RestoreResult = {
  manifest: BackupManifest;
  /** Migrations newer than the backup, applied after it was restored. */
  applied: string[];
  /** App roles whose rights were granted again, and those this server lacks (run `npm run db:roles`). */
  rolesGranted: string[];
  rolesMissing: string[];
};

/** A backup from a newer app than this one cannot be migrated forward: refuse it before touching anything. */
async function checkMigrations(manifest: BackupManifest): Promise<void> {
  const known = new Set((await readMigrations()).map((m) => m.name));
  const unknown = manifest.migrations.filter((m) => !known.has(m));
  if (unknown.length) {
    throw new Error(`The backup was taken at migration ${manifest.lastMigration}, which this version of Kezdesu does not have (${unknown.join(', ')}). Restore it with the version that made it, or a newer one.`);
  }
}

async function withBackup<T>(file: string, kind: BackupManifest['kind'], fn: (b: OpenedBackup) => Promise<T>): Promise<T> {
  const opened = await openBackup(file);
  try {
    if (opened.manifest.kind !== kind) {
      throw new Error(kind === 'pg_dump'
        ? `${file} is a backup of the embedded database (PGlite): unset DATABASE_URL to restore it into an empty DATA_DIR.`
        : `${file} is a backup of a PostgreSQL database (pg_dump): set DATABASE_URL to an empty database to restore it.`);
    }
    await checkMigrations(opened.manifest);
    return await fn(opened);
  } finally {
    await opened.dispose();
  }
}

async function restoreFiles(backup: OpenedBackup, filesDir: string | undefined): Promise<void> {
  if (!filesDir || !backup.manifest.files.length) return;
  for (const f of backup.manifest.files) {
    const target = path.join(filesDir, f.path.slice(FILES_PREFIX.length));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.copyFile(path.join(backup.dir, f.path), target);
  }
}

/** The tables, views and sequences a database holds outside PostgreSQL's own schemas. */
async function userRelations(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT n.nspname || '.' || c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
      ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

export type RestoreOptions = { filesDir?: string };

/**
 * Into an empty DATABASE_URL: pg_restore in one transaction, without the source's owners and
 * grants (the restoring role owns everything, as after the migrations), then the app roles the
 * backup recorded get their rights again where they exist on this server, then newer migrations.
 */
export async function restorePostgres(url: string, file: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  return withBackup(file, 'pg_dump', async (backup) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    let existingRoles: Set<string>;
    try {
      const held = await userRelations(client);
      if (held.length) {
        throw new Error(`The database is not empty (${held.length} tables and sequences, such as ${held.slice(0, 3).join(', ')}). Restore into a new, empty database (createdb) and point DATABASE_URL at it.`);
      }
      existingRoles = new Set((await client.query<{ rolname: string }>('SELECT rolname FROM pg_roles')).rows.map((r) => r.rolname));
    } finally {
      await client.end();
    }
    const target = libpqTarget(url);
    await runPgTool('pg_restore', ['--no-owner', '--no-acl', '--single-transaction', '--exit-on-error', `--dbname=${target.dbname}`, path.join(backup.dir, backup.manifest.database.path)], target.env);
    const rolesGranted: string[] = [];
    const rolesMissing: string[] = [];
    for (const role of backup.manifest.appRoles) {
      if (!existingRoles.has(role)) {
        rolesMissing.push(role);
        continue;
      }
      await applyAppRole(url, { role, password: null });
      rolesGranted.push(role);
    }
    const migrated = await applyMigrations(url);
    await restoreFiles(backup, options.filesDir);
    return { manifest: backup.manifest, applied: migrated.applied, rolesGranted, rolesMissing };
  });
}

/** What a folder holds that makes it no place to restore into (backups/ and a stopped holder's pid file are fine). */
export async function dataDirContents(dataDir: string): Promise<string[]> {
  const names = await fs.readdir(dataDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  return names.filter((n) => n !== 'backups' && n !== 'holder.pid').sort();
}

/**
 * Into an empty DATA_DIR: PGlite starts from the backup's data folder (under the folder's lock),
 * newer migrations run, and the generated AUTH_SECRET comes back beside it.
 */
export async function restoreEmbedded(dataDir: string, file: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const dir = path.resolve(dataDir);
  return withBackup(file, 'pglite', async (backup) => {
    const held = await dataDirContents(dir);
    if (held.length) throw new Error(`DATA_DIR ${dir} is not empty (it holds ${held.join(', ')}). Restore into a new or empty folder and point DATA_DIR at it.`);
    const tar = new Blob([await fs.readFile(path.join(backup.dir, backup.manifest.database.path))]);
    let applied: string[];
    try {
      const db = await startEmbeddedDatabase({ dataDir: dir, loadDataDir: tar });
      try {
        applied = (await applyMigrations(db.url)).applied;
      } finally {
        await db.stop();
      }
    } catch (error) {
      // The folder was empty: leave it so, and a second attempt is not refused.
      await fs.rm(path.join(dir, 'pglite'), { recursive: true, force: true });
      throw error;
    }
    if (backup.manifest.authSecret) {
      await fs.copyFile(path.join(backup.dir, backup.manifest.authSecret.path), path.join(dir, 'auth-secret'));
      await fs.chmod(path.join(dir, 'auth-secret'), 0o600);
    }
    await restoreFiles(backup, options.filesDir ?? path.join(dir, 'files'));
    return { manifest: backup.manifest, applied, rolesGranted: [], rolesMissing: [] };
  });
}
