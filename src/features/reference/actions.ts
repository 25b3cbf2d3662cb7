'use server';

import { Prisma } from '@/generated/prisma/client';
import { authorizedAction } from '@/server/action';
import { AppError } from '@/server/errors';
import {
  createCentralBodySchema,
  createIssueCategorySchema,
  createOfficialSchema,
  PLACE_OF_POSITION,
  updateCentralBodySchema,
  updateIssueCategorySchema,
} from './schemas';

// Changes to reference data, each with its audit row.

const codeTaken = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';
const CODE_TAKEN = () => new AppError('VALIDATION', 'code taken', { code: 'validation.codeTaken' });

export const createIssueCategory = authorizedAction(
  { name: 'reference.createIssueCategory', permission: 'reference.manage', schema: createIssueCategorySchema, audit: { action: 'issue_category.create', entity: 'issue_category' } },
  async (input, { tx }) => {
    if (await tx.issueCategory.findUnique({ where: { code: input.code } })) throw CODE_TAKEN();
    try {
      const after = await tx.issueCategory.create({ data: input });
      return { entityId: after.id, after, data: { id: after.id } };
    } catch (e) {
      if (codeTaken(e)) throw CODE_TAKEN();
      throw e;
    }
  },
);

export const updateIssueCategory = authorizedAction(
  { name: 'reference.updateIssueCategory', permission: 'reference.manage', schema: updateIssueCategorySchema, audit: { action: 'issue_category.update', entity: 'issue_category' } },
  async ({ id, ...data }, { tx }) => {
    const before = await tx.issueCategory.findUnique({ where: { id } });
    if (!before) throw new AppError('NOT_FOUND', `issue category ${id}`);
    const clash = await tx.issueCategory.findUnique({ where: { code: data.code } });
    if (clash && clash.id !== id) throw CODE_TAKEN();
    const after = await tx.issueCategory.update({ where: { id }, data });
    return { entityId: id, before, after, data: { id } };
  },
);

export const createCentralBody = authorizedAction(
  { name: 'reference.createCentralBody', permission: 'reference.manage', schema: createCentralBodySchema, audit: { action: 'central_body.create', entity: 'central_body' } },
  async (input, { tx }) => {
    if (await tx.centralBody.findUnique({ where: { code: input.code } })) throw CODE_TAKEN();
    try {
      const after = await tx.centralBody.create({ data: input });
      return { entityId: after.id, after, data: { id: after.id } };
    } catch (e) {
      if (codeTaken(e)) throw CODE_TAKEN();
      throw e;
    }
  },
);

export const updateCentralBody = authorizedAction(
  { name: 'reference.updateCentralBody', permission: 'reference.manage', schema: updateCentralBodySchema, audit: { action: 'central_body.update', entity: 'central_body' } },
  async ({ id, ...data }, { tx }) => {
    const before = await tx.centralBody.findUnique({ where: { id } });
    if (!before) throw new AppError('NOT_FOUND', `central body ${id}`);
    const clash = await tx.centralBody.findUnique({ where: { code: data.code } });
    if (clash && clash.id !== id) throw CODE_TAKEN();
    const after = await tx.centralBody.update({ where: { id }, data });
    return { entityId: id, before, after, data: { id } };
  },
);

export const createOfficial = authorizedAction(
  { name: 'reference.createOfficial', permission: 'reference.manage', schema: createOfficialSchema, audit: { action: 'official.create', entity: 'official' } },
  async (input, { tx }) => {
    const place = PLACE_OF_POSITION[input.position];
    let regionId: number | null = null;
    let unitId: number | null = null;
    let centralBodyId: number | null = null;
    if (place === 'body') {
      const body = await tx.centralBody.findUnique({ where: { code: input.centralBodyCode ?? '' } });
      if (!body) throw new AppError('VALIDATION', 'unknown body', { centralBodyCode: 'validation.generic.invalid_value' });
      centralBodyId = body.id;
    } else {
      const region = await tx.region.findUnique({ where: { kato: input.regionKato ?? '' } });
      if (!region) throw new AppError('VALIDATION', 'unknown region', { regionKato: 'validation.generic.invalid_value' });
      regionId = region.id;
      if (place === 'unit') {
        const unit = await tx.adminUnit.findUnique({ where: { id: input.unitId ?? 0 } });
        if (!unit || unit.regionId !== region.id) throw new AppError('VALIDATION', 'unit outside region', { unitId: 'validation.unitOutsideRegion' });
        unitId = unit.id;
      }
    }
    const after = await tx.official.create({ data: { fullName: input.fullName, position: input.position, regionId, unitId, centralBodyId } });
    return { entityId: after.id, after, data: { id: after.id } };
  },
);
