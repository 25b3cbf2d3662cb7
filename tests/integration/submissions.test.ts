// Half-year submission: an akimat editor submits its region, a ministry editor its body, each
// once per half-year and audited; invalid input names the field and changes nothing; an admin
// sets the deadline, and the completeness list shows who has and has not submitted — regions,
// bodies, and the units' akimats grouped under their region.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callerFor } from '../factories/callers';
import { createCentralBody, createRegion } from '../factories/reference';
import { createUser, type TestUser } from '../factories/users';
import { openActionDatabase, type ActionDatabase } from '../support/action-harness';

vi.mock('@/server/auth/caller', async (orig) => (await import('../support/action-harness')).mockGetCaller(orig));
vi.mock('next-intl/server', async () => (await import('../support/action-harness')).messagesAsKeys());

let db: ActionDatabase;
let pool: pg.Pool;
let getCaller: ActionDatabase['getCaller'];
let actions: typeof import('@/features/submissions/actions');
let regionId: number;
let bodyId: number;
let akimat: TestUser;
let ministry: TestUser;
let admin: TestUser;
let analyst: TestUser;

const form = (values: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
};
const as = (user: TestUser) => getCaller.mockResolvedValue(callerFor(user, { regionId: user.regionId, centralBodyId: user.centralBodyId }));
const submissions = async () => (await pool.query(`SELECT year, half, scope_key, region_id, central_body_id FROM half_year_submission ORDER BY id`)).rows;

beforeAll(async () => {
  db = await openActionDatabase();
  ({ pool, getCaller } = db);
  actions = await import('@/features/submissions/actions');
  regionId = await createRegion(pool);
  bodyId = await createCentralBody(pool);
  akimat = await createUser(pool, { role: 'AKIMAT_EDITOR', regionId });
  ministry = await createUser(pool, { role: 'MINISTRY_EDITOR', centralBodyId: bodyId });
  admin = await createUser(pool, { role: 'ADMIN' });
  analyst = await createUser(pool, { role: 'ANALYST' });
});

afterAll(() => db?.close());

describe('submitHalfYear', () => {
  it('records the akimat’s and the ministry’s submission once, audited', async () => {
    as(akimat);
    expect(await actions.submitHalfYear(undefined, form({ period: '2024-H1' }))).toMatchObject({ status: 'ok', data: { repeated: false } });
    expect(await actions.submitHalfYear(undefined, form({ period: '2024-H1' }))).toMatchObject({ status: 'ok', data: { repeated: true } });
    as(ministry);
    expect(await actions.submitHalfYear(undefined, form({ period: '2024-H1' }))).toMatchObject({ status: 'ok' });
    expect(await submissions()).toEqual([
      { year: 2024, half: 1, scope_key: `R${regionId}`, region_id: regionId, central_body_id: null },
      { year: 2024, half: 1, scope_key: `B${bodyId}`, region_id: null, central_body_id: bodyId },
    ]);
    const audit = await pool.query(`SELECT user_id FROM audit_log WHERE action = 'submission.submit' ORDER BY id`);
    expect(audit.rows.map((r) => r.user_id)).toEqual([akimat.id, akimat.id, ministry.id]);
  });

  it('takes the same scope submitted many times at once (the deadline rush) as one submission and repeats, never an error', async () => {
    const editors = await Promise.all(Array.from({ length: 2 }, () => createUser(pool, { role: 'AKIMAT_EDITOR', regionId })));
    // Each call reads its caller when it starts; the two editors alternate.
    for (const e of [...editors, ...editors, ...editors, ...editors]) getCaller.mockResolvedValueOnce(callerFor(e, { regionId }));
    const results = await Promise.all(Array.from({ length: 8 }, () => actions.submitHalfYear(undefined, form({ period: '2025-H2' }))));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill('ok'));
    expect(results.filter((r) => r.status === 'ok' && !(r.data as { repeated: boolean }).repeated)).toHaveLength(1);
    const rows = await pool.query(`SELECT scope_key FROM half_year_submission WHERE year = 2025 AND half = 2`);
    expect(rows.rows).toEqual([{ scope_key: `R${regionId}` }]);
  });

  it('refuses a malformed half-year, naming the field, and changes nothing', async () => {
    as(akimat);
    const before = await submissions();
    const result = await actions.submitHalfYear(undefined, form({ period: '2024-H3' }));
    expect(result).toMatchObject({ status: 'error' });
    expect(Object.keys((result as { fields: Record<string, string> }).fields)).toEqual(['period']);
    expect(await submissions()).toEqual(before);
  });

  it('is refused to roles that do not enter data, and to an admin who has no region or body', async () => {
    const before = await submissions();
    as(analyst);
    expect(await actions.submitHalfYear(undefined, form({ period: '2024-H2' }))).toMatchObject({ status: 'error', message: 'forbidden' });
    as(admin);
    expect(await actions.submitHalfYear(undefined, form({ period: '2024-H2' }))).toMatchObject({ status: 'error' });
    expect(await submissions()).toEqual(before);
  });
});

describe('deadline and completeness', () => {
  it('lets only an admin set the deadline, and lists who has submitted', async () => {
    as(akimat);
    expect(await actions.setSubmissionDeadline(undefined, form({ period: '2024-H1', deadline: '2024-07-15' }))).toMatchObject({ status: 'error', message: 'forbidden' });
    as(admin);
    expect(await actions.setSubmissionDeadline(undefined, form({ period: '2024-H1', deadline: '15.07.2024' }))).toMatchObject({ status: 'error', fields: { deadline: expect.any(String) } });
    expect(await actions.setSubmissionDeadline(undefined, form({ period: '2024-H1', deadline: '2024-07-15' }))).toMatchObject({ status: 'ok' });
    const { getCompleteness } = await import('@/features/submissions/queries');
    const data = await getCompleteness('2024-H1', 'ru');
    expect(data.deadline).toBe('2024-07-15');
    expect(data.regions.find((r) => r.key === `R${regionId}`)?.submittedAt).not.toBeNull();
    expect(data.bodies.find((b) => b.key === `B${bodyId}`)?.by).toBe(ministry.fullName);
    const empty = await getCompleteness('2023-H2', 'ru');
    expect(empty.regions.every((r) => r.submittedAt === null)).toBe(true);
    expect(empty.deadline).toBeNull();
    const audit = await pool.query(`SELECT entity_id, after FROM audit_log WHERE action = 'submission.deadline'`);
    expect(audit.rows).toEqual([{ entity_id: 'submissionDeadline.2024-H1', after: expect.objectContaining({ value: '2024-07-15' }) }]);
  });
});

describe('unit-level submissions', () => {
  const unit = async (name: string, parentId: number | null, kind: 'DISTRICT' | 'RURAL_DISTRICT', region = regionId) =>
    (await pool.query<{ id: number }>(
      `INSERT INTO admin_unit (region_id, parent_id, kind, code, name_ru, name_kk, name_en) VALUES ($1, $2, $3::"UnitKind", $4, $5, $5, $5) RETURNING id`,
      [region, parentId, kind, `U${process.pid % 1000}${name.length}${Math.random().toString().slice(2, 8)}`, name])).rows[0]!.id;

  it('shows each unit under its region with who submitted and when, and those that have not; counted in SQL', async () => {
    const district = await unit('район Алпha', null, 'DISTRICT');
    const quiet = await unit('район Бета', null, 'DISTRICT');
    const rural = await unit('сельский округ Гамма', district, 'RURAL_DISTRICT');
    const hidden = await unit('сельский округ Дельта', district, 'RURAL_DISTRICT'); // no editor, no submission: not expected
    const districtEditor = await createUser(pool, { role: 'AKIMAT_EDITOR', regionId, unitId: district });
    await createUser(pool, { role: 'AKIMAT_EDITOR', regionId, unitId: rural }); // an editor of its own makes the rural district expected
    const { getCompleteness } = await import('@/features/submissions/queries');
    const ruralSeen = (await getCompleteness('2024-H1', 'ru')).units.find((u) => u.key === `U${rural}`);
    expect(ruralSeen).toMatchObject({ submittedAt: null, by: null }); // expected (it has an editor) but not submitted

    getCaller.mockResolvedValue(callerFor(districtEditor, { regionId, unitId: district }));
    expect(await actions.submitHalfYear(undefined, form({ period: '2024-H1' }))).toMatchObject({ status: 'ok', data: { repeated: false } });
    const data = await getCompleteness('2024-H1', 'ru');
    const mine = data.units.filter((u) => u.regionId === regionId);
    expect(mine.map((u) => [u.key, u.rural, u.submittedAt !== null, u.by])).toEqual([
      [`U${district}`, false, true, districtEditor.fullName],
      [`U${rural}`, true, false, null],
      [`U${quiet}`, false, false, null],
    ]);
    expect(mine.some((u) => u.key === `U${hidden}`)).toBe(false);
    expect(data.regions.find((r) => r.regionId === regionId)?.units).toEqual({ done: 1, total: 3 });
    // The unit's submission is the unit's: the region's own line is unchanged, as is the next half-year.
    expect(data.regions.find((r) => r.regionId === regionId)?.submittedAt).not.toBeNull(); // the region's akimat submitted earlier
    const later = await getCompleteness('2024-H2', 'ru');
    expect(later.regions.find((r) => r.regionId === regionId)?.units).toEqual({ done: 0, total: 3 });
    expect(later.units.filter((u) => u.regionId === regionId).every((u) => u.submittedAt === null)).toBe(true);

    // The page's block: the region's units, rural districts after their district, open for the reader's own region.
    const { UnitCompleteness } = await import('@/features/submissions/components/completeness-table');
    const { renderToStaticMarkup } = await import('react-dom/server');
    const html = renderToStaticMarkup(await UnitCompleteness({ regions: data.regions, units: data.units, deadline: '2099-01-01', today: '2099-02-01', locale: 'ru', openRegionId: regionId }));
    const block = html.slice(html.indexOf(`id="units-${regionId}"`));
    expect(block.startsWith(`id="units-${regionId}" open=""`)).toBe(true);
    const order = [`submission-U${district}`, `submission-U${rural}`, `submission-U${quiet}`].map((k) => block.indexOf(k));
    expect(order.every((i, n) => i > 0 && (n === 0 || i > order[n - 1]!))).toBe(true);
    expect(block).toContain('stateSubmitted');
    expect(block).toContain('stateOverdue');
  });

  it('refuses a malformed half-year from a unit editor, naming the field, and changes nothing', async () => {
    const district = await unit('район Эпсилон', null, 'DISTRICT');
    const editor = await createUser(pool, { role: 'AKIMAT_EDITOR', regionId, unitId: district });
    getCaller.mockResolvedValue(callerFor(editor, { regionId, unitId: district }));
    const before = await submissions();
    const result = await actions.submitHalfYear(undefined, form({ period: '2024-1' }));
    expect(result).toMatchObject({ status: 'error' });
    expect(Object.keys((result as { fields: Record<string, string> }).fields)).toEqual(['period']);
    expect(await submissions()).toEqual(before);
  });

  it('records a unit editor’s submission for its own unit only, never another region’s', async () => {
    const otherRegion = await createRegion(pool);
    const foreign = await unit('район Зета', null, 'DISTRICT', otherRegion);
    const district = await unit('район Эта', null, 'DISTRICT');
    const editor = await createUser(pool, { role: 'AKIMAT_EDITOR', regionId, unitId: district });
    getCaller.mockResolvedValue(callerFor(editor, { regionId, unitId: district }));
    expect(await actions.submitHalfYear(undefined, form({ period: '2024-H2', unitId: String(foreign), regionId: String(otherRegion) }))).toMatchObject({ status: 'ok' });
    const rows = (await pool.query(`SELECT scope_key, region_id, unit_id FROM half_year_submission WHERE year = 2024 AND half = 2`)).rows;
    expect(rows).toEqual([{ scope_key: `U${district}`, region_id: regionId, unit_id: district }]);
    const { getCompleteness } = await import('@/features/submissions/queries');
    const data = await getCompleteness('2024-H2', 'ru');
    expect(data.regions.find((r) => r.regionId === otherRegion)?.units).toEqual({ done: 0, total: 1 });
    expect(data.units.find((u) => u.key === `U${foreign}`)?.submittedAt).toBeNull();
  });
});

