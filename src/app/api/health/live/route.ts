// GET /api/health/live – without sign-in: 200 while the process answers.
import { liveResponse } from '@/server/observability/probes';

export const dynamic = 'force-dynamic';
export const GET = () => liveResponse();
