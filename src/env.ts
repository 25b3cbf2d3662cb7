import { z } from 'zod';

// The only reader of process.env. Every variable is optional so that `next build`
// and the tests run on a fresh clone; the start script fills DATABASE_URL when it
// launches the embedded database.
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** A read replica for statistics; writes always go to DATABASE_URL. */
  DATABASE_REPLICA_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** How long a statistics read waits to reach the replica before it reads the primary instead. */
  DB_REPLICA_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  /** After the replica failed, how often it is retried in the background; until then the primary answers. */
  DB_REPLICA_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** After a write, how long a statistics read waits for the replica to replay it before reading the primary. */
  DB_REPLICA_WAIT_MS: z.coerce.number().int().min(0).max(10_000).default(500),
  TEST_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('data'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The address the app listens on; `npm start` defaults to 127.0.0.1 on the embedded database, every interface otherwise. */
  HOST: z.string().min(1).optional(),
  /** The public origin people open the app at; Origin headers are compared with it. Default: http://localhost:PORT (and its loopback aliases). */
  APP_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Proxies whose X-Forwarded-For is believed: a hop count or a comma list of addresses and CIDRs. Unset: none, the socket address is used. */
  TRUSTED_PROXIES: z.string().optional(),
  SEED_DEMO: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** How many daily backups of the embedded database `npm start` keeps in DATA_DIR/backups. */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(366).default(7),
  /** Signs session tokens and encrypts second-factor secrets; `npm start` keeps one in DATA_DIR when unset. */
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  /** The log's level (pino); default info, warn under tests. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** Turns on GET /api/metrics for `Authorization: Bearer <this>`; unset, the route is a 404. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
});

export type Env = z.infer<typeof schema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export const env = readEnv();
