import 'server-only';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors';

// The archive: every issued version, newest first, and one stored file of one version.

export async function listIssuedBriefings() {
  const rows = await db().issuedBriefing.findMany({
    orderBy: [{ year: 'desc' }, { half: 'desc' }, { version: 'desc' }],
    select: {
      id: true, year: true, half: true, version: true, issuedAt: true,
      issuedBy: { select: { username: true, fullName: true } },
      files: { select: { lang: true, format: true, sha256: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id, period: `${r.year}-H${r.half}`, version: r.version, issuedAt: r.issuedAt.toISOString(),
    issuedBy: { username: r.issuedBy.username, fullName: r.issuedBy.fullName },
    files: r.files.map((f) => ({ ...f, href: `/api/v1/briefings/${r.id}/${f.lang}/${f.format}` })),
  }));
}


export async function getIssuedBriefingFile(id: number, lang: string, format: string) {
  const file = await db().issuedBriefingFile.findUnique({
    where: { briefingId_lang_format: { briefingId: id, lang, format } },
    select: { content: true, sha256: true, briefing: { select: { year: true, half: true, version: true } } },
  });
  if (!file) throw new AppError('NOT_FOUND', 'no such issued briefing file');
  return { content: file.content, sha256: file.sha256, period: `${file.briefing.year}-H${file.briefing.half}`, version: file.briefing.version };
}
