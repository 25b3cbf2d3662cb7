import type { Prisma } from '@/generated/prisma/client';
import { AppError } from '@/server/errors';
import { addressedBodyFilter, recordScope, requireAddressedBody, type ScopeCaller } from '../scope';
import { regionPlansWriter } from './action-plan';

// Budget requests have two sides: the region's akimat that drafts and submits them (the
// action plans' rule, scopes/action-plan), and the central body they are addressed to.

/** An akimat's own requests (a unit editor reads its region's), every request for an admin; null for a ministry. */
export function ownRequestsWhere(caller: ScopeCaller): Prisma.BudgetRequestWhereInput | null {
  const scope = recordScope(caller);
  if (scope.kind === 'body') return null;
  return scope.kind === 'region' ? { regionId: scope.regionId } : {};
}

/** Requests addressed to the caller's body (an admin's: every body); null for an akimat. */
export function requestInboxWhere(caller: ScopeCaller): Prisma.BudgetRequestWhereInput | null {
  return addressedBodyFilter(caller);
}

/** Throws FORBIDDEN unless the caller may act on the request from `side`. */
export function requireRequestSide(caller: ScopeCaller, request: { regionId: number; centralBodyId: number }, side: 'akimat' | 'body') {
  if (side === 'akimat') {
    // A region's own akimat (not a unit editor, nor a ministry: regionPlansWriter refuses them), or an admin.
    const own = regionPlansWriter(caller);
    if (own && own.regionId !== request.regionId) throw new AppError('FORBIDDEN', 'another region’s request');
  } else requireAddressedBody(caller, request.centralBodyId, 'addressed to another body');
}
