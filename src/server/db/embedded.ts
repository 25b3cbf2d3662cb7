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

export async function startEmbeddedDatabase(options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : undefined;
  let release: (() => Promise<void>) | undefined;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      // A crashed holder's lock goes stale after 10 s, so a restart after a crash still works.
      release = await lockfile.lock(dataDir, { stale: 10_000, update: 2_000, retries: 0, realpath: false });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirInUseError(dataDir);
      throw error;
    }
  }
  let db: PGlite | undefined;
  try {
    db = await PGlite.create(dataDir ? path.join(dataDir, 'pglite') : undefined, options.loadDataDir ? { loadDataDir: options.loadDataDir } : undefined);
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
