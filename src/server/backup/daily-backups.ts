import fs from 'node:fs/promises';
import path from 'node:path';

// The embedded database's own backups: one a day into DATA_DIR/backups, the newest `keep` kept.
// The clock is injected, so a test can move it instead of waiting a day.

const DAY_MS = 24 * 60 * 60 * 1000;
const NAME = /^kezdesu-(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})(\d{2})Z\.tar$/;

export type DailyBackupFile = { file: string; takenAt: Date };

export function dailyBackupName(at: Date): string {
  return `kezdesu-${at.toISOString().slice(0, 19).replace(/:/g, '')}Z.tar`;
}

/** The daily backups in `dir`, oldest first (files with other names are left alone). */
export async function listDailyBackups(dir: string): Promise<DailyBackupFile[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  return names
    .flatMap((name) => {
      const m = NAME.exec(name);
      return m ? [{ file: path.join(dir, name), takenAt: new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) }] : [];
    })
    .sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
}

export type DailyBackupsOptions = {
  dir: string;
  keep: number;
  /** Makes one backup file at `out`. */
  backup: (out: string, at: Date) => Promise<unknown>;
  now?: () => Date;
};

export type DailyBackups = {
  dir: string;
  keep: number;
  /** Takes a backup when the newest is a day old or there is none, then drops all but the newest `keep`. Returns the new file, if any. */
  tick: () => Promise<string | null>;
};

export function dailyBackups(options: DailyBackupsOptions): DailyBackups {
  const now = options.now ?? (() => new Date());
  let running: Promise<string | null> | null = null;
  const tick = async (): Promise<string | null> => {
    await fs.mkdir(options.dir, { recursive: true });
    const at = now();
    const newest = (await listDailyBackups(options.dir)).at(-1);
    let made: string | null = null;
    if (!newest || at.getTime() - newest.takenAt.getTime() >= DAY_MS) {
      made = path.join(options.dir, dailyBackupName(at));
      await options.backup(made, at);
    }
    const all = await listDailyBackups(options.dir);
    for (const old of all.slice(0, Math.max(0, all.length - options.keep))) await fs.rm(old.file, { force: true });
    return made;
  };
  return {
    dir: options.dir,
    keep: options.keep,
    // Ticks never overlap: a slow backup is not started twice.
    tick: () => (running ??= tick().finally(() => { running = null; })),
  };
}
