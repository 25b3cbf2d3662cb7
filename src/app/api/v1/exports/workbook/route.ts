// GET /api/v1/exports/workbook – every table of a period as one XLSX, streamed; record sheets within the caller's scope.
import { attachment, auditExport, exportContext, parseFileQuery } from '@/features/exports/params';
import { XLSX_TYPE, workbookStream } from '@/features/exports/workbook';
import { apiRoute } from '@/server/api';

export const GET = apiRoute({ permission: 'exports.tables', route: 'GET /api/v1/exports/workbook' }, async ({ caller, request }) => {
  const q = parseFileQuery(request);
  const context = await exportContext(caller, q.stats, q.lang);
  await auditExport(caller, 'workbook', context.filter.period.code, { lang: q.lang, query: q.stats });
  return new Response(workbookStream(context), {
    headers: { 'Content-Type': XLSX_TYPE, 'Content-Disposition': attachment(`kezdesu-${context.filter.period.code}-${q.lang}.xlsx`), 'Cache-Control': 'no-store' },
  });
});
