import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { DECREE_REQUIREMENTS, DEFAULT_ANNOUNCEMENT_MIN_DAYS, type DecreeRequirement } from '@/server/records/meetings/rules';
import { pickName } from '@/i18n/pick-name';
import { statsDb as db } from '@/server/db/client';
import type { Compare } from '@/lib/period';
import type { StatsFilter } from '@/server/stats/filters';
import { changeOf, comparedFilter, comparedRead } from './compare';
import { halvesOf } from './halves';

// Central officials under the Decree and the Government's schedule: planned against held (an
// entry counts in the half it was planned for, a meeting in the half it was held), the share
// of meetings meeting each requirement, and the personal receptions.

type Shares = Record<DecreeRequirement, number | null>;

async function announcementMinDays(): Promise<number> {
  const row = await db().setting.findUnique({ where: { key: 'announcementMinDays' } });
  const n = Number(row?.value);
  return Number.isInteger(n) && n >= 0 ? n : DEFAULT_ANNOUNCEMENT_MIN_DAYS;
}

export async function getCentralMeetingStats(f: StatsFilter, lang: string) {
  const { from } = f.period;
  const to = f.period.to < f.asOf ? f.period.to : f.asOf;
  const scope: Prisma.Sql[] = [];
  if (f.regionId !== null) scope.push(Prisma.sql`region_id = ${f.regionId}`);
  if (f.bodyId !== null) scope.push(Prisma.sql`central_body_id = ${f.bodyId}`);
  const and = scope.length ? Prisma.sql`AND ${Prisma.join(scope, ' AND ')}` : Prisma.empty;
  const minDays = await announcementMinDays();

  const [bodies, planned, held, receptions] = await Promise.all([
    db().centralBody.findMany({ orderBy: { code: 'asc' } }),
    db().$queryRaw<Array<{ body: number; year: number; half: number; n: bigint }>>`
      SELECT central_body_id AS body, year, half, count(*) AS n FROM schedule_entry
      WHERE make_date(year, planned_month, 1) BETWEEN date_trunc('month', ${from}::date)::date AND ${f.period.to}::date ${and}
      GROUP BY 1, 2, 3`,
    db().$queryRaw<Array<Record<string, bigint | number | string>>>`
      SELECT m.central_body_id AS body, extract(year FROM m.held_on)::int AS year, CASE WHEN extract(month FROM m.held_on) <= 6 THEN 1 ELSE 2 END AS half,
        count(*) AS n,
        count(*) FILTER (WHERE m.announced_on IS NOT NULL AND m.held_on - m.announced_on >= ${minDays}) AS "ANNOUNCED",
        count(*) FILTER (WHERE m.questions_collected) AS "QUESTIONS_COLLECTED",
        count(*) FILTER (WHERE m.briefing_held) AS "BRIEFING_HELD",
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM personal_reception p WHERE p.meeting_id = m.id)) AS "PERSONAL_RECEPTION_HELD",
        count(*) FILTER (WHERE m.ngo_meeting_held) AS "NGO_MEETING_HELD",
        count(*) FILTER (WHERE m.action_plan_prepared) AS "ACTION_PLAN_PREPARED",
        count(*) FILTER (WHERE m.problem_site_visited) AS "PROBLEM_SITE_VISITED"
      FROM meeting m
      WHERE m.kind = 'CENTRAL' AND m.deleted_at IS NULL AND m.held_on BETWEEN ${from}::date AND ${to}::date
        ${f.regionId !== null ? Prisma.sql`AND m.region_id = ${f.regionId}` : Prisma.empty}
        ${f.bodyId !== null ? Prisma.sql`AND m.central_body_id = ${f.bodyId}` : Prisma.empty}
      GROUP BY 1, 2, 3`,
    db().$queryRaw<Array<{ n: bigint; citizens: bigint | null; voiced: bigint | null; resolved: bigint | null; in_execution: bigint | null }>>`
      SELECT count(*) AS n, sum(p.citizens_received) AS citizens, sum(p.issues_voiced) AS voiced,
        sum(p.issues_resolved) AS resolved, sum(p.issues_in_execution) AS in_execution
      FROM personal_reception p JOIN meeting m ON m.id = p.meeting_id
      WHERE m.kind = 'CENTRAL' AND m.deleted_at IS NULL AND p.held_on BETWEEN ${from}::date AND ${to}::date
        ${f.regionId !== null ? Prisma.sql`AND m.region_id = ${f.regionId}` : Prisma.empty}
        ${f.bodyId !== null ? Prisma.sql`AND m.central_body_id = ${f.bodyId}` : Prisma.empty}`,
  ]);

  const sumHeld = (rows: typeof held) => {
    const n = rows.reduce((s, r) => s + Number(r.n), 0);
    const shares = Object.fromEntries(
      DECREE_REQUIREMENTS.map((req) => [req, n === 0 ? null : rows.reduce((s, r) => s + Number(r[req]), 0) / n]),
    ) as Shares;
    return { n, shares };
  };
  const all = sumHeld(held);
  const r = receptions[0];
  const halves = halvesOf(f.period);
  return {
    scheduled: planned.reduce((s, p) => s + Number(p.n), 0),
    held: all.n,
    personalReceptions: Number(r?.n ?? 0),
    citizensReceived: Number(r?.citizens ?? 0),
    issuesVoiced: Number(r?.voiced ?? 0),
    issuesResolved: Number(r?.resolved ?? 0),
    issuesInExecution: Number(r?.in_execution ?? 0),
    announcementMinDays: minDays,
    byHalf: halves.map((h) => ({
      half: h.code,
      scheduled: planned.filter((p) => p.year === h.year && p.half === h.half).reduce((s, p) => s + Number(p.n), 0),
      held: held.filter((m) => Number(m.year) === h.year && Number(m.half) === h.half).reduce((s, m) => s + Number(m.n), 0),
    })),
    requirements: all.shares,
    byBody: bodies
      .filter((b) => f.bodyId === null || b.id === f.bodyId)
      .map((b) => {
        const mine = sumHeld(held.filter((m) => Number(m.body) === b.id));
        return {
          code: b.code, name: pickName(lang, b),
          scheduled: planned.filter((p) => p.body === b.id).reduce((s, p) => s + Number(p.n), 0),
          held: mine.n, requirements: mine.shares,
        };
      }),
  };
}

const COMPARED = ['scheduled', 'held', 'personalReceptions', 'citizensReceived', 'issuesVoiced', 'issuesResolved', 'issuesInExecution'] as const;
type ComparedFigure = (typeof COMPARED)[number];

/** The figures with the compared period's counts beside them, overall and per body, and the change. */
export async function getCentralMeetingStatsCompared(f: StatsFilter, lang: string, compare: Compare) {
  const pf = comparedFilter(f, compare);
  const [now, before] = await Promise.all([getCentralMeetingStats(f, lang), getCentralMeetingStats(pf, lang)]);
  const pick = <T>(fn: (k: ComparedFigure) => T) => Object.fromEntries(COMPARED.map((k) => [k, fn(k)])) as Record<ComparedFigure, T>;
  const bodyBefore = new Map(before.byBody.map((b) => [b.code, b]));
  return {
    ...now,
    byBody: now.byBody.map((b) => {
      const p = bodyBefore.get(b.code) ?? { scheduled: 0, held: 0 };
      return {
        ...b,
        previous: { scheduled: p.scheduled, held: p.held },
        change: { scheduled: changeOf(b.scheduled, p.scheduled), held: changeOf(b.held, p.held) },
      };
    }),
    previous: { ...comparedRead(pf), ...pick((k) => before[k]) },
    change: pick((k) => changeOf(now[k], before[k])),
  };
}
