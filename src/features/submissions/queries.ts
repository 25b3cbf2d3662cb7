import 'server-only';
import { pickName } from '@/i18n/pick-name';
import { db } from '@/server/db/client';
import { deadlineKey, parseHalf } from './schemas';

// Who has submitted a half-year and who has not: every region's akimat and every central body.

export type SubmissionLine = { key: string; name: string; submittedAt: string | null; by: string | null; units: number };

export async function getCompleteness(code: string, locale: string) {
  const { year, half } = parseHalf(code)!;
  const [regions, bodies, rows, setting] = await Promise.all([
    db().region.findMany({ orderBy: { nameRu: 'asc' } }),
    db().centralBody.findMany({ orderBy: { nameRu: 'asc' } }),
    db().halfYearSubmission.findMany({ where: { year, half }, include: { submittedBy: { select: { fullName: true } } } }),
    db().setting.findUnique({ where: { key: deadlineKey(code) } }),
  ]);
  const byKey = new Map(rows.map((r) => [r.scopeKey, r]));
  const line = (key: string, name: string, unitsOf?: number): SubmissionLine => {
    const r = byKey.get(key);
    return {
      key, name, submittedAt: r?.submittedAt.toISOString() ?? null, by: r?.submittedBy.fullName ?? null,
      units: unitsOf === undefined ? 0 : rows.filter((x) => x.scopeKey.startsWith('U') && x.regionId === unitsOf).length,
    };
  };
  return {
    deadline: typeof setting?.value === 'string' ? setting.value : null,
    regions: regions.map((r) => line(`R${r.id}`, pickName(locale, r), r.id)),
    bodies: bodies.map((b) => line(`B${b.id}`, pickName(locale, b))),
  };
}

export async function getOwnSubmission(code: string, scopeKey: string | null) {
  if (!scopeKey) return null;
  const { year, half } = parseHalf(code)!;
  return db().halfYearSubmission.findUnique({ where: { year_half_scopeKey: { year, half, scopeKey } } });
}
