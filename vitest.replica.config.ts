import path from 'node:path';
import { defineConfig } from 'vitest/config';

// `npm run test:replica`: tests that build a PostgreSQL 15 primary and streaming replica of their
// own (scripts/db/replica-cluster.ts), so they need Debian's PostgreSQL 15 programs; CI runs them
// after the build. `npm test` does not include them.
export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve('src'),
      'server-only': path.resolve('tests/support/empty.ts'),
    },
  },
  test: {
    include: ['tests/replica/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    maxWorkers: 1,
    reporters: ['default'],
    env: { AUTH_SECRET: 'test-secret-for-vitest-only-0123456789abcdef' },
  },
});
