import 'server-only';
import { pickName } from '@/i18n/pick-name';
import { bodyChoiceWhere, regionChoiceWhere } from '@/server/access/scopes/filter-choices';
import type { Caller } from '@/server/auth/caller';
import { db } from '@/server/db/client';

// Choices for the records pages' filters, named in the reader's language. A scoped caller
// is offered only their own region or body: any other choice would list nothing.

export type Choice = { value: string; label: string };

export async function regionChoices(caller: Caller, locale: string): Promise<Choice[]> {
  const where = regionChoiceWhere(caller);
  if (!where) return [];
  const rows = await db().region.findMany({
    where,
    select: { kato: true, nameRu: true, nameKk: true, nameEn: true },
  });
  return sortByLabel(rows.map((r) => ({ value: r.kato, label: pickName(locale, r) })), locale);
}

export async function bodyChoices(caller: Caller, locale: string): Promise<Choice[]> {
  const where = bodyChoiceWhere(caller);
  if (!where) return [];
  const rows = await db().centralBody.findMany({
    where,
    select: { code: true, nameRu: true, nameKk: true, nameEn: true },
  });
  return sortByLabel(rows.map((r) => ({ value: r.code, label: pickName(locale, r) })), locale);
}

export async function categoryChoices(locale: string): Promise<Choice[]> {
  const rows = await db().issueCategory.findMany({
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    select: { code: true, nameRu: true, nameKk: true, nameEn: true },
  });
  return rows.map((r) => ({ value: r.code, label: pickName(locale, r) }));
}

const sortByLabel = (choices: Choice[], locale: string) => choices.sort((a, b) => a.label.localeCompare(b.label, locale));
