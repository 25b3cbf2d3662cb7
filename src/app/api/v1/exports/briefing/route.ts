// GET /api/v1/exports/briefing – a draft of the half-year (or year) briefing as DOCX or PDF, in ru, kk or en.
import { collectBriefingFigures } from '@/features/exports/briefing/figures';
import { CONTENT_TYPES, briefingFileName, renderBriefing } from '@/features/exports/briefing/make';
import { attachment, auditExport, briefingQuerySchema } from '@/features/exports/params';
import { exportLang } from '@/features/exports/translator';
import { languageOf } from '@/server/stats/api';
import { apiRoute } from '@/server/api';
import { searchParamsOf } from '@/server/list-params';

export const GET = apiRoute({ permission: 'briefing.draft', route: 'GET /api/v1/exports/briefing' }, async ({ caller, request }) => {
  const q = briefingQuerySchema.parse(searchParamsOf(request));
  const lang = exportLang(q.lang ?? languageOf(request.headers.get('accept-language')));
  const figures = await collectBriefingFigures(q.period);
  const file = await renderBriefing(figures, lang, q.format, true);
  await auditExport(caller, 'briefing', q.period, { format: q.format, lang, draft: true, bytes: file.length });
  return new Response(new Uint8Array(file), {
    headers: { 'Content-Type': CONTENT_TYPES[q.format], 'Content-Disposition': attachment(briefingFileName(q.period, lang, q.format)), 'Cache-Control': 'no-store' },
  });
});
