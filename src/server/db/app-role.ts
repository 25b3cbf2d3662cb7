import pg from 'pg';

// The database role the app runs as in production, made by the database owner (who runs the
// migrations and owns every table). The app role owns nothing, so it cannot ALTER, DROP or
// TRUNCATE a table, nor disable or drop a trigger: only an owner can. On audit_log it may only
// INSERT and SELECT, so the append-only trail holds even against the app's own connection.
// Roles belong to the whole server, not one database, so every step is safe to repeat.

export const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Tables the app only appends to and reads. */
export const APPEND_ONLY_TABLES = ['audit_log'] as const;
/** Tables the app only reads (the migration runner checks what is applied at start). */
export const READ_ONLY_TABLES = ['_prisma_migrations'] as const;

export type AppRoleResult = { role: string; created: boolean; database: string; tables: number };

/**
 * Creates the LOGIN role `role` (or updates its password) and grants it exactly what the app
 * needs in the database `ownerUrl` names: connect and temporary tables; the public schema's
 * tables (read, insert, update, delete; audit_log insert and read only), their sequences, and
 * the same on tables the connecting owner creates later. Refuses a role that is a superuser,
 * can bypass row security or owns any table there.
 */
export async function applyAppRole(ownerUrl: string, options: { role: string; password?: string | null }): Promise<AppRoleResult> {
  const { role } = options;
  if (!ROLE_NAME.test(role)) throw new Error(`--app-role: ${role} is not a plain role name (lowercase letters, digits, underscore)`);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const me = (await client.query<{ me: string; db: string }>('SELECT current_user AS me, current_database() AS db')).rows[0]!;
    if (me.me === role) throw new Error(`run this as the database owner, not as ${role}`);
    const r = client.escapeIdentifier(role);
    const existing = (await client.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1', [role],
    )).rows[0];
    if (existing?.rolsuper || existing?.rolbypassrls) throw new Error(`${role} is a superuser or bypasses row security: choose another name`);
    const owned = (await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_roles o ON o.oid = c.relowner
        WHERE o.rolname = $1 AND c.relnamespace = 'public'::regnamespace ORDER BY 1`, [role],
    )).rows.map((x) => x.name);
    if (owned.length) throw new Error(`${role} owns ${owned.join(', ')}: run the migrations as the owner, then give those tables to it (ALTER TABLE … OWNER TO)`);

    const password = options.password ? ` PASSWORD ${client.escapeLiteral(options.password)}` : '';
    // Attributes the app must not have are left at CREATE ROLE's defaults (and checked above).
    await client.query(existing ? `ALTER ROLE ${r} LOGIN${password}` : `CREATE ROLE ${r} LOGIN${password}`);

    const db = client.escapeIdentifier(me.db);
    const owner = client.escapeIdentifier(me.me);
    const grants = [
      `GRANT CONNECT, TEMPORARY ON DATABASE ${db} TO ${r}`,
      `REVOKE CREATE ON DATABASE ${db} FROM ${r}`,
      `GRANT USAGE ON SCHEMA public TO ${r}`,
      `REVOKE CREATE ON SCHEMA public FROM ${r}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
      `REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${r}`,
      ...APPEND_ONLY_TABLES.flatMap((t) => [`REVOKE ALL ON ${client.escapeIdentifier(t)} FROM ${r}`, `GRANT SELECT, INSERT ON ${client.escapeIdentifier(t)} TO ${r}`]),
      ...READ_ONLY_TABLES.flatMap((t) => [`REVOKE ALL ON ${client.escapeIdentifier(t)} FROM ${r}`, `GRANT SELECT ON ${client.escapeIdentifier(t)} TO ${r}`]),
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
      // Tables a later migration adds: the same rights without running this again (audit_log stays as above).
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`,
    ];
    await client.query('BEGIN');
    try {
      for (const sql of grants) {
        // _prisma_migrations exists once the migrations ran; the grants on it wait until then.
        if (READ_ONLY_TABLES.some((t) => sql.includes(`"${t}"`))) {
          const there = (await client.query<{ t: string | null }>(`SELECT to_regclass('public._prisma_migrations')::text AS t`)).rows[0]!.t;
          if (!there) continue;
        }
        await client.query(sql);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    const tables = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0]!.n);
    return { role, created: !existing, database: me.db, tables };
  } finally {
    await client.end();
  }
}
