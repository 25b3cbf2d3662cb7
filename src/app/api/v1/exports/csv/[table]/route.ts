// GET /api/v1/exports/csv/{table} – one table of a period as CSV (UTF-8 with BOM), streamed; formula-like cells made inert.
import { csvStream } from '@/features/exports/csv-stream';
import { attachment, auditExport, exportContext, parseFileQuery, tableParamsSchema } from '@/features/exports/params';
import { apiRoute } from '@/server/api';

export const GET = apiRoute<{ table: string }>({ permission: 'exports.tables', route: 'GET /api/v1/exports/csv/{table}' }, async ({ caller, request, params }) => {
  const { table } = tableParamsSchema.parse(params);
  const q = parseFileQuery(request);
  const context = await exportContext(caller, q.stats, q.lang);
  const delimiter = q.file.delimiter ?? ';';
  const body = await csvStream(table, context, delimiter);
  await auditExport(caller, 'csv', context.filter.period.code, { table, delimiter, lang: q.lang, query: q.stats });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachment(`kezdesu-${table}-${context.filter.period.code}.csv`),
      'Cache-Control': 'no-store',
    },
  });
});
