// GET /import/template?format=xlsx|csv – the import template with its Russian headers.
import { templateCsv, templateXlsx } from '@/features/import/template';
import { apiRoute } from '@/server/api';

export const GET = apiRoute({ permission: 'records.write', route: 'GET /import/template' }, async ({ request }) => {
  const csv = new URL(request.url).searchParams.get('format') === 'csv';
  const body = csv ? templateCsv() : await templateXlsx();
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': csv ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="kezdesu-import.${csv ? 'csv' : 'xlsx'}"`,
    },
  });
});
