// `npm run db:check [-- --schema path] [-- --migrations dir]`
// CI gate: replaying prisma/migrations must yield exactly schema.prisma.
// Same comparison as `prisma migrate diff --from-migrations … --to-schema … --exit-code`:
// the engine replays the migrations in a shadow database (here a throwaway in-memory
// PGlite, so no DATABASE_URL is needed), introspects it and diffs against the schema.
// What Prisma does not model (CHECK constraints, triggers, functions, views) is not
// introspected, so hand-written SQL for those does not count as drift.
import { pathToFileURL } from 'node:url';
import { PgliteMemoryAdapterFactory } from './pglite-adapter';
import { cliPaths, FILTERS, LOCKFILE_CONTENT, readMigrationsList, readSchemaFiles, withSchemaEngine } from './schema-engine';

export interface DriftResult {
  drift: boolean;
  /** SQL that would take the migrated database to schema.prisma (empty when no drift). */
  sql: string;
}

export async function checkDrift(opts: { schemaPath?: string; migrationsDir?: string } = {}): Promise<DriftResult> {
  const files = await readSchemaFiles(opts.schemaPath);
  const migrationsList = await readMigrationsList(opts.migrationsDir);
  // No migrations yet means no lockfile either; supply it so the engine still replays
  // the (empty) history into a shadow database. Diffing from "empty" instead would
  // emit `CREATE SCHEMA IF NOT EXISTS "public"`, which needs CREATE on the database.
  if (!migrationsList.migrationDirectories.length) migrationsList.lockfile.content ??= LOCKFILE_CONTENT;
  const adapters = new PgliteMemoryAdapterFactory();
  const res = await withSchemaEngine(adapters, files, (engine) =>
    engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: true, // 2 when the diff is non-empty
      filters: FILTERS,
    }),
  ).finally(() => adapters.close());
  const drift = res.exitCode === 2;
  return { drift, sql: drift ? (res.stdout ?? '') : '' };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = performance.now();
  const { schemaPath, migrationsDir } = cliPaths();
  try {
    const { drift, sql } = await checkDrift({ schemaPath, migrationsDir });
    const took = `${((performance.now() - started) / 1000).toFixed(1)}s`;
    if (drift) {
      console.error(`Drift: the migrations do not produce ${schemaPath}. Missing SQL (${took}):\n\n${sql}`);
      console.error('Run `npm run db:migrate:create -- <name>` to capture it in a migration.');
      process.exitCode = 1;
    } else {
      console.log(`No drift: migrations in ${migrationsDir} match ${schemaPath} (${took}).`);
    }
  } catch (e) {
    // A migration that fails to apply is also a failure of the check.
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  }
}
