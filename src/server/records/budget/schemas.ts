import { z } from 'zod';
import { BudgetRequestRejection } from '@/generated/prisma/enums';
import { amountKzt, list, optionalText, pastDate, requiredText, version } from '@/server/records/fields';
import { DECISIONS } from './rules';

// Inputs of a budget request: the akimat drafts what it asks (the addressed body, the amount,
// the issues it covers, a note), submits it on a date and may withdraw it with a reason; the
// addressed body decides. Form, server action and API parse these same schemas.

const requestFields = {
  centralBodyCode: z.string({ message: 'entry.validation.bodyUnknown' }).trim().regex(/^[A-Z][A-Z0-9_]{0,31}$/, 'entry.validation.bodyUnknown'),
  amountKzt: amountKzt.refine((n) => n > 0, 'entry.validation.amount'),
  note: optionalText(2000),
  /** Issue numbers, as a list or typed as "101, 102"; a bad one is refused under the field itself, where the form shows it. */
  issueIds: z.preprocess((v) => (typeof v === 'string' ? v.split(/[\s,;]+/).filter(Boolean) : v), list(z.unknown())).transform((ids, ctx) => {
    const numbers = ids.map((v) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v));
    if (numbers.every((n): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= 2_147_483_647)) return numbers;
    ctx.addIssue({ code: 'custom', message: 'entry.validation.issueUnknown' });
    return z.NEVER;
  }),
};

/** A new draft. Admins name the region; an akimat editor's requests are its own region's. */
export const createBudgetRequestSchema = z.object({ ...requestFields, regionKato: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^\d{9}$/, 'entry.validation.region').optional()) });
/** A change of a draft's content; a submitted request's content is fixed. */
export const updateBudgetRequestSchema = z.object({ version, ...requestFields });

export const submitBudgetRequestSchema = z.object({ version, submittedOn: pastDate });

export const withdrawBudgetRequestSchema = z.object({ version, effectiveOn: pastDate, reason: requiredText(2000, 'entry.validation.reason') });

export const decideBudgetRequestSchema = z.object({
  version,
  decision: z.enum(DECISIONS, { message: 'validation.generic.invalid_value' }),
  approvedAmountKzt: z.preprocess((v) => (v === '' || v === null ? undefined : v), amountKzt.optional()),
  rejectionReason: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.enum(BudgetRequestRejection, { message: 'validation.generic.invalid_value' }).optional()),
  effectiveOn: pastDate,
  comment: optionalText(2000),
});

export type CreateBudgetRequestInput = z.output<typeof createBudgetRequestSchema>;
export type UpdateBudgetRequestInput = z.output<typeof updateBudgetRequestSchema>;
export type SubmitBudgetRequestInput = z.output<typeof submitBudgetRequestSchema>;
export type WithdrawBudgetRequestInput = z.output<typeof withdrawBudgetRequestSchema>;
export type DecideBudgetRequestInput = z.output<typeof decideBudgetRequestSchema>;
