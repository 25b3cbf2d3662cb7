// The meeting scope as a Prisma `where` (the lists, the writers) and as SQL (the set-based lists
// and exports) is one definition rendered twice: for every kind of caller both pick exactly the
// same meetings, and each picks what that caller may see.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScopeCaller } from '@/server/access/scope';
import { createMeeting } from '../factories/issues';
import { createReference, createUnit, type Reference } from '../factories/reference';
import { openAppDatabase, type AppDatabase } from '../support/database';

let database: AppDatabase;
let pool: pg.Pool;
let ref: Reference;
let other: Reference;
const unit: Record<'district' | 'rural' | 'sibling', number> = {} as Record<'district' | 'rural' | 'sibling', number>;
/** Meeting ids by what they are. */
const m: Record<string, number> = {};

beforeAll(async () => {
  database = await openAppDatabase();
  pool = database.pool;
  ref = await createReference(pool);
  other = await createReference(pool);
  unit.district = (await createUnit(pool, ref.regionId)).id;
  unit.rural = (await createUnit(pool, ref.regionId, { parentId: unit.district })).id;
  unit.sibling = (await createUnit(pool, ref.regionId)).id;
  m.region = (await createMeeting(pool, ref, { heldOn: '2024-02-01' })).id;
  m.district = (await createMeeting(pool, ref, { heldOn: '2024-02-02', level: 'DISTRICT', unitId: unit.district })).id;
  m.rural = (await createMeeting(pool, ref, { heldOn: '2024-02-03', level: 'RURAL', unitId: unit.rural })).id;
  m.sibling = (await createMeeting(pool, ref, { heldOn: '2024-02-04', level: 'DISTRICT', unitId: unit.sibling })).id;
  m.central = (await createMeeting(pool, ref, { heldOn: '2024-02-05', kind: 'CENTRAL' })).id;
  m.otherRegion = (await createMeeting(pool, other, { heldOn: '2024-02-06' })).id;
  m.otherCentral = (await createMeeting(pool, other, { heldOn: '2024-02-07', kind: 'CENTRAL' })).id;
});

afterAll(() => database?.close());

async function picked(caller: ScopeCaller) {
  const { db } = await import('@/server/db/client');
  const { Prisma } = await import('@/generated/prisma/client');
  const { meetingScopeSql, meetingWhere } = await import('@/server/access/scopes/meeting');
  const ids = Object.values(m);
  const byWhere = await db().meeting.findMany({ where: { AND: [meetingWhere(caller), { id: { in: ids } }] }, select: { id: true }, orderBy: { id: 'asc' } });
  const bySql = await db().$queryRaw<Array<{ id: number }>>(
    Prisma.sql`SELECT m.id FROM meeting m WHERE m.deleted_at IS NULL AND m.id IN (${Prisma.join(ids)}) AND ${meetingScopeSql(caller)} ORDER BY m.id`);
  return { where: byWhere.map((r) => r.id), sql: bySql.map((r) => r.id) };
}

const names = (ids: number[]) => Object.keys(m).filter((k) => ids.includes(m[k]!)).sort();

describe('meeting scope: the where and the SQL agree', () => {
  it.each([
    ['an analyst', () => ({ role: 'ANALYST', regionId: null, unitId: null, centralBodyId: null }), ['central', 'district', 'otherCentral', 'otherRegion', 'region', 'rural', 'sibling']],
    ['an akimat editor', () => ({ role: 'AKIMAT_EDITOR', regionId: ref.regionId, unitId: null, centralBodyId: null }), ['district', 'region', 'rural', 'sibling']],
    ['a district’s editor', () => ({ role: 'AKIMAT_EDITOR', regionId: ref.regionId, unitId: unit.district, centralBodyId: null }), ['district', 'rural']],
    ['a rural district’s editor', () => ({ role: 'AKIMAT_EDITOR', regionId: ref.regionId, unitId: unit.rural, centralBodyId: null }), ['rural']],
    ['a ministry editor', () => ({ role: 'MINISTRY_EDITOR', regionId: null, unitId: null, centralBodyId: ref.centralBodyId }), ['central']],
  ] as const)('for %s', async (_, who, expected) => {
    const { where, sql } = await picked(who() as ScopeCaller);
    expect(sql).toEqual(where);
    expect(names(where)).toEqual([...expected].sort());
  });
});
