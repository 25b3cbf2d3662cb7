import { z } from 'zod';

// A half-year as 'YYYY-H1' / 'YYYY-H2'; the deadline a calendar day.

export const HALF_CODE = /^(\d{4})-H([12])$/;

export const halfYearCode = z.string().trim().regex(HALF_CODE, 'validation.generic.invalid_format');

export const parseHalf = (code: string) => {
  const m = HALF_CODE.exec(code);
  return m ? { year: Number(m[1]), half: Number(m[2]) as 1 | 2 } : null;
};

export const submitHalfYearSchema = z.object({ period: halfYearCode });

export const setDeadlineSchema = z.object({ period: halfYearCode, deadline: z.iso.date('validation.dateFormat') });

export const deadlineKey = (code: string) => `submissionDeadline.${code}`;

