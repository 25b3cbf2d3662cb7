import 'server-only';
import { pickName } from '@/i18n/pick-name';
import { db } from '@/server/db/client';

/** The central bodies for a filter, named in the reader's language. */
export async function listBodyOptions(lang: string): Promise<Array<{ value: string; label: string }>> {
  const rows = await db().centralBody.findMany({ orderBy: { code: 'asc' } });
  return rows
    .map((b) => ({ value: b.code, label: pickName(lang, b) }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
}
