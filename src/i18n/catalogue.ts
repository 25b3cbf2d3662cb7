import type { Locale } from './config';

// A locale's messages: the core file plus one file per feature area, so areas are edited
// (and reviewed) apart. Each part owns its top-level namespaces; a test forbids overlaps.
export const MESSAGE_PARTS = ['dashboard', 'records', 'central', 'entry', 'exports', 'import', 'budget'] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const [core, ...parts] = await Promise.all([
    import(`./messages/${locale}.json`),
    ...MESSAGE_PARTS.map((part) => import(`./messages/${locale}/${part}.json`)),
  ]);
  return Object.assign({}, core.default, ...parts.map((p) => p.default));
}
