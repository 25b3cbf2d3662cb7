// POST /api/v1/imports – check a spreadsheet (multipart, field `file`): { id, rows, errors }, nothing written yet.
import { postImport } from '@/features/import/api';
import { apiRoute } from '@/server/api';

export const POST = apiRoute({ permission: 'records.write', route: 'POST /api/v1/imports' }, ({ caller, request }) => postImport(caller, request));
