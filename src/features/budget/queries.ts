import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { ownRequestsWhere, requestInboxWhere } from '@/server/access/scopes/budget-request';
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
  const where = ownRequestsWhere(caller);
  if (!where) return [];
  return db().budgetRequest.findMany({ where, orderBy: { id: 'desc' }, take, include: withDetail });
}

/** Requests addressed to the caller's body (an admin's: every body): awaiting a decision oldest first, or the latest decided. */
export async function listInbox(caller: Caller, which: 'pending' | 'decided', take = 100) {
  const body = requestInboxWhere(caller);
  if (!body) return [];
  return which === 'pending'
    ? db().budgetRequest.findMany({ where: { ...body, status: 'SUBMITTED' }, orderBy: [{ submittedOn: 'asc' }, { id: 'asc' }], take, include: withDetail })
    : db().budgetRequest.findMany({ where: { ...body, status: { in: ['APPROVED', 'PARTIALLY_APPROVED', 'REJECTED'] } }, orderBy: [{ decidedOn: 'desc' }, { id: 'desc' }], take, include: withDetail });
}

export type RequestDetail = Awaited<ReturnType<typeof listOwnRequests>>[number];
