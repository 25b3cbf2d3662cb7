import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { Disposition } from '@/generated/prisma/enums';
import type { StatsFilter } from '@/server/stats/filters';
import { escalationConditions, escalationStateOn } from '@/server/stats/queries/escalations';
import { meetingScopeSql } from '@/server/access/scopes/meeting';
import type { Caller } from '@/server/auth/caller';
import { statsDb as db } from '@/server/db/client';

// The issues central bodies selected from the central-level lists of the period's half-years,
// as the lists, the marks and the dispositions stood on asOf (as getEscalationStats counts them). Only
// issues the caller may read are listed: the list links to each issue's page.

type Named = { nameRu: string; nameKk: string; nameEn: string };

export type SelectedEscalation = {
  issueId: number;
  half: string;
  description: string;
  region: Named & { kato: string };
  category: Named;
  body: Named & { code: string };
  disposition: Disposition | null;
  amountKzt: number | null;
};

type Row = {
  issue_id: number; year: number; half: number; description: string;
  kato: string; region_ru: string; region_kk: string; region_en: string;
  category_ru: string; category_kk: string; category_en: string;
  body_code: string; body_ru: string; body_kk: string; body_en: string;
  disposition: Disposition | null; amount: bigint | null;
};

// An escalation's issue is readable when its meeting is: the records scope on meeting `m`.
export async function listSelectedEscalations(caller: Caller, f: StatsFilter): Promise<SelectedEscalation[]> {
  const conditions = escalationConditions(f);
  if (!conditions) return [];
  const where: Prisma.Sql[] = [...conditions, Prisma.sql`sel.selected`, meetingScopeSql(caller)];
  const rows = await db().$queryRaw<Row[]>`
    SELECT i.id AS issue_id, e.year, e.half, i.description,
      r.kato, r.name_ru AS region_ru, r.name_kk AS region_kk, r.name_en AS region_en,
      c.name_ru AS category_ru, c.name_kk AS category_kk, c.name_en AS category_en,
      b.code AS body_code, b.name_ru AS body_ru, b.name_kk AS body_kk, b.name_en AS body_en,
      d.disposition, d.amount
    FROM escalation e
    JOIN raised_issue i ON i.id = e.issue_id
    JOIN meeting m ON m.id = i.meeting_id
    JOIN region r ON r.id = m.region_id
    JOIN issue_category c ON c.id = i.category_id
    JOIN central_body b ON b.id = e.central_body_id
    ${escalationStateOn(f.asOf)}
    WHERE ${Prisma.join(where, ' AND ')}
    ORDER BY e.year, e.half, r.kato, i.id`;
  return rows.map((r) => ({
    issueId: r.issue_id,
    half: `${r.year}-H${r.half}`,
    description: r.description,
    region: { kato: r.kato, nameRu: r.region_ru, nameKk: r.region_kk, nameEn: r.region_en },
    category: { nameRu: r.category_ru, nameKk: r.category_kk, nameEn: r.category_en },
    body: { code: r.body_code, nameRu: r.body_ru, nameKk: r.body_kk, nameEn: r.body_en },
    disposition: r.disposition,
    amountKzt: r.amount === null ? null : Number(r.amount),
  }));
}
