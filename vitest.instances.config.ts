import path from 'node:path';
import { defineConfig } from 'vitest/config';

// `npm run test:instances`: the app in child processes (two instances on one PostgreSQL; SIGKILL
// mid-write on PostgreSQL and on the embedded database). Needs `npm run build` first, so it stays
// out of `npm test`, which runs on a bare clone.
export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve('src'),
      'server-only': path.resolve('tests/support/empty.ts'),
    },
  },
  test: {
    include: ['tests/instances/**/*.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Each file starts app processes of its own; one file at a time on two cores.
    fileParallelism: false,
    reporters: ['default'],
    env: { AUTH_SECRET: 'instances-test-secret-0123456789abcdef0123' },
  },
});
