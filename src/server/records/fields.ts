import { z } from 'zod';
import { todayInKazakhstan } from '@/lib/calendar';

// Field pieces shared by every write schema (forms, server actions, the write API and the
// importer). Messages are catalogue keys: `validation.*` from the core catalogue, or
// `entry.validation.*` from this area's messages; both are translated where they are shown.


/** Upper bound of one amount: 10 trillion tenge, far above any single issue and well inside a safe integer. */
export const MAX_AMOUNT_KZT = 10_000_000_000_000;
/** Dates a record may carry: the reporting era, not typos such as year 0202. */
export const MIN_RECORD_DATE = '2000-01-01';

const blank = (v: unknown) => (v === '' || v === null ? undefined : v);

/** A record date, YYYY-MM-DD, from 2000 on. */
export const recordDate = z
  .string({ message: 'entry.validation.dateRequired' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.dateFormat')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'validation.dateFormat')
  .refine((d) => d >= MIN_RECORD_DATE, 'entry.validation.dateTooEarly');

/** A date on which something already happened: not after today in Kazakhstan. */
export const pastDate = recordDate.refine((d) => d <= todayInKazakhstan(), 'entry.validation.dateInFuture');

export const optionalDate = z.preprocess(blank, recordDate.optional());

/** A positive id of a referenced row (existence and scope are checked against the database). */
export const refId = (message = 'validation.required') =>
  z.preprocess(blank, z.coerce.number({ message }).int(message).positive(message).max(2_147_483_647, message));

/** A count of people or issues: a non-negative whole number. */
export const count = (max = 1_000_000) =>
  z.preprocess(blank, z.coerce.number({ message: 'entry.validation.count' }).int('entry.validation.count').min(0, 'entry.validation.count').max(max, 'entry.validation.count'));

/** Money in whole tenge: a non-negative integer up to MAX_AMOUNT_KZT. */
export const amountKzt = z.preprocess(
  blank,
  z.coerce
    .number({ message: 'entry.validation.amount' })
    .int('entry.validation.amount')
    .min(0, 'entry.validation.amount')
    .max(MAX_AMOUNT_KZT, 'entry.validation.amount'),
);

export const text = (max: number) => z.string().trim().max(max, 'validation.generic.too_big');
export const requiredText = (max: number, message = 'validation.required') => z.string({ message }).trim().min(1, message).max(max, 'validation.generic.too_big');
export const optionalText = (max: number) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v ?? undefined), text(max).optional());

/** A checkbox from a form ('on'), JSON (true/false) or a spreadsheet ('true'/'1'/'да'). */
export const flag = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1' || v === 1, z.boolean());

/** The version the editor read; an update at another version is refused with 409. */
export const version = z.coerce.number({ message: 'entry.validation.version' }).int('entry.validation.version').min(1, 'entry.validation.version');

/** A half-year: year and 1 or 2. */
export const yearField = z.coerce.number({ message: 'entry.validation.year' }).int('entry.validation.year').min(2000, 'entry.validation.year').max(2100, 'entry.validation.year');
export const halfField = z.coerce.number({ message: 'entry.validation.half' }).int('entry.validation.half').min(1, 'entry.validation.half').max(2, 'entry.validation.half');

/** An array that also arrives as one value (a form with one checked box) or nothing. */
export const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === null || v === '' || v === false ? [] : Array.isArray(v) ? v : [v]), z.array(item));
