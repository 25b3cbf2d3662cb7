// The embedded database's daily backups (issue 15): the clock is moved, not waited for. A backup
// is taken when the newest is a day old, and only the newest BACKUP_KEEP stay. The database is
// one migration behind, so restoring its backup must apply that migration.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '@/env';
import { openBackup } from '@/server/backup/archive';
import { backupEmbedded } from '@/server/backup/create-backup';
import { dailyBackupName, dailyBackups, listDailyBackups } from '@/server/backup/daily-backups';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '@/server/db/embedded';
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from '@/server/db/migrations';
import { restoreEmbedded, restorePostgres } from '@/server/backup/restore-backup';

const HOUR = 60 * 60 * 1000;

describe('daily backups of the embedded database', () => {
  let root: string;
  let db: EmbeddedDatabase;
  let newest: string;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kz-daily-'));
    const older = path.join(root, 'migrations');
    fs.cpSync(MIGRATIONS_DIR, older, { recursive: true });
    newest = (await readMigrations()).at(-1)!.name;
    fs.rmSync(path.join(older, newest), { recursive: true });
    db = await startEmbeddedDatabase({ dataDir: path.join(root, 'data') });
    await applyMigrations(db.url, older);
  }, 600_000); // an upper bound for a machine shared by many; it takes about a minute

  afterAll(async () => {
    await db?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('keeps 7 by default', () => {
    expect(readEnv({ NODE_ENV: 'test' }).BACKUP_KEEP).toBe(7);
    expect(readEnv({ NODE_ENV: 'test', BACKUP_KEEP: '30' }).BACKUP_KEEP).toBe(30);
    expect(() => readEnv({ NODE_ENV: 'test', BACKUP_KEEP: '0' })).toThrow(/BACKUP_KEEP/);
  });

  it('takes one a day and drops all but the newest `keep`', async () => {
    let clock = new Date('2026-12-01T03:00:00Z');
    const dir = path.join(root, 'data', 'backups');
    const taken: string[] = [];
    const daily = dailyBackups({
      dir,
      keep: 3,
      now: () => clock,
      backup: async (out, at) => {
        taken.push(path.basename(out));
        return backupEmbedded({ url: db.url, dumpDataDir: db.dumpDataDir }, out, { now: at });
      },
    });
    const names = async () => (await listDailyBackups(dir)).map((b) => path.basename(b.file));

    expect(await daily.tick()).toBe(path.join(dir, dailyBackupName(clock)));
    // Within the day: nothing more, however often it looks.
    for (const hours of [1, 6, 23]) {
      clock = new Date(Date.parse('2026-12-01T03:00:00Z') + hours * HOUR);
      expect(await daily.tick()).toBeNull();
    }
    expect(await names()).toEqual(['kezdesu-2026-12-01T030000Z.tar']);

    // Five more days, one tick a day: the oldest go once there are more than 3.
    for (let day = 2; day <= 6; day++) {
      clock = new Date(`2026-12-0${day}T03:30:00Z`);
      expect(await daily.tick()).not.toBeNull();
    }
    expect(taken).toHaveLength(6);
    expect(await names()).toEqual(['kezdesu-2026-12-04T033000Z.tar', 'kezdesu-2026-12-05T033000Z.tar', 'kezdesu-2026-12-06T033000Z.tar']);

    // A file that is not a daily backup is left alone; the newest is a backup like any other.
    fs.writeFileSync(path.join(dir, 'before-upgrade.tar'), 'kept by hand');
    clock = new Date('2026-12-07T04:00:00Z');
    await daily.tick();
    expect(fs.existsSync(path.join(dir, 'before-upgrade.tar'))).toBe(true);
    const newest = await openBackup((await listDailyBackups(dir)).at(-1)!.file);
    try {
      expect(newest.manifest).toMatchObject({ kind: 'pglite', createdAt: '2026-12-07T04:00:00.000Z' });
    } finally {
      await newest.dispose();
    }
  }, 600_000);

  it('restores into an empty DATA_DIR with its files, and applies the migration the backup lacks', async () => {
    // Files (attachments to come) travel under files/, by their path below the files folder.
    const filesDir = path.join(root, 'data', 'files');
    fs.mkdirSync(path.join(filesDir, 'meeting-1'), { recursive: true });
    fs.writeFileSync(path.join(filesDir, 'meeting-1', 'протокол.pdf'), 'a scanned record');
    const file = path.join(root, 'with-files.tar');
    const manifest = await backupEmbedded({ url: db.url, dumpDataDir: db.dumpDataDir }, file, { filesDir });
    expect(manifest.files.map((f) => f.path)).toEqual(['files/meeting-1/протокол.pdf']);

    await expect(restorePostgres('postgresql://nobody@127.0.0.1:1/none', file)).rejects.toThrow(/backup of the embedded database/);
    const result = await restoreEmbedded(path.join(root, 'restored'), file);
    expect(result.manifest.lastMigration).not.toBe(newest);
    expect(result.applied).toEqual([newest]);
    expect(fs.readFileSync(path.join(root, 'restored', 'files', 'meeting-1', 'протокол.pdf'), 'utf8')).toBe('a scanned record');
  }, 600_000);
});
