import 'server-only';
import { pickName } from '@/i18n/pick-name';
import { db } from '@/server/db/client';
import { deadlineKey, parseHalf } from './schemas';

// Who has submitted a half-year and who has not: every region's akimat, the akimats of its
// units, and every central body. Counted in SQL; the lines are only what the page lists.
//
// The units expected to submit are the districts and cities of regional significance (the
// first level under a region), and any other unit (a rural district) that has an akimat editor
// of its own or has submitted this half-year.

export type SubmissionLine = { key: string; name: string; submittedAt: string | null; by: string | null };
export type RegionLine = SubmissionLine & { regionId: number; units: { done: number; total: number } };
export type UnitLine = SubmissionLine & { regionId: number; rural: boolean };

type Row = { id: number; name_ru: string; name_kk: string; name_en: string; submitted_at: Date | null; by: string | null };

const line = (key: string, locale: string, r: Row): SubmissionLine => ({
  key,
  name: pickName(locale, { nameRu: r.name_ru, nameKk: r.name_kk, nameEn: r.name_en }),
  submittedAt: r.submitted_at?.toISOString() ?? null,
  by: r.by,
});

/** The expected units of every region (see above), as a SQL fragment over admin_unit `u`; $1 year, $2 half. */
const EXPECTED_UNIT = `(u.parent_id IS NULL
  OR EXISTS (SELECT 1 FROM app_user a WHERE a.unit_id = u.id AND a.active AND a.role = 'AKIMAT_EDITOR')
  OR EXISTS (SELECT 1 FROM half_year_submission x WHERE x.unit_id = u.id AND x.year = $1 AND x.half = $2))`;

export async function getCompleteness(code: string, locale: string) {
  const { year, half } = parseHalf(code)!;
  const client = db();
  const [regions, units, bodies, setting] = await Promise.all([
    client.$queryRawUnsafe<Array<Row & { done: number; total: number }>>(
      `SELECT r.id, r.name_ru, r.name_kk, r.name_en, s.submitted_at, a.full_name AS by,
         coalesce(c.done, 0)::int AS done, coalesce(c.total, 0)::int AS total
       FROM region r
       LEFT JOIN half_year_submission s ON s.year = $1 AND s.half = $2 AND s.scope_key = 'R' || r.id
       LEFT JOIN app_user a ON a.id = s.submitted_by_id
       LEFT JOIN (
         SELECT u.region_id, count(*) AS total, count(us.id) AS done
         FROM admin_unit u
         LEFT JOIN half_year_submission us ON us.year = $1 AND us.half = $2 AND us.scope_key = 'U' || u.id
         WHERE ${EXPECTED_UNIT}
         GROUP BY u.region_id
       ) c ON c.region_id = r.id
       ORDER BY r.name_ru`, year, half),
    // Districts and cities, each followed by its rural districts.
    client.$queryRawUnsafe<Array<Row & { region_id: number; rural: boolean }>>(
      `SELECT u.id, u.region_id, u.name_ru, u.name_kk, u.name_en, u.parent_id IS NOT NULL AS rural, s.submitted_at, a.full_name AS by
       FROM admin_unit u
       LEFT JOIN admin_unit p ON p.id = u.parent_id
       LEFT JOIN half_year_submission s ON s.year = $1 AND s.half = $2 AND s.scope_key = 'U' || u.id
       LEFT JOIN app_user a ON a.id = s.submitted_by_id
       WHERE ${EXPECTED_UNIT}
       ORDER BY u.region_id, coalesce(p.name_ru, u.name_ru), coalesce(p.id, u.id), u.parent_id NULLS FIRST, u.name_ru`, year, half),
    client.$queryRawUnsafe<Row[]>(
      `SELECT b.id, b.name_ru, b.name_kk, b.name_en, s.submitted_at, a.full_name AS by
       FROM central_body b
       LEFT JOIN half_year_submission s ON s.year = $1 AND s.half = $2 AND s.scope_key = 'B' || b.id
       LEFT JOIN app_user a ON a.id = s.submitted_by_id
       ORDER BY b.name_ru`, year, half),
    client.setting.findUnique({ where: { key: deadlineKey(code) } }),
  ]);
  return {
    deadline: typeof setting?.value === 'string' ? setting.value : null,
    regions: regions.map((r): RegionLine => ({ ...line(`R${r.id}`, locale, r), regionId: r.id, units: { done: r.done, total: r.total } })),
    units: units.map((u): UnitLine => ({ ...line(`U${u.id}`, locale, u), regionId: u.region_id, rural: u.rural })),
    bodies: bodies.map((b) => line(`B${b.id}`, locale, b)),
  };
}

export async function getOwnSubmission(code: string, scopeKey: string | null) {
  if (!scopeKey) return null;
  const { year, half } = parseHalf(code)!;
  return db().halfYearSubmission.findUnique({ where: { year_half_scopeKey: { year, half, scopeKey } } });
}
