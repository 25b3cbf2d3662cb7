import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve('src'),
      // The real package throws outside React Server Components; tests call server code directly.
      'server-only': path.resolve('tests/support/empty.ts'),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/support/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Each integration file makes its own database; two cores run two files at once.
    maxWorkers: 2,
    reporters: ['default'],
    env: { AUTH_SECRET: 'test-secret-for-vitest-only-0123456789abcdef' },
  },
});
