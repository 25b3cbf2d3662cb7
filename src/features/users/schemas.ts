import { z } from 'zod';
import { Role, TokenScope } from '@/generated/prisma/enums';
import { SCOPE_OF_ROLE } from '@/server/access/policy';
import { passwordProblem } from '@/server/auth/password';
import { astanaDayStart, isoDayOf, nextIsoDay, todayInKazakhstan } from '@/lib/calendar';

// Inputs of the user administration forms. Form data arrives as strings: empty selects
// become undefined, checkboxes are 'on' or absent.

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const optionalText = z.preprocess(blankToUndefined, z.string().trim().min(1).optional());
const optionalId = z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional());
const id = z.coerce.number().int().positive();
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,64}$/;

const PASSWORD_MESSAGES = { TOO_SHORT: 'validation.passwordTooShort', TOO_LONG: 'validation.passwordTooLong', COMMON: 'validation.passwordCommon' } as const;

/** A new password by the common policy (length, not on a breach list). */
const newPassword = z.string().superRefine((pw, ctx) => {
  const problem = passwordProblem(pw);
  if (problem) ctx.addIssue({ code: 'custom', message: PASSWORD_MESSAGES[problem] });
});

/** The password typed twice (the forms send both); checked only once the first is acceptable. */
function checkPasswords(v: { password: string; passwordConfirm?: string }, ctx: z.RefinementCtx) {
  if (typeof v.password !== 'string' || v.passwordConfirm === undefined) return;
  if (!passwordProblem(v.password) && v.password !== v.passwordConfirm) {
    ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: 'validation.passwordMismatch' });
  }
}

/** Object-level checks run even when another field failed, so every problem shows at once. */
const always = { when: () => true };

const scopeFields = {
  role: z.enum(Role, { message: 'validation.generic.invalid_value' }),
  regionKato: optionalText,
  unitId: optionalId,
  centralBodyCode: optionalText,
};

export type ScopeInput = { role: Role; regionKato?: string; unitId?: number; centralBodyCode?: string };
/** The scope a role keeps: a region (and maybe a unit) for an akimat editor, a body for a ministry editor, else none. */
export type Scope = { role: Role; regionKato: string | null; unitId: number | null; centralBodyCode: string | null };

function checkScope(v: ScopeInput, ctx: z.RefinementCtx) {
  const needs = SCOPE_OF_ROLE[v.role];
  if (needs === 'region' && !v.regionKato) ctx.addIssue({ code: 'custom', path: ['regionKato'], message: 'validation.scopeRegion' });
  if (needs === 'body' && !v.centralBodyCode) ctx.addIssue({ code: 'custom', path: ['centralBodyCode'], message: 'validation.scopeBody' });
}

/** Fields that do not belong to the role are dropped, so a user never keeps a stale scope. */
export function normalizeScope(v: ScopeInput): Scope {
  const needs = SCOPE_OF_ROLE[v.role];
  return {
    role: v.role,
    regionKato: needs === 'region' ? (v.regionKato ?? null) : null,
    unitId: needs === 'region' ? (v.unitId ?? null) : null,
    centralBodyCode: needs === 'body' ? (v.centralBodyCode ?? null) : null,
  };
}

export const createUserSchema = z
  .object({
    username: z.string().trim().toLowerCase().regex(USERNAME_PATTERN, 'validation.usernameFormat'),
    fullName: z.string().trim().min(1, 'validation.fullNameRequired').max(200),
    ...scopeFields,
    password: newPassword,
    passwordConfirm: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    checkScope(v, ctx);
    checkPasswords(v, ctx);
  }, always)
  .transform(({ passwordConfirm: _confirm, ...v }) => ({ ...v, ...normalizeScope(v) }));

export const updateUserSchema = z
  .object({
    id,
    fullName: z.string().trim().min(1, 'validation.fullNameRequired').max(200),
    ...scopeFields,
    active: checkbox,
    /** The version the form was opened with; a different one means someone else changed the user meanwhile. */
    version: optionalId,
  })
  .superRefine(checkScope, always)
  .transform((v) => ({ ...v, ...normalizeScope(v) }));

export const resetPasswordSchema = z
  .object({ id, password: newPassword, passwordConfirm: z.string().optional() })
  .superRefine(checkPasswords, always)
  .transform(({ id: userId, password }) => ({ id: userId, password }));

export const userIdSchema = z.object({ id });

export function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return isoDayOf(d);
}

/** A token is valid through its expiry date, to the end of that day in Kazakhstan. */
export const tokenExpiresAt = (expiresOn: string) => new Date(astanaDayStart(nextIsoDay(expiresOn)).getTime() - 1);

export const TOKEN_MAX_YEARS = 1;

export const issueTokenSchema = z
  .object({
    userId: id,
    name: z.string().trim().min(1, 'validation.required').max(120),
    /** Chosen on purpose each time: no default, so a write token is never issued by accident. */
    scope: z.enum(TokenScope, { message: 'validation.tokenScope' }),
    expiresOn: z.iso.date({ message: 'validation.dateFormat' }),
  })
  .superRefine((v, ctx) => {
    if (typeof v.expiresOn !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v.expiresOn)) return;
    const today = todayInKazakhstan();
    if (v.expiresOn <= today) ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'validation.expiryInPast' });
    else if (v.expiresOn > addYears(today, TOKEN_MAX_YEARS)) ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'validation.expiryTooFar' });
  });

export const revokeTokenSchema = z.object({ id });

/** Page and filters of the user list, from the URL. */
export const userListParams = z.object({
  page: z.coerce.number().int().min(1).catch(1),
});
