// GET /api/v1/issues/{id} – one issue with its status history and budget entries, if in the caller's scope.
import { getIssue } from '@/features/issues/queries';
import { issueIdParams } from '@/features/issues/schemas';
import { apiRoute } from '@/server/api';

export const GET = apiRoute<{ id: string }>({ permission: 'records.read', route: 'GET /api/v1/issues/{id}' }, async ({ caller, params }) =>
  getIssue(caller, issueIdParams.parse(params).id),
);
