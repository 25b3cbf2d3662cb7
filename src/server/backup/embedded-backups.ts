import path from 'node:path';
import type { EmbeddedDatabase } from '../db/embedded';
import { startControlChannel, type ControlChannel } from './control-channel';
import { backupEmbedded } from './create-backup';
import { dailyBackups, listDailyBackups } from './daily-backups';
import type { BackupManifest } from './manifest';

// What `npm start` runs beside the embedded database it holds: the daily backups and the
// control channel through which `npm run db:backup` asks for one. Backups never overlap.

// Hourly, the first an hour after the start: a backup pauses the app's queries for seconds, which
// a short demo, a browser test or a benchmark run should not meet.
const CHECK_EVERY_MS = 60 * 60_000;

export type EmbeddedBackups = { dir: string; keep: number; channel: string | null; summary: () => Promise<string>; stop: () => Promise<void> };

export async function startEmbeddedBackups(options: {
  db: EmbeddedDatabase;
  dataDir: string;
  keep: number;
  log?: (line: string) => void;
  now?: () => Date;
}): Promise<EmbeddedBackups> {
  const log = options.log ?? ((line) => console.log(line));
  const dataDir = path.resolve(options.dataDir);
  const source = { url: options.db.url, dumpDataDir: options.db.dumpDataDir, authSecretFile: path.join(dataDir, 'auth-secret') };
  let chain: Promise<unknown> = Promise.resolve();
  const backup = (out: string, at?: Date): Promise<BackupManifest> => {
    const next = chain.then(() => backupEmbedded(source, out, { filesDir: path.join(dataDir, 'files'), now: at }));
    chain = next.catch(() => undefined);
    return next;
  };
  const daily = dailyBackups({ dir: path.join(dataDir, 'backups'), keep: options.keep, backup, now: options.now });
  const check = () => daily.tick().then(
    (made) => { if (made) log(`Daily backup written: ${made}`); },
    (error: unknown) => log(`Daily backup failed: ${error instanceof Error ? error.message : String(error)}`),
  );
  let channel: ControlChannel | null = null;
  try {
    channel = await startControlChannel(dataDir, (out) => backup(out));
  } catch (error) {
    log(`Warning: no control channel, so npm run db:backup cannot reach this app: ${error instanceof Error ? error.message : String(error)}`);
  }
  const every = setInterval(() => void check(), CHECK_EVERY_MS);
  every.unref();
  return {
    dir: daily.dir,
    keep: daily.keep,
    channel: channel?.path ?? null,
    summary: async () => {
      const newest = (await listDailyBackups(daily.dir)).at(-1);
      return `Backups: daily into ${daily.dir}, the newest ${daily.keep} kept (BACKUP_KEEP); ${newest ? `latest ${path.basename(newest.file)}` : 'none yet, the first within the hour'}. One now: npm run db:backup -- --out FILE`;
    },
    stop: async () => {
      clearInterval(every);
      await channel?.close();
      await chain;
    },
  };
}
