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
  /** Issue numbers, as a list or typed as "101, 102". */
  issueIds: z.preprocess((v) => (typeof v === 'string' ? v.split(/[\s,;]+/).filter(Boolean) : v), list(refId('entry.validation.issueUnknown'))),
};

const datesInOrder = (v: { status?: string; submittedOn?: string; decidedOn?: string }, ctx: z.RefinementCtx) => {
  if (v.submittedOn && v.decidedOn && v.decidedOn < v.submittedOn) ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: 'entry.validation.decidedBeforeSubmitted' });
  if (v.status && v.status !== 'DRAFT' && !v.submittedOn) ctx.addIssue({ code: 'custom', path: ['submittedOn'], message: 'entry.validation.dateRequired' });
};

/** Admins name the region; an akimat editor's requests are its own region's. */
export const createBudgetRequestSchema = z.object({ ...requestFields, regionKato: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^\d{9}$/, 'entry.validation.region').optional()) }).superRefine(datesInOrder);
export const updateBudgetRequestSchema = z.object({ id: refId(), version, ...requestFields }).superRefine(datesInOrder);
