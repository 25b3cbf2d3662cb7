import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { Position } from '@/generated/prisma/enums';
import type { StatsFilter } from '@/server/stats/filters';
import { DECREE_REQUIREMENTS, type DecreeRequirement } from '@/server/records/meetings/rules';
import type { Caller } from '@/server/auth/caller';
import { statsDb as db } from '@/server/db/client';
import { isoDayOf } from '@/lib/calendar';
import { meetingScopeSql } from '@/server/access/scopes/meeting';

// Central officials' meetings of the period that missed at least one Decree requirement
// (or the one asked for), newest first, a page at a time. The flags are judged in SQL the
// same way the statistics judge them (meetings/rules.ts), so the list and the matrix agree.

export const MISSED_PAGE_SIZE = 25;

export type MissedMeeting = {
  id: number;
  heldOn: string;
  body: { code: string; nameRu: string; nameKk: string; nameEn: string } | null;
  region: { kato: string; nameRu: string; nameKk: string; nameEn: string };
  official: { fullName: string; position: Position };
  missed: DecreeRequirement[];
};

type Row = {
  id: number; held_on: Date; official_name: string; position: Position;
  body_code: string | null; body_ru: string | null; body_kk: string | null; body_en: string | null;
  kato: string; region_ru: string; region_kk: string; region_en: string; total: bigint;
} & Record<DecreeRequirement, boolean>;

export async function listMeetingsMissingRequirements(
  caller: Caller,
  f: StatsFilter,
  opts: { requirement: DecreeRequirement | null; page: number; announcementMinDays: number; pageSize?: number },
): Promise<{ items: MissedMeeting[]; total: number }> {
  const size = opts.pageSize ?? MISSED_PAGE_SIZE;
  const to = f.period.to < f.asOf ? f.period.to : f.asOf;
  const missedWhere = opts.requirement
    ? Prisma.sql`NOT ${Prisma.raw(`f."${opts.requirement}"`)}`
    : Prisma.sql`NOT (${Prisma.join(DECREE_REQUIREMENTS.map((r) => Prisma.raw(`f."${r}"`)), ' AND ')})`;
  const rows = await db().$queryRaw<Row[]>`
    WITH f AS (
      SELECT m.id, m.held_on, m.official_id, m.central_body_id, m.region_id,
        (m.announced_on IS NOT NULL AND m.held_on - m.announced_on >= ${opts.announcementMinDays}) AS "ANNOUNCED",
        m.questions_collected AS "QUESTIONS_COLLECTED",
        m.briefing_held AS "BRIEFING_HELD",
        EXISTS (SELECT 1 FROM personal_reception p WHERE p.meeting_id = m.id) AS "PERSONAL_RECEPTION_HELD",
        m.ngo_meeting_held AS "NGO_MEETING_HELD",
        m.action_plan_prepared AS "ACTION_PLAN_PREPARED",
        m.problem_site_visited AS "PROBLEM_SITE_VISITED"
      FROM meeting m
      WHERE m.kind = 'CENTRAL' AND m.deleted_at IS NULL AND m.held_on BETWEEN ${f.period.from}::date AND ${to}::date
        AND ${meetingScopeSql(caller)}
        ${f.bodyId !== null ? Prisma.sql`AND m.central_body_id = ${f.bodyId}` : Prisma.empty}
        ${f.regionId !== null ? Prisma.sql`AND m.region_id = ${f.regionId}` : Prisma.empty}
    )
    SELECT f.*, o.full_name AS official_name, o.position,
      b.code AS body_code, b.name_ru AS body_ru, b.name_kk AS body_kk, b.name_en AS body_en,
      r.kato, r.name_ru AS region_ru, r.name_kk AS region_kk, r.name_en AS region_en,
      count(*) OVER () AS total
    FROM f
    JOIN official o ON o.id = f.official_id
    JOIN region r ON r.id = f.region_id
    LEFT JOIN central_body b ON b.id = f.central_body_id
    WHERE ${missedWhere}
    ORDER BY f.held_on DESC, f.id DESC
    LIMIT ${size} OFFSET ${(Math.max(1, opts.page) - 1) * size}`;
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => ({
      id: r.id,
      heldOn: isoDayOf(r.held_on),
      body: r.body_code ? { code: r.body_code, nameRu: r.body_ru ?? '', nameKk: r.body_kk ?? '', nameEn: r.body_en ?? '' } : null,
      region: { kato: r.kato, nameRu: r.region_ru, nameKk: r.region_kk, nameEn: r.region_en },
      official: { fullName: r.official_name, position: r.position },
      missed: DECREE_REQUIREMENTS.filter((req) => !r[req]),
    })),
  };
}
