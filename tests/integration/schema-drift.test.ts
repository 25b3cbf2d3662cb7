// Guards the offline migration path (Prisma's wasm schema engine + in-process PGlite):
// the committed migrations must produce prisma/schema.prisma, and the check must
// notice when they do not. Runs without DATABASE_URL.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDrift } from '../../scripts/db/check-drift';
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA } from '../../scripts/db/schema-engine';

// Each check starts the wasm engine and a PGlite shadow database: a few seconds.
const TIMEOUT = 60_000;
let tmp: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'kz-drift-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('schema drift', () => {
  it('migrations produce exactly schema.prisma', { timeout: TIMEOUT }, async () => {
    const { drift, sql } = await checkDrift();
    expect(sql).toBe('');
    expect(drift).toBe(false);
  });

  it('reports a column the migrations lack', { timeout: TIMEOUT }, async () => {
    const schema = await fs.readFile(DEFAULT_SCHEMA, 'utf8');
    const changed = schema.replace(/^model Region \{$/m, 'model Region {\n  driftProbe String? @map("drift_probe")');
    expect(changed).not.toBe(schema);
    const schemaPath = path.join(tmp, 'schema.prisma');
    await fs.writeFile(schemaPath, changed);

    const { drift, sql } = await checkDrift({ schemaPath });
    expect(drift).toBe(true);
    expect(sql).toMatch(/ALTER TABLE "region" ADD COLUMN\s+"drift_probe" TEXT/);
  });

  it('tolerates hand-written SQL Prisma does not model', { timeout: TIMEOUT }, async () => {
    const migrationsDir = path.join(tmp, 'migrations');
    await fs.cp(DEFAULT_MIGRATIONS_DIR, migrationsDir, { recursive: true });
    await fs.mkdir(path.join(migrationsDir, '99990101000000_handwritten'));
    await fs.writeFile(
      path.join(migrationsDir, '99990101000000_handwritten', 'migration.sql'),
      `ALTER TABLE "escalation" ADD CONSTRAINT "escalation_half_check" CHECK ("half" IN (1, 2));
CREATE FUNCTION audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only; % refused', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();
CREATE VIEW issue_counts AS SELECT region_id, status, count(*) AS n FROM raised_issue GROUP BY 1, 2;
`,
    );
    expect(await checkDrift({ migrationsDir })).toEqual({ drift: false, sql: '' });
  });
});
