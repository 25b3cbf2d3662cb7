import { z } from 'zod';
import { halfField, requiredText, yearField } from '@/server/records/fields';

// Inputs of the admin's half-year closing and reopening.

export const closePeriodSchema = z.object({ year: yearField, half: halfField.transform((h) => h as 1 | 2) });
export const reopenPeriodSchema = closePeriodSchema.extend({ reason: requiredText(1000, 'entry.validation.reason') });
