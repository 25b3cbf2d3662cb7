import { z } from 'zod';

// What a backup file holds (docs/operations.md): a tar archive with manifest.json first, the
// database under database/, and files under files/ (attachments, when the app keeps any).
// The manifest names every other entry with its size and SHA-256, so a restore checks the
// whole archive before it touches anything.

export const BACKUP_FORMAT = 'kezdesu-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_NAME = 'manifest.json';
/** pg_dump's custom format, for DATABASE_URL. */
export const PG_DUMP_ENTRY = 'database/pg_dump.custom';
/** PGlite's own data folder as a gzipped tar (dumpDataDir), for the embedded database. */
export const PGLITE_ENTRY = 'database/pglite-datadir.tar.gz';
/** The embedded database's generated AUTH_SECRET: second-factor secrets are encrypted with it. */
export const AUTH_SECRET_ENTRY = 'config/auth-secret';
export const FILES_PREFIX = 'files/';

const entry = z.object({
  path: z.string().min(1).refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), 'a relative path inside the archive'),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupEntry = z.infer<typeof entry>;

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  kind: z.enum(['pg_dump', 'pglite']),
  /** The newest migration applied when the backup was taken; null on a database never migrated. */
  lastMigration: z.string().nullable(),
  /** Every applied migration, oldest first. */
  migrations: z.array(z.string()),
  database: entry,
  /** Roles, other than the owner, that held rights on the tables (the app role of `npm run db:roles`). */
  appRoles: z.array(z.string()).default([]),
  authSecret: entry.nullable().default(null),
  /** Attachments and other files, under files/; none yet. */
  files: z.array(entry).default([]),
  /** The server's version, for the record (`SHOW server_version`). */
  serverVersion: z.string().nullable().default(null),
});
export type BackupManifest = z.infer<typeof manifestSchema>;
