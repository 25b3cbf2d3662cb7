// The createOfficial action (the "New official" form), called directly against a real database:
// an official tied to a central body, a region or a unit, and the refusals of the form's checks.
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { codeOf, createCentralBody, createRegion, createUnit } from '../factories/reference';
import { callerFor } from '../factories/callers';
import { createUser as createUserRow } from '../factories/users';
import { openActionDatabase, type ActionDatabase } from '../support/action-harness';

vi.mock('@/server/auth/caller', async (orig) => (await import('../support/action-harness')).mockGetCaller(orig));
vi.mock('next-intl/server', async () => (await import('../support/action-harness')).messagesAsKeys());

type Actions = typeof import('@/features/reference/actions');

let actionDb: ActionDatabase;
let pool: pg.Pool;
let actions: Actions;
let getCaller: ActionDatabase['getCaller'];
let admin: Parameters<typeof callerFor>[0];
let analyst: Parameters<typeof callerFor>[0];
let bodyId: number;
let bodyCode: string;
let regionId: number;
let regionKato: string;
let unitId: number;
let otherUnitId: number;

type OfficialRow = { full_name: string; position: string; region_id: number | null; unit_id: number | null; central_body_id: number | null };
const officialsNamed = async (fullName: string) =>
  (await pool.query<OfficialRow>('SELECT full_name, position, region_id, unit_id, central_body_id FROM official WHERE full_name = $1', [fullName])).rows;
const auditFor = async (id: number) =>
  (await pool.query<{ action: string; user_id: number }>("SELECT action, user_id FROM audit_log WHERE entity = 'official' AND entity_id = $1", [String(id)])).rows;

beforeAll(async () => {
  actionDb = await openActionDatabase();
  ({ pool, getCaller } = actionDb);
  actions = await import('@/features/reference/actions');
  admin = await createUserRow(pool, { role: 'ADMIN', username: 'admin.officials' });
  analyst = await createUserRow(pool, { role: 'ANALYST', username: 'analyst.officials' });
  bodyId = await createCentralBody(pool);
  bodyCode = await codeOf(pool, 'central_body', bodyId);
  regionId = await createRegion(pool);
  regionKato = await codeOf(pool, 'region', regionId);
  unitId = (await createUnit(pool, regionId)).id;
  otherUnitId = (await createUnit(pool, await createRegion(pool))).id;
});

beforeEach(() => {
  getCaller.mockResolvedValue(callerFor(admin));
});

afterAll(() => actionDb?.close());

describe('createOfficial', () => {
  it('adds a minister to a central body, ignoring a region sent alongside, with an audit row', async () => {
    const result = await actions.createOfficial(undefined, { fullName: 'Нурлан Касымов', position: 'MINISTER', centralBodyCode: bodyCode, regionKato, unitId: '' });
    expect(result).toMatchObject({ status: 'ok' });
    expect(await officialsNamed('Нурлан Касымов')).toEqual([{ full_name: 'Нурлан Касымов', position: 'MINISTER', region_id: null, unit_id: null, central_body_id: bodyId }]);
    const id = (result as { data: { id: number } }).data.id;
    expect(await auditFor(id)).toEqual([{ action: 'official.create', user_id: admin.id }]);
  });

  it('adds a regional akim to a region', async () => {
    const result = await actions.createOfficial(undefined, { fullName: 'Ерлан Ахметов', position: 'AKIM_REGION', regionKato, centralBodyCode: '' });
    expect(result).toMatchObject({ status: 'ok' });
    expect(await officialsNamed('Ерлан Ахметов')).toEqual([{ full_name: 'Ерлан Ахметов', position: 'AKIM_REGION', region_id: regionId, unit_id: null, central_body_id: null }]);
  });

  it('adds a district akim to a unit of the region', async () => {
    const result = await actions.createOfficial(undefined, { fullName: 'Айдос Серикбаев', position: 'AKIM_DISTRICT', regionKato, unitId: String(unitId) });
    expect(result).toMatchObject({ status: 'ok' });
    expect(await officialsNamed('Айдос Серикбаев')).toEqual([{ full_name: 'Айдос Серикбаев', position: 'AKIM_DISTRICT', region_id: regionId, unit_id: unitId, central_body_id: null }]);
  });

  it('refuses a unit outside the chosen region, on the unit field, and writes nothing', async () => {
    const result = await actions.createOfficial(undefined, { fullName: 'Чужой Аким', position: 'AKIM_DISTRICT', regionKato, unitId: String(otherUnitId) });
    expect(result).toMatchObject({ status: 'error', fields: { unitId: 'unitOutsideRegion' } });
    expect(await officialsNamed('Чужой Аким')).toEqual([]);
  });

  it('asks for the place the position needs', async () => {
    expect(await actions.createOfficial(undefined, { fullName: 'Без органа', position: 'VICE_MINISTER', centralBodyCode: '' }))
      .toMatchObject({ status: 'error', fields: { centralBodyCode: 'required' } });
    expect(await actions.createOfficial(undefined, { fullName: 'Без района', position: 'AKIM_RURAL', regionKato, unitId: '' }))
      .toMatchObject({ status: 'error', fields: { unitId: 'required' } });
    expect(await actions.createOfficial(undefined, { fullName: 'Без региона', position: 'AKIM_REGION', regionKato: '' }))
      .toMatchObject({ status: 'error', fields: { regionKato: 'required' } });
    expect(await officialsNamed('Без органа')).toEqual([]);
  });

  it('is refused to a user without reference.manage', async () => {
    getCaller.mockResolvedValue(callerFor(analyst));
    const result = await actions.createOfficial(undefined, { fullName: 'Не админ', position: 'MINISTER', centralBodyCode: bodyCode });
    expect(result.status).toBe('error');
    expect(await officialsNamed('Не админ')).toEqual([]);
  });
});
