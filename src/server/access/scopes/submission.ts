import { SCOPE_OF_ROLE } from '../policy';
import { recordScope, type ScopeCaller } from '../scope';

/** What an editor submits a half-year's data for: its region's akimat, its unit's, or its body. */
type SubmissionOwner = { scopeKey: string; regionId: number | null; unitId: number | null; centralBodyId: number | null };

/**
 * The owner of the caller's half-year submissions, or null for a caller who submits none: an
 * admin or reader, or an editor without a region or body (the page offers no form, the action refuses).
 */
export function submissionOwner(caller: ScopeCaller): SubmissionOwner | null {
  const needs = SCOPE_OF_ROLE[caller.role];
  if (!needs) return null;
  // An editor with no place set: recordScope would refuse every read; here there is simply nothing to submit.
  if (needs === 'region' ? !caller.regionId : !caller.centralBodyId) return null;
  const scope = recordScope(caller);
  switch (scope.kind) {
    case 'all':
      return null;
    case 'region':
      return { scopeKey: scope.unitId ? `U${scope.unitId}` : `R${scope.regionId}`, regionId: scope.regionId, unitId: scope.unitId, centralBodyId: null };
    case 'body':
      return { scopeKey: `B${scope.centralBodyId}`, regionId: null, unitId: null, centralBodyId: scope.centralBodyId };
  }
}
