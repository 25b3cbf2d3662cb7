// npm run db:backup -- --out FILE
// DATABASE_URL: pg_dump's custom format. The embedded database: the running `npm start` makes
// the backup itself, asked through DATA_DIR/control.sock; with no app running, DATA_DIR is
// opened directly (under its lock). The file format is in docs/operations.md.
import '../load-env';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readEnv } from '../../src/env';
import { requestBackup } from '../../src/server/backup/control-channel';
import { backupEmbedded, backupPostgres } from '../../src/server/backup/create-backup';
import type { BackupManifest } from '../../src/server/backup/manifest';
import { DataDirInUseError, startEmbeddedDatabase } from '../../src/server/db/embedded';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
if (!values.out) {
  console.error('usage: npm run db:backup -- --out FILE');
  process.exit(2);
}
const out = path.resolve(values.out);
const env = readEnv();

function report(manifest: BackupManifest, how: string): void {
  const mb = (fs.statSync(out).size / 1e6).toFixed(1);
  console.log(`Backup written to ${out} (${mb} MB, ${manifest.kind}, at migration ${manifest.lastMigration ?? 'none'}) ${how}.`);
}

try {
  if (env.DATABASE_URL) {
    report(await backupPostgres(env.DATABASE_URL, out), 'from DATABASE_URL');
  } else {
    const dataDir = path.resolve(env.DATA_DIR);
    const asked = await requestBackup(dataDir, out);
    if (asked.reached) {
      report(asked.manifest, 'by the running app');
    } else {
      if (!fs.existsSync(path.join(dataDir, 'pglite', 'PG_VERSION'))) throw new Error(`${dataDir} holds no embedded database: nothing to back up.`);
      const db = await startEmbeddedDatabase({ dataDir }).catch((error: unknown) => {
        if (error instanceof DataDirInUseError) {
          throw new Error(`${dataDir} is held by another process that does not answer on its control channel (a migration, a seed or another backup?). Try again once it ends.`);
        }
        throw error;
      });
      try {
        const manifest = await backupEmbedded({ url: db.url, dumpDataDir: db.dumpDataDir, authSecretFile: path.join(dataDir, 'auth-secret') }, out, { filesDir: path.join(dataDir, 'files') });
        report(manifest, `from ${dataDir} (no app was running)`);
      } finally {
        await db.stop();
      }
    }
  }
} catch (error) {
  console.error(`db:backup: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
