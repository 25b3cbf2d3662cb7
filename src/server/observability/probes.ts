import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { env } from '@/env';
import { db, dbPools } from '@/server/db/client';
import { logger } from './logger';
import { metrics, setPoolStates, setTriggerStats } from './metrics';

// The operators' routes: liveness, readiness (database and migrations) and Prometheus metrics.
// Their answers carry no version and no secret.

const PROBE_TIMEOUT_MS = 5_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const noStore = { 'Cache-Control': 'no-store' };

/** The migrations shipped with this build (the folder db/migrations.ts applies); read once, they do not change while it runs. */
let shipped: Promise<string[]> | undefined;
const shippedMigrations = () =>
  (shipped ??= fs.readdir(path.join(process.cwd(), 'prisma', 'migrations'), { withFileTypes: true }).then((entries) => entries.filter((e) => e.isDirectory()).map((e) => e.name)));

export type Readiness = { ready: true } | { ready: false; reason: 'database' | 'migrations' };

/** Ready when the database answers and has every migration this build ships (a newer database is fine). */
export async function readiness(): Promise<Readiness> {
  let applied: Set<string>;
  try {
    const rows = await withTimeout(
      db().$queryRawUnsafe<Array<{ name: string }>>(
        'SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      ),
      PROBE_TIMEOUT_MS,
    );
    applied = new Set(rows.map((r) => r.name));
  } catch (error) {
    logger.warn({ err: error }, 'readiness: the database did not answer');
    return { ready: false, reason: 'database' };
  }
  const missing = (await shippedMigrations()).filter((name) => !applied.has(name));
  if (missing.length) {
    logger.warn({ pending: missing.length }, 'readiness: migrations are pending');
    return { ready: false, reason: 'migrations' };
  }
  return { ready: true };
}

export async function readyResponse(): Promise<Response> {
  const r = await readiness();
  return r.ready
    ? Response.json({ status: 'ok' }, { headers: noStore })
    : Response.json({ status: 'unavailable', failing: r.reason }, { status: 503, headers: noStore });
}

export const liveResponse = () => Response.json({ status: 'ok' }, { headers: noStore });

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time, whatever the lengths: both sides are hashed first. */
function bearerMatches(authorization: string | null, secret: string): boolean {
  const given = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(secret));
}

/**
 * Time in the stat_* summary triggers as PostgreSQL counts it (pg_stat_user_functions), which it
 * does only with track_functions = pl or all: otherwise the gauge kezdesu_summary_trigger_tracking is 0.
 */
async function readTriggerStats(): Promise<void> {
  const client = db();
  const [setting] = await client.$queryRawUnsafe<Array<{ v: string }>>(`SELECT current_setting('track_functions') AS v`);
  const rows = await client.$queryRawUnsafe<Array<{ fn: string; calls: bigint; total: number; self: number }>>(
    `SELECT funcname AS fn, calls, total_time AS total, self_time AS self FROM pg_stat_user_functions WHERE funcname LIKE 'stat\\_%'`,
  );
  setTriggerStats(
    setting?.v === 'pl' || setting?.v === 'all',
    rows.map((r) => ({ fn: r.fn, calls: Number(r.calls), totalMs: Number(r.total), selfMs: Number(r.self) })),
  );
}

export async function metricsResponse(request: Request): Promise<Response> {
  if (!env.METRICS_TOKEN) return Response.json({ error: { code: 'NOT_FOUND', message: 'not found' } }, { status: 404, headers: noStore });
  if (!bearerMatches(request.headers.get('authorization'), env.METRICS_TOKEN)) {
    return Response.json(
      { error: { code: 'UNAUTHENTICATED', message: 'send the metrics token' } },
      { status: 401, headers: { ...noStore, 'WWW-Authenticate': 'Bearer' } },
    );
  }
  setPoolStates(dbPools().map((p, i) => ({ pool: i === 0 ? 'primary' : `replica${i > 1 ? i : ''}`, total: p.totalCount, idle: p.idleCount, waiting: p.waitingCount })));
  // A busy single-connection database (the embedded one) must not hold the scrape: the figures stay as last read.
  await withTimeout(readTriggerStats(), PROBE_TIMEOUT_MS).catch((error: unknown) => logger.warn({ err: error }, 'metrics: summary trigger figures not read'));
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { ...noStore, 'Content-Type': registry.contentType } });
}
