// A minimal migration-aware driver adapter over in-process PGlite.
// Why not @prisma/adapter-pg: it cannot read "char" columns (oid 18) that the
// engine's describer selects, it splits scripts on ";" (breaking $$-quoted
// function bodies in hand-written SQL), and its shadow database needs a server.
// Why not pglite-prisma-adapter: its executeScript does not await, so a failing
// migration would pass silently. Here every database is a fresh in-memory PGlite:
// nothing to create, drop or clean up, and no DATABASE_URL needed.
import { PGlite, types, type ParserOptions } from '@electric-sql/pglite';
import {
  ColumnTypeEnum as T,
  DriverAdapterError,
  type ColumnType,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from '@prisma/driver-adapter-utils';

// Postgres type oid -> what the engine expects; anything else is read as text.
// 18 is "char" (pg_constraint.contype etc.): the describer reads it as a character.
const COLUMN_TYPES: Record<number, ColumnType> = {
  16: T.Boolean, 17: T.Bytes, 18: T.Character, 20: T.Int64, 21: T.Int32, 23: T.Int32, 26: T.Int64,
  700: T.Float, 701: T.Double, 1700: T.Numeric, 790: T.Numeric,
  114: T.Json, 3802: T.Json, 2950: T.Uuid,
  1082: T.Date, 1083: T.Time, 1266: T.Time, 1114: T.DateTime, 1184: T.DateTime,
  1005: T.Int32Array, 1007: T.Int32Array, 1016: T.Int64Array, 1028: T.Int64Array,
  1021: T.FloatArray, 1022: T.DoubleArray, 1000: T.BooleanArray, 1231: T.NumericArray,
  1009: T.TextArray, 1015: T.TextArray, 1014: T.TextArray, 1002: T.CharacterArray,
  199: T.JsonArray, 3807: T.JsonArray, 2951: T.UuidArray, 1001: T.BytesArray,
};

// Values in the shapes @prisma/adapter-pg (node-postgres) hands the engine:
// 64-bit ints, numerics, dates and JSON stay text; timestamps become ISO UTC.
const raw = (s: string) => s;
const PARSERS: ParserOptions = {
  [types.INT8]: raw, [types.NUMERIC]: raw, 26: raw, [types.JSON]: raw, [types.JSONB]: raw,
  [types.DATE]: raw, [types.TIME]: raw, 1266: (s: string) => s.replace(/[+-]\d{2}(:\d{2})?$/, ''),
  [types.TIMESTAMP]: (s: string) => `${s.replace(' ', 'T')}+00:00`,
  [types.TIMESTAMPTZ]: (s: string) => s.replace(' ', 'T').replace(/[+-]\d{2}(:\d{2})?$/, '+00:00'),
};

// Starting PGlite takes ~1-2 s; the engine opens a "main" connection it never uses
// for a diff, so each database starts on first use only.
class LazyPglite {
  private started?: Promise<PGlite>;
  get = () => (this.started ??= PGlite.create());
  async close() {
    const db = await this.started;
    if (db && !db.closed) await db.close();
  }
}

class PgliteQueryable {
  readonly provider = 'postgres' as const;
  readonly adapterName = 'kezdesu-pglite';
  constructor(protected pg: LazyPglite) {}

  async queryRaw({ sql, args }: SqlQuery): Promise<SqlResultSet> {
    const res = await this.run(async () => (await this.pg.get()).query<unknown[]>(sql, args, { rowMode: 'array', parsers: PARSERS }));
    return {
      columnNames: res.fields.map((f) => f.name),
      columnTypes: res.fields.map((f) => COLUMN_TYPES[f.dataTypeID] ?? T.Text),
      rows: res.rows,
    };
  }

  async executeRaw({ sql, args }: SqlQuery): Promise<number> {
    const res = await this.run(async () => (await this.pg.get()).query(sql, args));
    return res.affectedRows ?? 0;
  }

  // Postgres errors become DriverAdapterErrors so the engine can report them (e.g. a failing migration).
  protected async run<R>(op: () => Promise<R>): Promise<R> {
    try {
      return await op();
    } catch (e) {
      const err = e as { code?: string; severity?: string; message: string; detail?: string; column?: string; hint?: string };
      if (typeof err?.code !== 'string') throw e;
      throw new DriverAdapterError({
        kind: 'postgres', code: err.code, severity: err.severity ?? 'ERROR',
        message: err.message, detail: err.detail, column: err.column, hint: err.hint,
      });
    }
  }
}

class PgliteTransaction extends PgliteQueryable implements Transaction {
  readonly options = { usePhantomQuery: false };
  // As with adapter-pg: the engine sends BEGIN/COMMIT/ROLLBACK itself as SQL.
  async commit() {}
  async rollback() {}
}

class PgliteAdapter extends PgliteQueryable implements SqlDriverAdapter {
  // exec() runs the whole script as one simple-protocol message, like psql -c:
  // multi-statement, $$ bodies intact, stops at the first error.
  async executeScript(script: string): Promise<void> {
    await this.run(async () => (await this.pg.get()).exec(script));
  }
  async startTransaction(isolationLevel?: string): Promise<Transaction> {
    await this.executeRaw({ sql: 'BEGIN', args: [], argTypes: [] });
    if (isolationLevel) await this.executeRaw({ sql: `SET TRANSACTION ISOLATION LEVEL ${isolationLevel}`, args: [], argTypes: [] });
    return new PgliteTransaction(this.pg);
  }
  getConnectionInfo() {
    return { schemaName: 'public', supportsRelationJoins: true };
  }
  async dispose() {
    await this.pg.close();
  }
}

/**
 * Each connect() / connectToShadowDb() is a new, empty in-memory PostgreSQL.
 * Call close() when done: the engine does not dispose its main connection, and an
 * open PGlite keeps the process alive for several seconds.
 */
export class PgliteMemoryAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres' as const;
  readonly adapterName = 'kezdesu-pglite';
  private opened: LazyPglite[] = [];
  async connect(): Promise<SqlDriverAdapter> {
    const pg = new LazyPglite();
    this.opened.push(pg);
    return new PgliteAdapter(pg);
  }
  async close(): Promise<void> {
    await Promise.all(this.opened.splice(0).map((pg) => pg.close()));
  }
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return this.connect();
  }
}
