import type { Role } from '@/generated/prisma/enums';

// The one policy table: which role may do what. Record scope (region, unit, body) is
// applied on top of it by access/scope.ts. The README shows this table.
export const POLICY = {
  /** National aggregates. */
  'stats.national': ['ADMIN', 'ANALYST', 'MANAGER', 'AKIMAT_EDITOR', 'MINISTRY_EDITOR'],
  /** Every region's aggregates. */
  'stats.regions': ['ADMIN', 'ANALYST', 'MANAGER', 'AKIMAT_EDITOR'],
  /** Meetings, receptions and issues: nationwide, or within the editor's scope. */
  'records.read': ['ADMIN', 'ANALYST', 'MANAGER', 'AKIMAT_EDITOR', 'MINISTRY_EDITOR'],
  /** Create and change meetings, receptions, issues, statuses, budget entries — within scope. */
  'records.write': ['ADMIN', 'AKIMAT_EDITOR', 'MINISTRY_EDITOR'],
  /** Budget requests and action plans of a region. */
  'region.plans.write': ['ADMIN', 'AKIMAT_EDITOR'],
  /** Put an issue on the central-level list. */
  'escalations.propose': ['ADMIN', 'AKIMAT_EDITOR'],
  /** The budget requests page: every region's requests to every body, by status. */
  'budget.read': ['ADMIN', 'ANALYST', 'MANAGER'],
  /** Decide the budget requests addressed to the body: approve, approve in part, reject. */
  'budget.decide': ['ADMIN', 'MINISTRY_EDITOR'],
  /** Disposition and `selected` of escalations addressed to the body. */
  'escalations.decide': ['ADMIN', 'MINISTRY_EDITOR'],
  'schedule.write': ['ADMIN', 'MINISTRY_EDITOR'],
  'exports.tables': ['ADMIN', 'ANALYST', 'MANAGER'],
  'briefing.draft': ['ADMIN', 'ANALYST', 'MANAGER'],
  /** Issue the official half-year briefing, which closes the period. */
  'briefing.issue': ['ADMIN', 'MANAGER'],
  /** Close a half-year by hand, without issuing its briefing. */
  'period.close': ['ADMIN'],
  'period.reopen': ['ADMIN'],
  'records.restore': ['ADMIN'],
  'users.manage': ['ADMIN'],
  'reference.manage': ['ADMIN'],
  'tokens.manage': ['ADMIN'],
  'audit.read': ['ADMIN'],
  /** One's own password and second factor. */
  'account.self': ['ADMIN', 'ANALYST', 'MANAGER', 'AKIMAT_EDITOR', 'MINISTRY_EDITOR'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof POLICY;
export const PERMISSIONS = Object.keys(POLICY) as Permission[];

export const ROLES_REQUIRING_TOTP: readonly Role[] = ['ADMIN', 'MANAGER'];

export const can = (role: Role, permission: Permission): boolean => (POLICY[permission] as readonly Role[]).includes(role);

/** Roles whose records are limited to a scope, and the scope each needs. */
export const SCOPE_OF_ROLE: Partial<Record<Role, 'region' | 'body'>> = { AKIMAT_EDITOR: 'region', MINISTRY_EDITOR: 'body' };
