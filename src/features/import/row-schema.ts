import { z } from 'zod';
import { AkimLevel, IssueStatus, ResponsibleLevel, Venue } from '@/generated/prisma/enums';

// One import row once its cells are read: a raised issue with its meeting. The rules are the
// write forms' rules (a held meeting is not in the future, whole non-negative tenge with a
// ceiling, a status date not before the meeting). Messages are keys of `import.errors`.
// TODO(entry): when the shared write schemas land, compose them here instead of restating.

export const MAX_AMOUNT_KZT = 10_000_000_000_000; // ten trillion tenge: above any one issue's cost
export const MAX_DESCRIPTION = 2000;

const amount = z.number().int().min(0, 'badAmount').max(MAX_AMOUNT_KZT, 'amountTooBig').nullable();

export const importRowSchema = z
  .object({
    regionId: z.number().int().positive(),
    externalRef: z.string().trim().min(1, 'required').max(64, 'tooLong'),
    heldOn: z.iso.date(),
    level: z.enum(AkimLevel),
    unitId: z.number().int().positive().nullable(),
    venue: z.enum(Venue),
    attendance: z.number().int().min(0, 'badCount').max(1_000_000, 'badCount').nullable(),
    issueNumber: z.number().int().min(1, 'badCount').max(100_000, 'badCount'),
    categoryId: z.number().int().positive(),
    description: z.string().trim().min(1, 'required').max(MAX_DESCRIPTION, 'tooLong'),
    responsible: z.enum(ResponsibleLevel),
    status: z.enum(IssueStatus),
    statusOn: z.iso.date(),
    comment: z.string().trim().max(1000, 'tooLong').nullable(),
    needKzt: amount,
    allocatedKzt: amount,
  })
  .superRefine((row, ctx) => {
    const today = new Date().toISOString().slice(0, 10);
    if (row.heldOn > today) ctx.addIssue({ code: 'custom', path: ['heldOn'], message: 'futureDate' });
    if (row.statusOn > today) ctx.addIssue({ code: 'custom', path: ['statusOn'], message: 'futureDate' });
    if (row.statusOn < row.heldOn) ctx.addIssue({ code: 'custom', path: ['statusOn'], message: 'statusBeforeMeeting' });
    if (row.level !== 'REGION' && row.unitId === null) ctx.addIssue({ code: 'custom', path: ['unit'], message: 'unitRequired' });
  });

export type ImportRowInput = z.input<typeof importRowSchema>;
export type ImportRow = z.output<typeof importRowSchema> & { line: number };
