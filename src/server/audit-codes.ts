import type ru from '@/i18n/messages/ru.json';

// Every action the audit trail records and every kind of object it names: the one list. The
// audit writer accepts only these codes, and the admin page reads each one's label from
// `admin.audit.actions.<code>` / `admin.audit.entities.<code>` in ru, kk and en. A code added
// here without its Russian label fails typecheck (below); the unit tests check kk and en.
// Rows written by older versions may hold codes no longer listed; the page shows those raw.

export const AUDIT_ACTIONS = [
  // Sign-in and access
  'auth.sign_in', 'auth.sign_out', 'auth.sign_in_failed', 'auth.sign_in_locked', 'access.denied',
  // Own account
  'account.totp_setup_started', 'account.totp_enabled', 'account.password_changed',
  // Users and API tokens
  'user.create', 'user.update', 'user.password_reset', 'user.second_factor_reset',
  'api_token.issue', 'api_token.revoke',
  // Reference data
  'issue_category.create', 'issue_category.update', 'central_body.create', 'central_body.update', 'official.create',
  'submission.deadline',
  // Meetings and issues
  'meeting.create', 'meeting.update', 'meeting.delete', 'meeting.restore',
  'issue.create', 'issue.update', 'issue.status', 'issue.money', 'issue.delete', 'issue.restore',
  'submission.submit', 'import.commit',
  // Schedule, plans, central level
  'schedule_entry.create', 'schedule_entry.update', 'schedule_entry.delete',
  'action_plan.save', 'budget_request.create', 'budget_request.update', 'budget_request.submit', 'budget_request.withdraw', 'budget_request.decide',
  'escalation.propose', 'escalation.decide',
  // Half-years, briefings and exports
  'period.close', 'period.reopen', 'briefing.issue',
  'export.briefing', 'export.workbook', 'export.csv', 'export.issued-briefing',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITIES = [
  'user', 'api_token', 'issue_category', 'central_body', 'official', 'setting',
  'meeting', 'raised_issue', 'half_year_submission', 'import_batch',
  'schedule_entry', 'action_plan', 'budget_request', 'escalation',
  'closed_period', 'issued_briefing', 'export',
  // What a denial names: a mutation, an API route, or a permission alone.
  'action', 'route', 'permission',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** The part after `prefix.` of each action that starts with it: `AuditActionOf<'export'>` is 'csv' | … */
export type AuditActionOf<P extends string, A = AuditAction> = A extends `${P}.${infer K}` ? K : never;

const actions = new Set<string>(AUDIT_ACTIONS);
const entities = new Set<string>(AUDIT_ENTITIES);
/** False for a code only an older version wrote. */
export const isAuditAction = (code: string): code is AuditAction => actions.has(code);
export const isAuditEntity = (code: string): code is AuditEntity => entities.has(code);

// Typecheck fails, naming the codes, when one has no Russian label.
type Leaves<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}` }[keyof T & string];
type Labels = (typeof ru)['admin']['audit'];
type Unlabelled = Exclude<AuditAction, Leaves<Labels['actions']>> | Exclude<AuditEntity, Leaves<Labels['entities']>>;
const _everyCodeHasALabel: [Unlabelled] extends [never] ? true : `no label in ru.json: ${Unlabelled}` = true;
