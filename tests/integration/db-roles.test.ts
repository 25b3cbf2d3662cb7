// The app's own database role (issue 14, finding 15): made by `npm run db:roles` as the owner,
// it can append to and read the audit trail and do the app's work, but cannot alter, drop or
// truncate audit_log, nor disable or drop its trigger. Roles exist only on a real server.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyAppRole } from '@/server/db/app-role';
import { applyMigrations } from '@/server/db/migrations';
import { createTestDatabase, hasRealServer, NEEDS_REAL_SERVER, REAL_SERVER_URL, type TestDatabase } from '../support/database';

const ROLE = `kz_app_${randomBytes(4).toString('hex')}`;
const PASSWORD = `pw-${randomBytes(12).toString('hex')}`;

describe.skipIf(!hasRealServer)(`npm run db:roles ${hasRealServer ? '' : NEEDS_REAL_SERVER}`, () => {
  let database: TestDatabase;
  let app: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    // Twice: the second run changes nothing and must not fail.
    expect(await applyAppRole(database.url, { role: ROLE, password: PASSWORD })).toMatchObject({ role: ROLE, created: true });
    expect(await applyAppRole(database.url, { role: ROLE, password: PASSWORD })).toMatchObject({ role: ROLE, created: false });
    const url = new URL(database.url);
    url.username = ROLE;
    url.password = PASSWORD;
    app = new pg.Client({ connectionString: url.toString() });
    await app.connect();
  });

  afterAll(async () => {
    await app?.end().catch(() => undefined);
    if (!database) return;
    const owner = new pg.Client({ connectionString: database.url });
    await owner.connect();
    await owner.query(`DROP OWNED BY ${ROLE}`).catch(() => undefined);
    await owner.end();
    await database.drop();
    const server = new pg.Client({ connectionString: REAL_SERVER_URL });
    await server.connect();
    await server.query(`DROP ROLE IF EXISTS ${ROLE}`);
    await server.end();
  });

  /** The error code of a statement run as the app's role (42501: insufficient privilege, or not the owner). */
  const refusal = async (sql: string) => {
    await app.query('BEGIN');
    try {
      await app.query(sql);
      return 'done';
    } catch (error) {
      return (error as { code?: string }).code;
    } finally {
      await app.query('ROLLBACK');
    }
  };

  it('connects as a LOGIN role that owns nothing and is no superuser', async () => {
    const { rows } = await app.query(`SELECT current_user AS me, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = current_user`);
    expect(rows[0]).toEqual({ me: ROLE, rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
    const owned = await app.query(`SELECT count(*)::int AS n FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)`);
    expect(owned.rows[0].n).toBe(0);
  });

  it('appends to and reads audit_log', async () => {
    await app.query(`INSERT INTO audit_log (action, entity, entity_id) VALUES ('access.denied', 'permission', 'db-roles test')`);
    const { rows } = await app.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = 'db-roles test'`);
    expect(rows[0].n).toBe(1);
  });

  it('cannot change, empty, alter or drop audit_log, nor disable or drop its trigger', async () => {
    const refused = {
      update: await refusal(`UPDATE audit_log SET entity_id = 'x'`),
      delete: await refusal(`DELETE FROM audit_log`),
      truncate: await refusal(`TRUNCATE audit_log`),
      alter: await refusal(`ALTER TABLE audit_log ADD COLUMN x int`),
      drop: await refusal(`DROP TABLE audit_log`),
      disableTrigger: await refusal(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`),
      disableAll: await refusal(`ALTER TABLE audit_log DISABLE TRIGGER ALL`),
      dropTrigger: await refusal(`DROP TRIGGER audit_log_no_update_delete ON audit_log`),
      newTrigger: await refusal(`CREATE TRIGGER t BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`),
      replaceFunction: await refusal(`CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`),
      replicaMode: await refusal(`SET session_replication_role = replica`),
    };
    for (const [what, code] of Object.entries(refused)) expect(code, what).toBe('42501');
    const { rows } = await app.query(`SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal AND tgenabled = 'O' ORDER BY 1`);
    expect(rows.map((r) => r.tgname)).toEqual(['audit_log_no_truncate', 'audit_log_no_update_delete']);
  });

  it('still does the app’s work: writes records, uses sequences and temporary tables, checks the migrations', async () => {
    const { rows } = await app.query(`INSERT INTO issue_category (code, name_ru, name_kk, name_en) VALUES ('ROLE_TEST', 'т', 'т', 't') RETURNING id`);
    await app.query(`UPDATE issue_category SET name_en = 'tt' WHERE id = $1`, [rows[0].id]);
    await app.query(`DELETE FROM issue_category WHERE id = $1`, [rows[0].id]);
    await app.query('BEGIN');
    await app.query('CREATE TEMP TABLE import_row ON COMMIT DROP AS SELECT 1 AS n');
    await app.query('COMMIT');
    expect(await refusal('CREATE TABLE public.mine (n int)')).toBe('42501');
    const url = new URL(database.url);
    url.username = ROLE;
    url.password = PASSWORD;
    expect((await applyMigrations(url.toString())).applied).toEqual([]);
  });
});
