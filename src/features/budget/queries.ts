import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { recordScope } from '@/server/access/scope';
import type { Caller } from '@/server/auth/caller';
import { db } from '@/server/db/client';

// Reads of budget requests for their two sides, within the caller's scope: the akimat's own
// requests with their history, and the addressed body's inbox of requests awaiting its decision.

const withDetail = {
  region: true, centralBody: true,
  issues: { select: { issue: { select: { id: true, description: true, raisedOn: true } } }, orderBy: { issueId: 'asc' } },
  history: { orderBy: [{ effectiveOn: 'asc' }, { id: 'asc' }] },
} as const satisfies Prisma.BudgetRequestInclude;

/** An akimat's requests (an admin's: all), newest first. */
export async function listOwnRequests(caller: Caller, take = 50) {
  const scope = recordScope(caller);
  if (scope.kind === 'body') return [];
  return db().budgetRequest.findMany({ where: scope.kind === 'region' ? { regionId: scope.regionId } : {}, orderBy: { id: 'desc' }, take, include: withDetail });
}

/** Requests addressed to the caller's body (an admin's: every body): awaiting a decision oldest first, or the latest decided. */
export async function listInbox(caller: Caller, which: 'pending' | 'decided', take = 100) {
  const scope = recordScope(caller);
  if (scope.kind === 'region') return [];
  const body = scope.kind === 'body' ? { centralBodyId: scope.centralBodyId } : {};
  return which === 'pending'
    ? db().budgetRequest.findMany({ where: { ...body, status: 'SUBMITTED' }, orderBy: [{ submittedOn: 'asc' }, { id: 'asc' }], take, include: withDetail })
    : db().budgetRequest.findMany({ where: { ...body, status: { in: ['APPROVED', 'PARTIALLY_APPROVED', 'REJECTED'] } }, orderBy: [{ decidedOn: 'desc' }, { id: 'desc' }], take, include: withDetail });
}

export type RequestDetail = Awaited<ReturnType<typeof listOwnRequests>>[number];
