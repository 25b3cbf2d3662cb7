import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Offline: the CLI only needs its WebAssembly parts for generate/validate, but it
// insists on a schema-engine path before it will start; any existing file will do.
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = path.resolve('package.json');
}
fs.mkdirSync('src/generated', { recursive: true });

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  // process.env, not env(): the latter throws when unset and breaks postinstall.
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
