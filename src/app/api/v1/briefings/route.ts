// GET /api/v1/briefings – the issued briefings, every version; POST /api/v1/briefings – issue a half-year's briefing, closing it.
import { issueBriefing } from '@/features/exports/briefing/issue';
import { listIssuedBriefings } from '@/features/exports/briefing/queries';
import { issueBriefingSchema } from '@/features/exports/briefing/schemas';
import { apiRoute } from '@/server/api';
import { AppError } from '@/server/errors';

export const GET = apiRoute({ permission: 'briefing.draft', route: 'GET /api/v1/briefings' }, async () => ({ items: await listIssuedBriefings() }));

export const POST = apiRoute({ permission: 'briefing.issue', route: 'POST /api/v1/briefings' }, async ({ caller, request }) => {
  const body: unknown = await request.json().catch(() => {
    throw new AppError('VALIDATION', 'the body must be JSON', { _: 'must be a JSON object such as {"period":"2022-H2"}' });
  });
  const { period } = issueBriefingSchema.parse(body);
  const issued = await issueBriefing(caller, period);
  return Response.json(issued, { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
