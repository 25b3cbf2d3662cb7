import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// Tests of the app's own server (scripts/serve.ts) as a process: they need `npm run build` first,
// so `npm test` leaves them out and CI runs `npm run test:server` after the build.
export default defineConfig({ ...base, test: { ...base.test, include: ['tests/server/**/*.test.ts'], maxWorkers: 1 } });
