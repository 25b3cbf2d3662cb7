import 'server-only';
import { z } from 'zod';
import { type StatsFilter, compareOf, resolveStatsFilter, statsQuerySchema } from '@/server/stats/filters';
import { languageOf } from '@/server/stats/api';
import { getLatestHalfWithData } from '@/server/stats/queries/latest';
import { pickName } from '@/i18n/pick-name';
import { writeAudit } from '@/server/audit';
import type { AuditActionOf } from '@/server/audit-codes';
import type { Caller } from '@/server/auth/caller';
import { db } from '@/server/db/client';
import { searchParamsOf } from '@/server/list-params';
import { BRIEFING_FORMATS } from './briefing/make';
import { TABLES } from './tables';
import type { ExportContext } from './tables';
import { type ExportLang, exportLang, translatorFor } from './translator';

// The export routes' parameters: the statistics' own filters (one schema for both), plus what
// a file needs: its format, language, CSV delimiter. Bad values are a 400 naming each one.

const lang = z.enum(['ru', 'kk', 'en'], { message: 'must be ru, kk or en' }).optional();

export const briefingQuerySchema = z.object({
  period: z.string({ message: 'must be a year (2022) or a half-year (2022-H2)' }).regex(/^\d{4}(-H[12])?$/, 'must be a year (2022) or a half-year (2022-H2)'),
  format: z.enum(BRIEFING_FORMATS, { message: 'must be docx or pdf' }),
  lang,
});

export const fileQuerySchema = z.object({
  delimiter: z.enum([';', ','], { message: 'must be ; or ,' }).optional(),
  lang,
});

export const tableParamsSchema = z.object({ table: z.enum(TABLES, { message: `must be one of ${TABLES.join(', ')}` }) });

/** Both schemas at once, so a request with two bad parameters hears of both. */
export function parseFileQuery(request: Request) {
  const raw = searchParamsOf(request);
  const stats = statsQuerySchema.safeParse(raw);
  const file = fileQuerySchema.safeParse(raw);
  if (!stats.success || !file.success) throw new z.ZodError([...(stats.error?.issues ?? []), ...(file.error?.issues ?? [])]);
  return { stats: stats.data, file: file.data, lang: exportLang(file.data.lang ?? stats.data.lang ?? languageOf(request.headers.get('accept-language'))) };
}

async function filtersApplied(f: StatsFilter, l: ExportLang, t: ExportContext['t']): Promise<Array<[string, string]>> {
  const p = f.period;
  const periodText = p.kind === 'year' ? t('period.year', { year: String(p.year) })
    : p.kind === 'half' ? t('period.half', { year: String(p.year), half: String(p.index) })
    : p.kind === 'quarter' ? t('period.quarter', { year: String(p.year), quarter: String(p.index) })
    : `${p.from} — ${p.to}`;
  const all = t('exports.filters.all');
  const [region, category, body, unit] = await Promise.all([
    f.regionId === null ? null : db().region.findUnique({ where: { id: f.regionId } }),
    f.categoryId === null ? null : db().issueCategory.findUnique({ where: { id: f.categoryId } }),
    f.bodyId === null ? null : db().centralBody.findUnique({ where: { id: f.bodyId } }),
    f.unitId === null ? null : db().adminUnit.findUnique({ where: { id: f.unitId } }),
  ]);
  return [
    [t('exports.filters.title'), ''],
    [t('exports.filters.period'), `${periodText} (${p.from} — ${p.to})`],
    [t('exports.filters.asOf'), f.asOf],
    [t('exports.filters.region'), region ? pickName(l, region) : all],
    [t('exports.filters.unit'), unit ? pickName(l, unit) : all],
    [t('exports.filters.category'), category ? pickName(l, category) : all],
    [t('exports.filters.level'), f.level ? t(`codes.akimLevel.${f.level}`) : all],
    [t('exports.filters.body'), body ? pickName(l, body) : all],
  ];
}

export async function exportContext(caller: Caller, query: z.infer<typeof statsQuerySchema>, l: ExportLang): Promise<ExportContext> {
  const filter = await resolveStatsFilter(query, getLatestHalfWithData);
  const t = await translatorFor(l);
  return { caller, filter, compare: compareOf(query), lang: l, t, filtersApplied: await filtersApplied(filter, l, t) };
}

/** Every export is in the audit trail: who took which file of which period. */
export async function auditExport(caller: Caller, what: AuditActionOf<'export'>, period: string, details: Record<string, unknown>) {
  await writeAudit({ userId: caller.userId, action: `export.${what}`, entity: 'export', entityId: period, after: details, ip: caller.ip });
}

export const attachment = (name: string) => `attachment; filename="${name}"`;
