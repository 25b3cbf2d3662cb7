import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import lockfile from 'proper-lockfile';

// The zero-install database: PGlite (PostgreSQL compiled to WebAssembly) served over
// the wire protocol, so the app, migrations and psql use the same driver as in production.
// PGlite has no lock of its own and two processes on one folder corrupt it, hence the lock.

export class DataDirInUseError extends Error {
  constructor(dir: string) {
    super(`The data folder ${dir} is already used by another running Kezdesu. Stop that one first, or set DATA_DIR to another folder.`);
    this.name = 'DataDirInUseError';
  }
}

export type EmbeddedDatabase = {
  url: string;
  dataDir: string;
  stop: () => Promise<void>;
  /** PGlite's data folder as an uncompressed tar, taken under its query lock (a consistent snapshot). */
  dumpDataDir: () => Promise<Blob>;
};

export type EmbeddedOptions = {
  /** A folder for the database files; omit for a throw-away in-memory database. */
  dataDir?: string;
  port?: number;
  maxConnections?: number;
  /** A tar of a PGlite data folder (dumpDataDir) to start from; the folder must hold no database. */
  loadDataDir?: Blob;
};

const LOCK = { stale: 10_000, update: 2_000, realpath: false } as const;
const holderFile = (dataDir: string) => path.join(dataDir, 'holder.pid');

/** Whether the process that last took the folder still runs; unknown (no pid file) counts as running. */
function holderRuns(dataDir: string): boolean {
  const pid = Number(fs.readFileSync(holderFile(dataDir), { encoding: 'utf8', flag: 'a+' }).trim());
  if (!Number.isSafeInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * The folder's lock. A crashed holder's lock goes stale 10 s after its last refresh: when the
 * holder named in holder.pid is gone (SIGKILL, a crash), a restart waits for that instead of
 * refusing; a running holder is refused at once.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, { ...LOCK, retries: 0 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    if (holderRuns(dataDir)) throw new DataDirInUseError(dataDir);
    release = await lockfile.lock(dataDir, { ...LOCK, retries: { retries: 15, factor: 1, minTimeout: 1_000, maxTimeout: 1_000 } }).catch((e: NodeJS.ErrnoException) => {
      throw e.code === 'ELOCKED' ? new DataDirInUseError(dataDir) : e;
    });
  }
  fs.writeFileSync(holderFile(dataDir), String(process.pid));
  return release;
}

export async function startEmbeddedDatabase(options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : undefined;
  let release: (() => Promise<void>) | undefined;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    release = await lockDataDir(dataDir);
  }
  let db: PGlite | undefined;
  try {
    db = await PGlite.create(dataDir ? path.join(dataDir, 'pglite') : undefined, options.loadDataDir ? { loadDataDir: options.loadDataDir } : undefined);
    // PGlite is one session behind its socket: this counts the summary triggers' time for /api/metrics.
    await db.exec(`SET track_functions = 'pl'`);
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: options.port ?? 0, maxConnections: options.maxConnections ?? 32 });
    await server.start();
    const pglite = db;
    let stopped = false;
    return {
      url: `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
      dataDir: dataDir ?? ':memory:',
      dumpDataDir: () => pglite.dumpDataDir('none'),
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await server.stop();
        // Everything written reaches the data files now, so the next start replays no WAL.
        await pglite.exec('CHECKPOINT').catch(() => undefined);
        await pglite.close();
        await release?.();
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    await release?.();
    throw error;
  }
}
