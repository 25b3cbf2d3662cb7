import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { AuditAction, AuditEntity } from '@/server/audit-codes';
import { db } from '@/server/db/client';

// Who did what, when (UTC), to which record, with the record before and after.
// Mutations write it inside their own transaction, so a change and its trail land together.

export type AuditEntry = {
  userId: number | null;
  action: AuditAction;
  entity: AuditEntity;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

type Writer = Pick<Prisma.TransactionClient, 'auditLog'>;

/** JSON-safe copy: bigint money as strings, dates as ISO strings. */
export function toAuditJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) as Prisma.InputJsonValue;
}

export async function writeAudit(entry: AuditEntry, writer: Writer = db()): Promise<void> {
  await writer.auditLog.create({
    data: {
      userId: entry.userId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      before: toAuditJson(entry.before),
      after: toAuditJson(entry.after),
      ip: entry.ip ?? null,
    },
  });
}
