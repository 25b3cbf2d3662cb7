import 'server-only';
import { createHash } from 'node:crypto';
import { collectBriefingFigures } from '@/features/exports/briefing/figures';
import { BRIEFING_FORMATS, renderBriefing } from '@/features/exports/briefing/make';
import { closeHalfYear } from '@/server/records/closing';
import { LOCALES } from '@/i18n/config';
import { writeAudit } from '@/server/audit';
import type { Caller } from '@/server/auth/caller';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors';

// Issuing: the half-year's figures and its six files (DOCX and PDF in ru, kk, en) are made
// first, outside the transaction; then, in one transaction, the half-year is closed for edits,
// the version is stored and the issue audited. The files live in the database (bytea, some
// hundred kilobytes a version) so that a backup or replica carries them with their figures.

export type IssuedSummary = { id: number; period: string; version: number; issuedAt: Date; issuedBy: string };

export async function issueBriefing(caller: Caller, period: string): Promise<IssuedSummary> {
  const [year, half] = [Number(period.slice(0, 4)), Number(period.slice(6)) as 1 | 2];
  const figures = await collectBriefingFigures(period);
  const files = await Promise.all(
    LOCALES.flatMap((lang) => BRIEFING_FORMATS.map(async (format) => {
      const content = await renderBriefing(figures, lang, format, false);
      return { lang, format, content: new Uint8Array(content), sha256: createHash('sha256').update(content).digest('hex') };
    })),
  );
  return db().$transaction(async (tx) => {
    const closing = await closeHalfYear(tx, { year, half }, caller, 'briefing');
    const latest = await tx.issuedBriefing.findFirst({ where: { year, half }, orderBy: { version: 'desc' } });
    // Already closed, and issued since it closed: a new version needs an admin to reopen first.
    if (!closing.changed && latest && latest.issuedAt >= closing.row.closedAt) {
      throw new AppError('CONFLICT', `the briefing for ${period} is issued and the half-year is closed; an admin must reopen it before a reissue`);
    }
    const row = await tx.issuedBriefing.create({
      data: {
        year, half, version: (latest?.version ?? 0) + 1, figures: JSON.parse(JSON.stringify(figures)), issuedById: caller.userId,
        files: { create: files },
      },
    });
    await writeAudit({
      userId: caller.userId, action: 'briefing.issue', entity: 'issued_briefing', entityId: row.id,
      after: { period, version: row.version, files: files.map((f) => ({ lang: f.lang, format: f.format, bytes: f.content.length, sha256: f.sha256 })) },
      ip: caller.ip,
    }, tx);
    return { id: row.id, period, version: row.version, issuedAt: row.issuedAt, issuedBy: caller.fullName };
  }, { timeout: 30_000, maxWait: 10_000 });
}
