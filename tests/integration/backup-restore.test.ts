// The restore drill (issue 15): the demo data and a few records and audit rows written on top,
// backed up, wiped, restored; then every table (records, audit_log, the stat_* summaries the
// statistics read) and every sequence must be identical. Once on the embedded database, through
// the control channel the running `npm start` answers, and once on PostgreSQL with pg_dump.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../prisma/seed/seed-demo';
import { openBackup } from '@/server/backup/archive';
import { requestBackup } from '@/server/backup/control-channel';
import { backupPostgres } from '@/server/backup/create-backup';
import { startEmbeddedBackups } from '@/server/backup/embedded-backups';
import { restoreEmbedded, restorePostgres } from '@/server/backup/restore-backup';
import { applyAppRole } from '@/server/db/app-role';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '@/server/db/embedded';
import { applyMigrations, readMigrations } from '@/server/db/migrations';
import { createTestDatabase, hasRealServer, REAL_SERVER_URL, type TestDatabase } from '../support/database';
import { databaseFingerprint, type Fingerprint } from '../support/database-fingerprint';
import { createReference } from '../factories/reference';
import { createIssue, createMeeting } from '../factories/issues';
import { createUser } from '../factories/users';

// Upper bounds for a machine shared by many: seeding the demo data takes about 2 minutes on PGlite.
const DRILL_TIMEOUT = 900_000;

/** A meeting with two issues (one resolved), a user, and audit rows, after the demo data. */
async function writeRecords(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ref = await createReference(client);
    const meeting = await createMeeting(client, ref, { heldOn: '2022-05-10' });
    await createIssue(client, ref, meeting, [{ to: 'IN_EXECUTION', on: '2022-05-20' }, { to: 'RESOLVED', on: '2022-06-01' }]);
    await createIssue(client, ref, meeting);
    const user = await createUser(client, { role: 'AKIMAT_EDITOR', regionId: ref.regionId });
    for (const action of ['meeting.create', 'issue.status', 'user.create']) {
      await client.query(
        `INSERT INTO audit_log (user_id, action, entity, entity_id, after) VALUES ($1, $2, 'drill', $3, $4::jsonb)`,
        [user.id, action, String(meeting.id), JSON.stringify({ note: `written by the restore drill: ${action}` })],
      );
    }
  } finally {
    await client.end();
  }
}

const latestMigration = async () => (await readMigrations()).at(-1)!.name;

describe('restore drill on the embedded database (PGlite)', () => {
  let root: string;
  let source: EmbeddedDatabase;
  let before: Fingerprint;
  const backupFile = () => path.join(root, 'drill.tar');

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kz-drill-'));
    source = await startEmbeddedDatabase({ dataDir: path.join(root, 'd1') });
    await applyMigrations(source.url);
    await seedDemoData(source.url);
    await writeRecords(source.url);
    fs.writeFileSync(path.join(root, 'd1', 'auth-secret'), 'the-generated-secret-of-this-data-dir-0123456789', { mode: 0o600 });
    before = await databaseFingerprint(source.url);
  }, DRILL_TIMEOUT);

  afterAll(async () => {
    await source?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('backs up through the running app, restores into an empty DATA_DIR, and every table is identical', async () => {
    // What `npm start` runs, and what `npm run db:backup` asks it through DATA_DIR/control.sock.
    const app = await startEmbeddedBackups({ db: source, dataDir: path.join(root, 'd1'), keep: 7, log: () => undefined });
    try {
      expect(fs.statSync(app.channel!).mode & 0o777).toBe(0o600);
      const asked = await requestBackup(path.join(root, 'd1'), backupFile());
      expect(asked).toMatchObject({ reached: true, manifest: { kind: 'pglite', lastMigration: await latestMigration() } });
      // The app's database still answers after the backup.
      expect(await databaseFingerprint(source.url).then((f) => f.audit_log)).toBe(before.audit_log);
    } finally {
      await app.stop();
    }
    expect(fs.existsSync(path.join(root, 'd1', 'control.sock'))).toBe(false);

    // Wipe: the app stops and its folder goes.
    await source.stop();
    fs.rmSync(path.join(root, 'd1'), { recursive: true, force: true });

    const d2 = path.join(root, 'd2');
    const result = await restoreEmbedded(d2, backupFile());
    expect(result.applied).toEqual([]);
    expect(fs.readFileSync(path.join(d2, 'auth-secret'), 'utf8')).toBe('the-generated-secret-of-this-data-dir-0123456789');
    const restored = await startEmbeddedDatabase({ dataDir: d2 });
    try {
      const after = await databaseFingerprint(restored.url);
      expect(Object.keys(after).filter((t) => t.startsWith('stat_')).length).toBeGreaterThan(3);
      expect(after.audit_log).toBe(before.audit_log);
      expect(after).toEqual(before);
    } finally {
      await restored.stop();
    }
  }, DRILL_TIMEOUT);

  it('refuses a DATA_DIR that holds anything, and a backup that is damaged', async () => {
    await expect(restoreEmbedded(path.join(root, 'd2'), backupFile())).rejects.toThrow(/is not empty \(it holds auth-secret, pglite\)/);
    const damaged = path.join(root, 'damaged.tar');
    const bytes = fs.readFileSync(backupFile());
    bytes[bytes.length - 20_000]! ^= 0xff; // inside the database entry, past the manifest
    fs.writeFileSync(damaged, bytes);
    await expect(openBackup(damaged)).rejects.toThrow(/damaged|checksum|incomplete|TAR_/i);
    await expect(restoreEmbedded(path.join(root, 'd3'), damaged)).rejects.toThrow();
    expect(fs.existsSync(path.join(root, 'd3', 'pglite'))).toBe(false);
  }, DRILL_TIMEOUT);
});

describe.skipIf(!hasRealServer)('restore drill on PostgreSQL (pg_dump)', () => {
  const role = `kz_app_${randomBytes(4).toString('hex')}`;
  let root: string;
  let source: TestDatabase;
  let target: TestDatabase | undefined;
  let before: Fingerprint;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kz-drill-pg-'));
    source = await createTestDatabase();
    await seedDemoData(source.url);
    await writeRecords(source.url);
    await applyAppRole(source.url, { role });
    before = await databaseFingerprint(source.url);
  }, DRILL_TIMEOUT);

  afterAll(async () => {
    await source?.drop().catch(() => undefined);
    await target?.drop();
    const server = new pg.Client({ connectionString: REAL_SERVER_URL });
    await server.connect();
    await server.query(`DROP ROLE IF EXISTS ${role}`).finally(() => server.end());
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('backs up with pg_dump, restores into an empty database, every table is identical and the app role keeps its rights', async () => {
    const file = path.join(root, 'drill.tar');
    const manifest = await backupPostgres(source.url, file);
    expect(manifest).toMatchObject({ kind: 'pg_dump', lastMigration: await latestMigration(), appRoles: [role] });

    await source.drop(); // wipe
    target = await createTestDatabase({ migrate: false });
    const result = await restorePostgres(target.url, file);
    expect(result).toMatchObject({ applied: [], rolesGranted: [role], rolesMissing: [] });
    expect(await databaseFingerprint(target.url)).toEqual(before);

    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT has_table_privilege($1, 'meeting', 'INSERT') AS meeting, has_table_privilege($1, 'audit_log', 'INSERT') AS audit_insert,
                has_table_privilege($1, 'audit_log', 'UPDATE') AS audit_update`, [role]);
      expect(rows[0]).toEqual({ meeting: true, audit_insert: true, audit_update: false });
    } finally {
      await client.end();
    }

    await expect(restorePostgres(target.url, file)).rejects.toThrow(/database is not empty/);
  }, DRILL_TIMEOUT);
});
