import { AppError } from '@/server/errors';
import { recordScope, type ScopeCaller } from '../scope';

// Action plans belong to a whole region (they have no unit): an akimat editor reads its region's
// and, unless a unit editor, writes them; an admin writes any region's; a ministry keeps none.
// Budget requests' akimat side follows the same rule (scopes/budget-request).

/**
 * Throws FORBIDDEN for a unit editor and a ministry; gives the region an akimat editor writes
 * for, or null for an admin (any region).
 */
export function regionPlansWriter(caller: ScopeCaller): { regionId: number } | null {
  const scope = recordScope(caller);
  if (scope.kind === 'body') throw new AppError('FORBIDDEN', 'a ministry keeps no action plans or budget requests');
  if (scope.kind === 'all') return null;
  if (scope.unitId !== null) throw new AppError('FORBIDDEN', 'a unit editor reads the region’s plans and requests but does not write them');
  return { regionId: scope.regionId };
}

/** Whether the caller may write action plans and budget requests (see regionPlansWriter). */
export function mayWriteRegionPlans(caller: ScopeCaller): boolean {
  const scope = recordScope(caller);
  return scope.kind === 'all' || (scope.kind === 'region' && scope.unitId === null);
}

/** The region whose plans an akimat editor (a unit editor too) reads; null for others, who name a region. */
export function ownPlansRegion(caller: ScopeCaller): number | null {
  const scope = recordScope(caller);
  return scope.kind === 'region' ? scope.regionId : null;
}
