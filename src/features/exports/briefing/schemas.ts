import { z } from 'zod';
import { LOCALES } from '@/i18n/config';

// A briefing is issued for a half-year; its files are named by language and format.

export const issueBriefingSchema = z.strictObject({
  period: z.string({ message: 'must be a half-year such as 2022-H2' }).regex(/^(20\d\d)-H[12]$/, 'must be a half-year such as 2022-H2'),
});

export const briefingFileParams = z.object({
  id: z.string().regex(/^[1-9]\d{0,8}$/, 'must be a positive integer').transform(Number),
  lang: z.enum(LOCALES, { message: 'must be ru, kk or en' }),
  format: z.enum(['docx', 'pdf'], { message: 'must be docx or pdf' }),
});
