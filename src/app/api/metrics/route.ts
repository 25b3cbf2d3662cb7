// GET /api/metrics – Prometheus text for `Authorization: Bearer $METRICS_TOKEN`; a 404 when METRICS_TOKEN is unset.
import { metricsResponse } from '@/server/observability/probes';

export const dynamic = 'force-dynamic';
export const GET = (request: Request) => metricsResponse(request);
