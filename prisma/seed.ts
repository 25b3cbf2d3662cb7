// npm run db:seed — reference data and the 2022 demo dataset, into DATABASE_URL or the embedded database.
import '../scripts/load-env';
import { applyMigrations } from '../src/server/db/migrations';
import { withDatabase } from '../src/server/db/with-database';
import { seedDemoData } from './seed/seed-demo';

await withDatabase(async (url) => {
  await applyMigrations(url);
  const result = await seedDemoData(url);
  if (!result.seeded) console.log(`Seed skipped: ${result.reason}.`);
  else console.log(`Seeded in ${(result.ms / 1000).toFixed(1)} s:`, result.counts);
});
