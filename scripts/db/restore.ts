// npm run db:restore -- FILE
// Restores a backup of `npm run db:backup` (or a daily one) into an empty DATABASE_URL, or into
// an empty DATA_DIR for the embedded database, then applies the migrations newer than it.
import '../load-env';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readEnv } from '../../src/env';
import { restoreEmbedded, restorePostgres } from '../../src/server/backup/restore-backup';

const { positionals } = parseArgs({ allowPositionals: true });
if (positionals.length !== 1) {
  console.error('usage: npm run db:restore -- FILE');
  process.exit(2);
}
const file = path.resolve(positionals[0]!);
const env = readEnv();

try {
  const result = env.DATABASE_URL ? await restorePostgres(env.DATABASE_URL, file) : await restoreEmbedded(env.DATA_DIR, file);
  const where = env.DATABASE_URL ? 'DATABASE_URL' : path.resolve(env.DATA_DIR);
  console.log(`Restored ${file} (taken ${result.manifest.createdAt} at migration ${result.manifest.lastMigration ?? 'none'}) into ${where}.`);
  console.log(result.applied.length ? `Applied newer migrations: ${result.applied.join(', ')}.` : 'No newer migrations to apply.');
  if (result.rolesGranted.length) console.log(`Granted the app's rights again to: ${result.rolesGranted.join(', ')}.`);
  if (result.rolesMissing.length) console.log(`This server lacks the app role(s) ${result.rolesMissing.join(', ')}: run npm run db:roles -- --app-role NAME.`);
} catch (error) {
  console.error(`db:restore: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
