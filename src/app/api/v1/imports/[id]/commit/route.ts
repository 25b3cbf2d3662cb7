// POST /api/v1/imports/{id}/commit – write a checked spreadsheet: every row in one transaction, or none.
import { postCommit } from '@/features/import/api';
import { apiRoute } from '@/server/api';

export const POST = apiRoute<{ id: string }>({ permission: 'records.write', route: 'POST /api/v1/imports/{id}/commit' }, ({ caller, request, params }) =>
  postCommit(caller, request, params.id),
);
