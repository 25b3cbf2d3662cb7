// npm run db:seed — reference data and the 2022 demo dataset, into the embedded database, or into
// DATABASE_URL only with SEED_DEMO=1 (never with NODE_ENV=production): demo accounts share a published password.
import '../scripts/load-env';
import { readEnv } from '../src/env';
import { applyMigrations } from '../src/server/db/migrations';
import { withDatabase } from '../src/server/db/with-database';
import { demoSeedDecision } from './seed/demo-guard';
import { seedDemoData } from './seed/seed-demo';

const env = readEnv();

await withDatabase(async (url, embedded) => {
  const decision = demoSeedDecision({ embedded, seedDemo: env.SEED_DEMO, nodeEnv: env.NODE_ENV });
  if (decision.refusal) throw new Error(decision.refusal);
  await applyMigrations(url);
  if (!decision.seed) {
    console.log('Seed skipped: DATABASE_URL gets the demo data and its accounts only with SEED_DEMO=1.');
    return;
  }
  const result = await seedDemoData(url);
  if (!result.seeded) console.log(`Seed skipped: ${result.reason}.`);
  else console.log(`Seeded in ${(result.ms / 1000).toFixed(1)} s:`, result.counts);
});
