import { z } from 'zod';
import { Disposition } from '@/generated/prisma/enums';
import { amountKzt, flag, halfField, optionalText, pastDate, refId, version, yearField } from '@/server/records/fields';

// Inputs of the central-level list: an akimat puts its issue on a half-year's list for a
// central body (dated: today unless given); the body sets its disposition and whether it is
// selected, both dated, with a comment.

export const proposeEscalationSchema = z.object({
  issueId: refId('entry.validation.issueUnknown'),
  year: yearField,
  half: halfField,
  centralBodyCode: z.string({ message: 'entry.validation.bodyUnknown' }).trim().regex(/^[A-Z][A-Z0-9_]{0,31}$/, 'entry.validation.bodyUnknown'),
  proposal: optionalText(2000),
  includedOn: z.preprocess((v) => (v === '' || v === null ? undefined : v), pastDate.optional()),
});

export const decideEscalationSchema = z.object({
  id: refId(),
  version,
  disposition: z.enum(Disposition, { message: 'validation.generic.invalid_value' }),
  republicanAmountKzt: z.preprocess((v) => (v === '' || v === null ? undefined : v), amountKzt.optional()),
  selected: flag,
  effectiveOn: pastDate,
  comment: optionalText(2000),
});
export type DecideEscalationInput = z.output<typeof decideEscalationSchema>;
