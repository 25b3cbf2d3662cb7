import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { db } from '@/server/db/client';

// Reads for the reference-data pages.

export const REFERENCE_PAGE_SIZE = 50;

export const listIssueCategories = () =>
  db().issueCategory.findMany({ orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }], include: { _count: { select: { issues: true } } } });

export const getIssueCategory = (id: number) => db().issueCategory.findUnique({ where: { id } });

export const listCentralBodies = () =>
  db().centralBody.findMany({ orderBy: { nameRu: 'asc' }, include: { _count: { select: { officials: true } } } });

export const getCentralBody = (id: number) => db().centralBody.findUnique({ where: { id } });

export const listRegions = () =>
  db().region.findMany({ select: { id: true, kato: true, nameRu: true, nameKk: true, nameEn: true }, orderBy: { nameRu: 'asc' } });

export async function listOfficials(filter: { regionKato?: string; bodyCode?: string; page: number }, pageSize = REFERENCE_PAGE_SIZE) {
  const where: Prisma.OfficialWhereInput = {
    ...(filter.regionKato ? { region: { kato: filter.regionKato } } : {}),
    ...(filter.bodyCode ? { centralBody: { code: filter.bodyCode } } : {}),
  };
  const [total, rows] = await Promise.all([
    db().official.count({ where }),
    db().official.findMany({
      where,
      orderBy: [{ active: 'desc' }, { fullName: 'asc' }],
      skip: (filter.page - 1) * pageSize,
      take: pageSize,
      include: {
        region: { select: { nameRu: true, nameKk: true, nameEn: true } },
        unit: { select: { nameRu: true, nameKk: true, nameEn: true } },
        centralBody: { select: { shortRu: true } },
      },
    }),
  ]);
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

export async function listUnits(filter: { regionKato?: string; page: number }, pageSize = REFERENCE_PAGE_SIZE) {
  const where: Prisma.AdminUnitWhereInput = filter.regionKato ? { region: { kato: filter.regionKato } } : {};
  const [total, rows] = await Promise.all([
    db().adminUnit.count({ where }),
    db().adminUnit.findMany({
      where,
      orderBy: [{ regionId: 'asc' }, { kind: 'asc' }, { nameRu: 'asc' }],
      skip: (filter.page - 1) * pageSize,
      take: pageSize,
      include: {
        region: { select: { nameRu: true, nameKk: true, nameEn: true } },
        parent: { select: { nameRu: true, nameKk: true, nameEn: true } },
      },
    }),
  ]);
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** Districts and cities of every region, for the official form's unit list. */
export const listUnitOptions = () =>
  db().adminUnit.findMany({
    select: { id: true, regionId: true, kind: true, nameRu: true, nameKk: true, nameEn: true, region: { select: { kato: true } } },
    orderBy: { nameRu: 'asc' },
  });
