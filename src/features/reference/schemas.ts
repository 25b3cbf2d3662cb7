import { z } from 'zod';
import { Position } from '@/generated/prisma/enums';

// Inputs of the reference-data forms (issue categories, central bodies, officials).

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const id = z.coerce.number().int().positive();
const name = z.string().trim().min(1, 'validation.required').max(300);
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());
const code = (max: number) =>
  z.string().trim().toUpperCase().regex(new RegExp(`^[A-Z0-9_]{2,${max}}$`), 'validation.codeFormat');

const categoryFields = {
  code: code(40),
  nameRu: name,
  nameKk: name,
  nameEn: name,
  sortOrder: z.preprocess(blankToUndefined, z.coerce.number({ message: 'validation.sortOrder' }).int('validation.sortOrder').min(0, 'validation.sortOrder').max(9999, 'validation.sortOrder').default(0)),
  active: checkbox,
};
export const createIssueCategorySchema = z.object(categoryFields);
export const updateIssueCategorySchema = z.object({ id, ...categoryFields });

const bodyFields = {
  code: code(32),
  nameRu: name,
  nameKk: name,
  nameEn: name,
  shortRu: z.string().trim().min(1, 'validation.required').max(60),
};
export const createCentralBodySchema = z.object(bodyFields);
export const updateCentralBodySchema = z.object({ id, ...bodyFields });

/** Which place an official's position ties them to. */
export const PLACE_OF_POSITION: Record<Position, 'region' | 'unit' | 'body'> = {
  AKIM_REGION: 'region',
  AKIM_DISTRICT: 'unit',
  AKIM_RURAL: 'unit',
  MINISTER: 'body',
  VICE_MINISTER: 'body',
  COMMITTEE_CHAIR: 'body',
};

export const createOfficialSchema = z
  .object({
    fullName: z.string().trim().min(1, 'validation.fullNameRequired').max(200),
    position: z.enum(Position, { message: 'validation.generic.invalid_value' }),
    regionKato: z.preprocess(blankToUndefined, z.string().trim().optional()),
    unitId: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
    centralBodyCode: z.preprocess(blankToUndefined, z.string().trim().optional()),
  })
  .superRefine(
    (v, ctx) => {
      const place = v.position ? PLACE_OF_POSITION[v.position] : undefined;
      if ((place === 'region' || place === 'unit') && !v.regionKato) ctx.addIssue({ code: 'custom', path: ['regionKato'], message: 'validation.required' });
      if (place === 'unit' && !v.unitId) ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'validation.required' });
      if (place === 'body' && !v.centralBodyCode) ctx.addIssue({ code: 'custom', path: ['centralBodyCode'], message: 'validation.required' });
    },
    { when: () => true },
  );

/** Filters of the officials and units lists, from the URL. */
export const referenceFilterSchema = z.object({
  region: z.string().trim().regex(/^\d{1,9}$/).optional().catch(undefined),
  body: z.string().trim().max(32).optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1),
});
