import 'server-only';
import { pickName } from '@/i18n/pick-name';
import { getYearsWithData } from '@/server/stats/queries/latest';
import { db } from '@/server/db/client';

// What the filter bar offers: the regions and issue categories named in the reader's
// language, and the years that hold data.

export type Choice = { value: string; label: string };

export async function getFilterOptions(locale: string): Promise<{ regions: Choice[]; categories: Choice[]; years: number[] }> {
  const [regions, categories, years] = await Promise.all([
    db().region.findMany({ select: { kato: true, nameRu: true, nameKk: true, nameEn: true } }),
    db().issueCategory.findMany({
      select: { code: true, nameRu: true, nameKk: true, nameEn: true },
      orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    }),
    getYearsWithData(),
  ]);
  const collator = new Intl.Collator(locale);
  return {
    regions: regions.map((r) => ({ value: r.kato, label: pickName(locale, r) })).sort((a, b) => collator.compare(a.label, b.label)),
    categories: categories.map((c) => ({ value: c.code, label: pickName(locale, c) })),
    years,
  };
}
