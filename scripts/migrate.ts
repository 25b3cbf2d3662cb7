// npm run db:migrate — applies prisma/migrations to DATABASE_URL or the embedded database.
import './load-env';
import { applyMigrations } from '../src/server/db/migrations';
import { withDatabase } from '../src/server/db/with-database';

await withDatabase(async (url, embedded) => {
  const result = await applyMigrations(url);
  for (const w of result.warnings) console.warn(`Warning: ${w}`);
  const where = embedded ? 'embedded database' : 'DATABASE_URL';
  console.log(`${where}: ${result.applied.length} applied (${result.applied.join(', ') || 'none pending'}), ${result.alreadyApplied} already applied.`);
});
