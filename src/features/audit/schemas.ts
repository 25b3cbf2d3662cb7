import { z } from 'zod';

// Filters of the audit trail, read from the URL; a value that does not parse is ignored.

const text = z.string().trim().min(1).max(64).optional().catch(undefined);
const date = z.iso.date().optional().catch(undefined);

export const auditFilterSchema = z.object({
  action: text,
  username: text,
  entity: text,
  from: date,
  to: date,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** Search params as Next passes them: a repeated key counts as its first value. */
export function parseAuditFilter(params: Record<string, string | string[] | undefined>): AuditFilter {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  return auditFilterSchema.parse({
    action: first(params.action),
    username: first(params.username),
    entity: first(params.entity),
    from: first(params.from),
    to: first(params.to),
    page: first(params.page) ?? 1,
  });
}
