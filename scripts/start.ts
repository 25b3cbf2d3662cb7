// npm start — the whole product: database (DATABASE_URL, or the embedded one in DATA_DIR),
// migrations, demo data on a fresh embedded database, a production build if needed, then the
// app's own server (scripts/serve.ts), on 127.0.0.1 unless HOST says otherwise.
import './load-env';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { readEnv } from '../src/env';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../src/server/db/embedded';
import { applyMigrations } from '../src/server/db/migrations';
import { startEmbeddedBackups, type EmbeddedBackups } from '../src/server/backup/embedded-backups';
import { seedDemoData } from '../prisma/seed/seed-demo';
import { compileTrust } from '../src/server/http/trusted-proxies';
import { demoAccountsWithDemoPassword, demoExposedMessage, demoSeedDecision, isLoopbackHost, listenHost } from '../prisma/seed/demo-guard';

const env = readEnv();
const nextBin = path.resolve('node_modules/next/dist/bin/next');

/** The newest modification time under the given paths: a build older than it is stale. */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const walk = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      if (path.basename(p) === 'generated') return;
      for (const entry of fs.readdirSync(p)) walk(path.join(p, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach(walk);
  return newest;
}

function ensureBuilt(): void {
  const buildId = path.resolve('.next/BUILD_ID');
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  if (built > newestMtime(['src', 'public', 'next.config.js', 'package-lock.json'])) return;
  console.log('Building the app (first start, or the code changed)…');
  const result = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error('next build failed');
}

/** AUTH_SECRET, or one generated once and kept beside the data, so sessions survive restarts. */
function ensureAuthSecret(): void {
  if (process.env.AUTH_SECRET) return;
  const file = path.resolve(env.DATA_DIR, 'auth-secret');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  process.env.AUTH_SECRET = fs.readFileSync(file, 'utf8').trim();
}
ensureAuthSecret();
// The app runs behind its own server here, which keeps X-Forwarded-Host only from trusted proxies;
// next-auth may trust the Host header for its URLs.
process.env.AUTH_TRUST_HOST ??= 'true';

try {
  compileTrust(env.TRUSTED_PROXIES);
} catch (error) {
  console.error(`TRUSTED_PROXIES: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
const demoSeed = demoSeedDecision({ embedded: !env.DATABASE_URL, seedDemo: env.SEED_DEMO, nodeEnv: env.NODE_ENV });
if (demoSeed.refusal) {
  console.error(demoSeed.refusal);
  process.exit(1);
}
// The embedded database is a demo: it listens on this machine only unless HOST says otherwise.
const host = listenHost(env);

let embedded: EmbeddedDatabase | undefined;
let url = env.DATABASE_URL;
if (!url) {
  try {
    embedded = await startEmbeddedDatabase({ dataDir: env.DATA_DIR });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  url = embedded.url;
  console.log(`Embedded PostgreSQL (PGlite) on ${embedded.dataDir}`);
}

let backups: EmbeddedBackups | undefined;

async function shutdown(code: number): Promise<never> {
  await backups?.stop().catch((e: unknown) => console.error('Stopping the backups failed:', e));
  await embedded?.stop().catch((e: unknown) => console.error('Stopping the embedded database failed:', e));
  process.exit(code);
}

try {
  const migrated = await applyMigrations(url);
  for (const w of migrated.warnings) console.warn(`Warning: ${w}`);
  if (migrated.applied.length) console.log(`Applied migrations: ${migrated.applied.join(', ')}`);
  if (demoSeed.seed) {
    const seeded = await seedDemoData(url);
    if (seeded.seeded) console.log(`Demo data loaded in ${(seeded.ms / 1000).toFixed(1)} s.`);
  }
  if (!isLoopbackHost(host)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const exposed = await demoAccountsWithDemoPassword(client).finally(() => client.end());
    if (exposed.length) throw new Error(demoExposedMessage(host, exposed));
    if (!env.APP_URL) console.warn(`Warning: APP_URL is not set; set it to the address people open (https://…), or browsers' writes are refused.`);
  }
  ensureBuilt();
  // The embedded database backs itself up daily and answers `npm run db:backup` (docs/operations.md).
  if (embedded) {
    backups = await startEmbeddedBackups({ db: embedded, dataDir: env.DATA_DIR, keep: env.BACKUP_KEEP });
    console.log(await backups.summary());
  } else {
    console.log('Backups: DATABASE_URL is not backed up by the app; schedule npm run db:backup -- --out FILE (pg_dump), see docs/operations.md.');
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}

const app = spawn(process.execPath, ['--import', 'tsx', path.resolve('scripts/serve.ts')], {
  stdio: 'inherit',
  // PGlite is one session behind its socket: queries from several connections at once can
  // interleave their protocol messages, so the app talks to it over a single connection.
  env: { ...process.env, NODE_ENV: 'production', HOST: host, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: '1', ...(embedded ? { DB_POOL_SIZE: '1' } : {}) },
});
// SIGTERM: the app finishes its requests in flight (up to 10 s) and closes its pools, then exits;
// only then is the embedded database checkpointed and closed (shutdown). A hung app is killed.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    app.kill(signal);
    setTimeout(() => app.kill('SIGKILL'), 15_000).unref();
  });
}
app.on('exit', (code, signal) => void shutdown(code ?? (signal ? 0 : 1)));
