import pg from 'pg';

// Every table of the public schema (records, audit_log, the stat_* summaries, _prisma_migrations)
// as a row count and an MD5 of its rows in a fixed order, and every sequence's position: two
// databases with equal fingerprints answer every query alike.

export type Fingerprint = Record<string, string>;

export async function databaseFingerprint(url: string): Promise<Fingerprint> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Fingerprint = {};
    const tables = (await client.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows;
    for (const { t } of tables) {
      const { rows } = await client.query<{ n: number; h: string }>(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS h FROM ${client.escapeIdentifier(t)} x`,
      );
      out[t] = `${rows[0]!.n} rows ${rows[0]!.h}`;
    }
    const sequences = (await client.query<{ s: string }>(`SELECT sequencename AS s FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`)).rows;
    for (const { s } of sequences) {
      const { rows } = await client.query<{ v: string; c: boolean }>(`SELECT last_value::text AS v, is_called AS c FROM ${client.escapeIdentifier(s)}`);
      out[`sequence ${s}`] = `${rows[0]!.v} ${rows[0]!.c}`;
    }
    return out;
  } finally {
    await client.end();
  }
}
