import { z } from 'zod';
import { BudgetRequestStatus } from '@/generated/prisma/enums';
import { amountKzt, list, optionalDate, optionalText, refId, version } from '@/features/entry/fields';

// A budget request: an akimat asks a central body for money for some of its issues.

const requestFields = {
  centralBodyCode: z.string({ message: 'entry.validation.bodyUnknown' }).trim().regex(/^[A-Z][A-Z0-9_]{0,31}$/, 'entry.validation.bodyUnknown'),
  amountKzt,
  status: z.enum(BudgetRequestStatus, { message: 'validation.generic.invalid_value' }).default('DRAFT'),
  submittedOn: optionalDate,
  decidedOn: optionalDate,
  note: optionalText(2000),
  /** Issue numbers, as a list or typed as "101, 102"; a bad one is refused under the field itself, where the form shows it. */
  issueIds: z.preprocess((v) => (typeof v === 'string' ? v.split(/[\s,;]+/).filter(Boolean) : v), list(z.unknown())).transform((ids, ctx) => {
    const numbers = ids.map((v) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v));
    if (numbers.every((n): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= 2_147_483_647)) return numbers;
    ctx.addIssue({ code: 'custom', message: 'entry.validation.issueUnknown' });
    return z.NEVER;
  }),
};

const datesInOrder = (v: { status?: string; submittedOn?: string; decidedOn?: string }, ctx: z.RefinementCtx) => {
  if (v.submittedOn && v.decidedOn && v.decidedOn < v.submittedOn) ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: 'entry.validation.decidedBeforeSubmitted' });
  if (v.status && v.status !== 'DRAFT' && !v.submittedOn) ctx.addIssue({ code: 'custom', path: ['submittedOn'], message: 'entry.validation.dateRequired' });
};

/** Admins name the region; an akimat editor's requests are its own region's. */
export const createBudgetRequestSchema = z.object({ ...requestFields, regionKato: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^\d{9}$/, 'entry.validation.region').optional()) }).superRefine(datesInOrder);
export const updateBudgetRequestSchema = z.object({ id: refId(), version, ...requestFields }).superRefine(datesInOrder);
