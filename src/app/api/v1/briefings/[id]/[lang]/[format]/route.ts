// GET /api/v1/briefings/{id}/{lang}/{format} – one stored file of an issued briefing, exactly as issued.
import { CONTENT_TYPES, briefingFileName } from '@/features/exports/briefing/make';
import { getIssuedBriefingFile } from '@/features/exports/briefing/queries';
import { briefingFileParams } from '@/features/exports/briefing/schemas';
import { auditExport, attachment } from '@/features/exports/params';
import { apiRoute } from '@/server/api';

export const GET = apiRoute<{ id: string; lang: string; format: string }>(
  { permission: 'briefing.draft', route: 'GET /api/v1/briefings/{id}/{lang}/{format}' },
  async ({ caller, params }) => {
    const p = briefingFileParams.parse(params);
    const file = await getIssuedBriefingFile(p.id, p.lang, p.format);
    await auditExport(caller, 'issued-briefing', file.period, { id: p.id, version: file.version, lang: p.lang, format: p.format });
    return new Response(new Uint8Array(file.content), {
      headers: {
        'Content-Type': CONTENT_TYPES[p.format], 'Content-Disposition': attachment(briefingFileName(file.period, p.lang, p.format, file.version)),
        ETag: `"${file.sha256}"`, 'Cache-Control': 'private, max-age=31536000, immutable',
      },
    });
  },
);
