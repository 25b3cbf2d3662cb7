import { z } from 'zod';
import { halfField, refId, version, yearField } from '@/server/records/fields';

// An entry of the Government's schedule: a central official's planned trip to a region in a month.

const month = z.coerce.number({ message: 'entry.validation.month' }).int('entry.validation.month').min(1, 'entry.validation.month').max(12, 'entry.validation.month');
const monthInHalf = (e: { half: number; plannedMonth: number }, ctx: z.RefinementCtx) => {
  if ((e.half === 1) !== (e.plannedMonth <= 6)) ctx.addIssue({ code: 'custom', path: ['plannedMonth'], message: 'entry.validation.monthOutsideHalf' });
};
const fields = {
  year: yearField,
  half: halfField,
  plannedMonth: month,
  officialId: refId('entry.validation.official'),
  regionKato: z.string({ message: 'entry.validation.region' }).trim().regex(/^\d{9}$/, 'entry.validation.region'),
};

export const createScheduleEntrySchema = z.object(fields).superRefine(monthInHalf);
export const updateScheduleEntrySchema = z.object({ id: refId(), version, ...fields }).superRefine(monthInHalf);
export const deleteScheduleEntrySchema = z.object({ id: refId(), version });
