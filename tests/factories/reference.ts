import type pg from 'pg';

// Reference rows (a region, its akim, a central body, a minister, an issue category) written
// with plain SQL, so tests of the app's queries do not build their data with the app's code.

export type Reference = {
  regionId: number;
  akimId: number;
  centralBodyId: number;
  ministerId: number;
  categoryId: number;
};

let counter = 0;
/** A short suffix unique within this process, for the reference tables' unique codes. */
const nextSuffix = () => `${process.pid % 1000}${String((counter += 1)).padStart(3, '0')}`;

const one = async (db: pg.ClientBase | pg.Pool, sql: string, params: unknown[]) => {
  const { rows } = await db.query<{ id: number }>(sql, params);
  const id = rows[0]?.id;
  if (typeof id !== 'number') throw new Error(`insert returned no id: ${sql}`);
  return id;
};

export async function createRegion(db: pg.ClientBase | pg.Pool, overrides: { nameEn?: string } = {}): Promise<number> {
  const s = nextSuffix();
  const name = overrides.nameEn ?? `Test region ${s}`;
  return one(
    db,
    `INSERT INTO region (kato, iso, kind, name_ru, name_kk, name_en, centre_en, centre_lat, centre_lon, tile_col, tile_row)
     VALUES ($1, $2, 'OBLAST', $3, $3, $3, $4, 43.25, 76.95, 1, 1) RETURNING id`,
    [`9${s}`.slice(0, 9), `T-${s}`.slice(0, 8), name, `${name} centre`],
  );
}

export type AkimLevel = 'REGION' | 'DISTRICT' | 'RURAL';

/** An akim of the region, or of a district (or city) or rural district when a level and its unit are given. */
export async function createAkim(
  db: pg.ClientBase | pg.Pool,
  regionId: number,
  options: { level?: AkimLevel; unitId?: number | null } = {},
): Promise<number> {
  return one(db, `INSERT INTO official (full_name, position, region_id, unit_id) VALUES ($1, $2::"Position", $3, $4) RETURNING id`, [
    `Akim ${nextSuffix()}`,
    `AKIM_${options.level ?? 'REGION'}`,
    regionId,
    options.unitId ?? null,
  ]);
}

/** An administrative unit of a region: a district, or a rural district under `parentId`. Its code is all digits. */
export async function createUnit(
  db: pg.ClientBase | pg.Pool,
  regionId: number,
  options: { kind?: 'DISTRICT' | 'CITY' | 'RURAL_DISTRICT'; parentId?: number | null } = {},
): Promise<{ id: number; code: string }> {
  const s = nextSuffix();
  const code = `8${s}`.padEnd(9, '0').slice(0, 16);
  const id = await one(
    db,
    `INSERT INTO admin_unit (region_id, parent_id, kind, code, name_ru, name_kk, name_en) VALUES ($1, $2, $3::"UnitKind", $4, $5, $5, $5) RETURNING id`,
    [regionId, options.parentId ?? null, options.kind ?? (options.parentId ? 'RURAL_DISTRICT' : 'DISTRICT'), code, `Test unit ${s}`],
  );
  return { id, code };
}

export async function createCentralBody(db: pg.ClientBase | pg.Pool): Promise<number> {
  const s = nextSuffix();
  return one(db, `INSERT INTO central_body (code, name_ru, name_kk, name_en, short_ru) VALUES ($1, $2, $2, $2, $3) RETURNING id`, [
    `TB${s}`,
    `Test ministry ${s}`,
    `TB${s}`,
  ]);
}

export async function createMinister(db: pg.ClientBase | pg.Pool, centralBodyId: number): Promise<number> {
  return one(db, `INSERT INTO official (full_name, position, central_body_id) VALUES ($1, 'MINISTER', $2) RETURNING id`, [
    `Minister ${nextSuffix()}`,
    centralBodyId,
  ]);
}

export async function createCategory(db: pg.ClientBase | pg.Pool): Promise<number> {
  const s = nextSuffix();
  return one(db, `INSERT INTO issue_category (code, name_ru, name_kk, name_en) VALUES ($1, $2, $2, $2) RETURNING id`, [
    `TEST_${s}`,
    `Test category ${s}`,
  ]);
}

/** A region with its akim, a ministry with its minister, and one issue category. */
export async function createReference(db: pg.ClientBase | pg.Pool): Promise<Reference> {
  const regionId = await createRegion(db);
  const akimId = await createAkim(db, regionId);
  const centralBodyId = await createCentralBody(db);
  const ministerId = await createMinister(db, centralBodyId);
  const categoryId = await createCategory(db);
  return { regionId, akimId, centralBodyId, ministerId, categoryId };
}

const CODE_COLUMN = { issue_category: 'code', central_body: 'code', region: 'kato' } as const;

/** The code forms and the API name a reference row by: a category's or body's code, a region's KATO. */
export async function codeOf(db: pg.ClientBase | pg.Pool, table: keyof typeof CODE_COLUMN, id: number): Promise<string> {
  const { rows } = await db.query<{ code: string }>(`SELECT ${CODE_COLUMN[table]} AS code FROM ${table} WHERE id = $1`, [id]);
  if (!rows[0]) throw new Error(`no ${table} ${id}`);
  return rows[0].code;
}

/** Gives a region a KATO code of nine digits, as the forms take it (createRegion's may be shorter). */
export async function setKato(db: pg.ClientBase | pg.Pool, regionId: number, kato: string): Promise<string> {
  await db.query('UPDATE region SET kato = $1 WHERE id = $2', [kato, regionId]);
  return kato;
}
