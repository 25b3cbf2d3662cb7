// GET /api/health/ready – without sign-in: 200 when the database answers with every migration applied, else 503.
import { readyResponse } from '@/server/observability/probes';

export const dynamic = 'force-dynamic';
export const GET = () => readyResponse();
