// `npm run db:migrate:create -- <name> [--schema path] [--migrations dir]`
// Offline stand-in for `prisma migrate dev --create-only`: writes
// prisma/migrations/<UTC timestamp>_<name>/migration.sql holding the engine's SQL from
// the existing migrations (replayed in an in-memory PGlite) to schema.prisma.
// Only generated SQL goes in; add hand-written SQL to the file afterwards.
import fs from 'node:fs/promises';
import path from 'node:path';
import { checkDrift } from './check-drift';
import { cliPaths, LOCKFILE, LOCKFILE_CONTENT } from './schema-engine';

const { schemaPath, migrationsDir, rest } = cliPaths();
const rawName = rest.find((a) => !a.startsWith('-'));
if (!rawName) {
  console.error('Usage: npm run db:migrate:create -- <name> [--schema path] [--migrations dir]');
  process.exit(2);
}
// Prisma's own folder naming: snake_case name after a 14-digit UTC timestamp.
const name = rawName.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 200);
const timestamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);

const { drift, sql } = await checkDrift({ schemaPath, migrationsDir });
if (!drift) {
  console.log(`No changes: the migrations already match ${schemaPath}. Nothing written.`);
  process.exit(0);
}

const dir = path.join(migrationsDir, `${timestamp}_${name}`);
await fs.mkdir(dir, { recursive: true });
await fs.writeFile(path.join(dir, 'migration.sql'), sql.endsWith('\n') ? sql : `${sql}\n`);
// `prisma migrate deploy` refuses a migrations folder whose lockfile names another provider.
const lockfile = path.join(migrationsDir, LOCKFILE);
await fs.writeFile(lockfile, LOCKFILE_CONTENT, { flag: 'wx' }).catch((e) => {
  if (e.code !== 'EEXIST') throw e;
});
console.log(`Created ${path.relative(process.cwd(), path.join(dir, 'migration.sql'))}`);
