import 'server-only';
import { redirect } from 'next/navigation';
import { headers } from 'next/headers';
import { writeAudit } from '@/server/audit';
import type { AuditEntity } from '@/server/audit-codes';
import { type Caller, getCaller } from '@/server/auth/caller';
import { AppError } from '@/server/errors';
import { can, type Permission } from './policy';
import { filtersOutsideScope } from './scope';

// Checks used by pages, route handlers and the action wrapper alike.

/** Throws FORBIDDEN (and records the denial) unless the caller's role has the permission. */
export async function authorize(caller: Caller, permission: Permission, target?: { entity: AuditEntity; entityId?: string | number }) {
  if (caller.mfaPending && permission !== 'account.self') {
    throw new AppError('FORBIDDEN', 'second factor setup required');
  }
  if (!can(caller.role, permission)) {
    await recordDenial(caller, permission, target);
    throw new AppError('FORBIDDEN', `${caller.role} may not ${permission}`);
  }
}

export async function recordDenial(caller: Caller | null, what: string, target?: { entity: AuditEntity; entityId?: string | number }) {
  await writeAudit({
    userId: caller?.userId ?? null,
    action: 'access.denied',
    entity: target?.entity ?? 'permission',
    entityId: target?.entityId ?? null,
    after: { permission: what, role: caller?.role ?? null, via: caller?.via ?? null },
    ip: caller?.ip ?? null,
  });
}

/**
 * Refuses (403, audited) a list whose explicit filters lie outside the caller's scope, such as
 * an akimat editor asking for another region: an empty 200 would hide that they were refused.
 */
export async function assertFiltersInScope(
  caller: Caller,
  filters: Parameters<typeof filtersOutsideScope>[1],
  target: { entity: AuditEntity; entityId?: string | number },
) {
  const outside = filtersOutsideScope(caller, filters);
  if (outside.length === 0) return;
  await recordDenial(caller, `records.read:${outside.join(',')}`, target);
  throw new AppError('FORBIDDEN', `outside your scope: ${outside.join(', ')}`, Object.fromEntries(outside.map((p) => [p, 'outside your scope'])));
}

/**
 * For pages: the signed-in caller with the permission, or a redirect to sign-in (no session),
 * to second-factor setup (required and missing), or the 403 page.
 */
export async function requirePageCaller(permission: Permission): Promise<Caller> {
  const caller = await getCaller();
  if (!caller) {
    const path = (await headers()).get('x-kz-path') ?? '/';
    redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (caller.mfaPending && permission !== 'account.self') redirect('/account/security');
  try {
    await authorize(caller, permission);
  } catch {
    redirect('/forbidden');
  }
  return caller;
}
