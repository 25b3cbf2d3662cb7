import { z } from 'zod';
import { halfField, optionalDate, version, yearField } from '@/server/records/fields';

// A region's action plan for a half-year: approved, then published on the akimat's website.

export const saveActionPlanSchema = z
  .object({
    regionKato: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^\d{9}$/, 'entry.validation.region').optional()),
    year: yearField,
    half: halfField,
    approvedOn: optionalDate,
    url: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(500, 'entry.validation.url').regex(/^https:\/\/\S+$/, 'entry.validation.url').optional()),
    publishedOn: optionalDate,
    /** The version read; absent when the plan is new. */
    version: z.preprocess((v) => (v === '' || v === null ? undefined : v), version.optional()),
  })
  .superRefine((p, ctx) => {
    if (p.publishedOn && !p.url) ctx.addIssue({ code: 'custom', path: ['url'], message: 'entry.validation.url' });
    if (p.publishedOn && p.approvedOn && p.publishedOn < p.approvedOn) ctx.addIssue({ code: 'custom', path: ['publishedOn'], message: 'entry.validation.publishedBeforeApproved' });
  });
export type SaveActionPlanInput = z.output<typeof saveActionPlanSchema>;
