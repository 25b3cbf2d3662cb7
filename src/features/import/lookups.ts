import 'server-only';
import ruCore from '@/i18n/messages/ru.json';
import kkCore from '@/i18n/messages/kk.json';
import ruRecords from '@/i18n/messages/ru/records.json';
import kkRecords from '@/i18n/messages/kk/records.json';
import type { Prisma } from '@/generated/prisma/client';
import type { Lookups } from './parse-rows';
import { normalizeName } from './values';

// Reference data as the parser needs it: regions by KATO code or Russian/Kazakh name, units
// by code, categories by code or name, central bodies by code or name and their officials by
// full name or (when the body has one) position, and each code list's Russian and Kazakh labels.

type Reader = Pick<Prisma.TransactionClient, 'region' | 'adminUnit' | 'issueCategory' | 'centralBody' | 'official'>;

const CENTRAL_POSITIONS = ['MINISTER', 'VICE_MINISTER', 'COMMITTEE_CHAIR'] as const;
const positionLabels = labelMap<string>(ruCore.codes.position, kkCore.codes.position);

function labelMap<T extends string>(...sources: Array<Record<string, string>>): Map<string, T> {
  const out = new Map<string, T>();
  for (const source of sources) for (const [code, label] of Object.entries(source)) out.set(normalizeName(label), code as T);
  return out;
}

export async function loadLookups(db: Reader): Promise<Lookups> {
  const [regions, units, categories, bodies, officials] = await Promise.all([
    db.region.findMany({ select: { id: true, kato: true, nameRu: true, nameKk: true, shortRu: true } }),
    db.adminUnit.findMany({ select: { id: true, code: true } }),
    db.issueCategory.findMany({ select: { id: true, code: true, nameRu: true, nameKk: true } }),
    db.centralBody.findMany({ select: { id: true, code: true, nameRu: true, nameKk: true, shortRu: true } }),
    db.official.findMany({ where: { active: true, centralBodyId: { not: null }, position: { in: [...CENTRAL_POSITIONS] } }, select: { id: true, fullName: true, position: true, centralBodyId: true } }),
  ]);
  const regionBy = new Map<string, number>();
  for (const r of regions) {
    for (const key of [r.kato, r.nameRu, r.nameKk, r.shortRu]) if (key) regionBy.set(normalizeName(key), r.id);
  }
  const unitBy = new Map(units.map((u) => [u.code.trim(), u.id]));
  const categoryBy = new Map<string, { id: number; code: string }>();
  for (const c of categories) for (const key of [c.code, c.nameRu, c.nameKk]) categoryBy.set(normalizeName(key), { id: c.id, code: c.code });
  const bodyBy = new Map<string, number>();
  for (const b of bodies) for (const key of [b.code, b.nameRu, b.nameKk, b.shortRu]) if (key) bodyBy.set(normalizeName(key), b.id);
  // Per body: officials by full name, and by position when the body has exactly one in it.
  const officialBy = new Map<string, number | 'ambiguous'>();
  const put = (key: string, id: number) => officialBy.set(key, officialBy.has(key) && officialBy.get(key) !== id ? 'ambiguous' : id);
  for (const o of officials) {
    put(`${o.centralBodyId}\u0000${normalizeName(o.fullName)}`, o.id);
    put(`${o.centralBodyId}\u0000@${o.position}`, o.id);
  }
  return {
    body: (t) => bodyBy.get(normalizeName(t)),
    official: (bodyId, t) => {
      const byName = officialBy.get(`${bodyId}\u0000${normalizeName(t)}`);
      if (byName !== undefined) return byName;
      const upper = t.trim().toUpperCase().replace(/[\s-]+/g, '_');
      const position = (CENTRAL_POSITIONS as readonly string[]).includes(upper) ? upper : positionLabels.get(normalizeName(t));
      return position ? officialBy.get(`${bodyId}\u0000@${position}`) : undefined;
    },
    region: (t) => regionBy.get(normalizeName(t.replace(/\.0+$/, ''))),
    unit: (t) => unitBy.get(t.trim().replace(/\.0+$/, '')),
    category: (t) => categoryBy.get(normalizeName(t)),
    labels: {
      level: labelMap(ruCore.codes.akimLevel, kkCore.codes.akimLevel),
      venue: labelMap(ruCore.codes.venue, kkCore.codes.venue),
      responsible: labelMap(ruRecords.records.responsibleLevel, kkRecords.records.responsibleLevel),
      status: labelMap(ruCore.codes.issueStatus, kkCore.codes.issueStatus),
      channel: labelMap(ruRecords.records.announcementChannel, kkRecords.records.announcementChannel),
    },
  };
}
