// GET /api/v1/health – an authenticated no-op: the framework's floor for benchmarks and probes.
import { apiRoute } from '@/server/api';

export const GET = apiRoute({ permission: 'stats.national', route: 'GET /api/v1/health' }, async () => ({ status: 'ok' }));
