import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { AnnouncementChannel, BudgetEntryKind, BudgetSource, IssueStatus, ResponsibleLevel, Venue } from '@/generated/prisma/enums';
import { pickName } from '@/i18n/pick-name';
import { recordableOfficialsWhere } from '@/server/access/scopes/official';
import type { Caller } from '@/server/auth/caller';
import { db } from '@/server/db/client';

// The choices of the data-entry forms, with labels in the reader's language, limited to what
// the caller may write: an akimat editor picks its own akims, a ministry editor its body's officials.

export type Option = { value: string; label: string };
export type OfficialOption = Option & { group: string };

const AKIM_POSITIONS = ['AKIM_REGION', 'AKIM_DISTRICT', 'AKIM_RURAL'] as const;
const CENTRAL_POSITIONS = ['MINISTER', 'VICE_MINISTER', 'COMMITTEE_CHAIR'] as const;

export async function officialOptions(caller: Caller, kind: 'AKIM' | 'CENTRAL'): Promise<OfficialOption[]> {
  const inScope = recordableOfficialsWhere(caller, kind);
  const [tc, locale] = await Promise.all([getTranslations('codes'), getLocale()]);
  if (!inScope) return [];
  const rows = await db().official.findMany({
    where: { ...inScope, active: true, position: { in: kind === 'AKIM' ? [...AKIM_POSITIONS] : [...CENTRAL_POSITIONS] } },
    orderBy: [{ position: 'asc' }, { fullName: 'asc' }],
    select: { id: true, fullName: true, position: true, region: true, unit: true, centralBody: true },
  });
  return rows.map((o) => {
    const place = o.unit ?? o.region ?? o.centralBody;
    return { value: String(o.id), label: place ? `${o.fullName} — ${pickName(locale, place)}` : o.fullName, group: tc(`position.${o.position}`) };
  });
}

export async function categoryOptions(): Promise<Option[]> {
  const locale = await getLocale();
  const rows = await db().issueCategory.findMany({ where: { active: true }, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] });
  return rows.map((c) => ({ value: c.code, label: pickName(locale, c) }));
}

export async function regionOptions(): Promise<Option[]> {
  const locale = await getLocale();
  const rows = await db().region.findMany({ orderBy: { nameRu: 'asc' } });
  return rows.map((r) => ({ value: r.kato, label: pickName(locale, r) }));
}

/** Every central body, by code: the bodies a request or a list entry can address. */
export async function bodyOptions(): Promise<Option[]> {
  const locale = await getLocale();
  const rows = await db().centralBody.findMany({ orderBy: { nameRu: 'asc' } });
  return rows.map((b) => ({ value: b.code, label: pickName(locale, b) }));
}

/** Labels of the codes the forms offer. */
export async function codeOptions() {
  const [tc, tr] = await Promise.all([getTranslations('codes'), getTranslations('records')]);
  return {
    venues: Object.values(Venue).map((v) => ({ value: v, label: tc(`venue.${v}`) })),
    channels: Object.values(AnnouncementChannel).map((v) => ({ value: v, label: tr(`announcementChannel.${v}`) })),
    responsibleLevels: Object.values(ResponsibleLevel).map((v) => ({ value: v, label: tr(`responsibleLevel.${v}`) })),
    statuses: Object.values(IssueStatus).map((v) => ({ value: v, label: tc(`issueStatus.${v}`) })),
    sources: Object.values(BudgetSource).map((v) => ({ value: v, label: tc(`budgetSource.${v}`) })),
    entryKinds: Object.values(BudgetEntryKind).map((v) => ({ value: v, label: tr(`budgetKind.${v}`) })),
  };
}
