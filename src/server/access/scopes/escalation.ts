import type { Prisma } from '@/generated/prisma/client';
import { addressedBodyFilter, requireAddressedBody, type ScopeCaller } from '../scope';

// Escalations as their deciders see them: those addressed to a ministry's own body, or any for an
// admin. Who proposes one is a matter of the scope (scopes/meeting).

/** The escalations the caller decides, or null for none (an akimat proposes, it does not decide). */
export function escalationDecisionWhere(caller: ScopeCaller): Prisma.EscalationWhereInput | null {
  return addressedBodyFilter(caller);
}

/** Throws FORBIDDEN unless the caller decides for the body the escalation is addressed to. */
export function requireEscalationBody(caller: ScopeCaller, centralBodyId: number, what: string) {
  requireAddressedBody(caller, centralBodyId, what);
}
