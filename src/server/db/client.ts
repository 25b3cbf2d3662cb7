import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/generated/prisma/client';
import { env } from '@/env';
import { createReplicaRouter, writeWatchingClient, type ReplicaRouter } from './replica';

// One client per process; the dev server's hot reload would otherwise open a pool per edit.
const globalForPrisma = globalThis as unknown as {
  prisma?: PrismaClient; stats?: PrismaClient; pools?: pg.Pool[]; primaryPool?: pg.Pool; replica?: ReplicaRouter;
};

// With a replica, the primary's connections count the writes they make (for read-your-writes, see ./replica.ts).
const writes = { noted: () => globalForPrisma.replica?.noteWrite() };

function createPool(url: string | undefined): pg.Pool {
  if (!url) {
    throw new Error('DATABASE_URL is not set: start the app with `npm start`, or point it at PostgreSQL.');
  }
  const Client = env.DATABASE_REPLICA_URL ? writeWatchingClient(writes.noted) : undefined;
  const pool = new pg.Pool({ connectionString: url, max: env.DB_POOL_SIZE, ...(Client ? { Client } : {}) });
  // An idle connection dropped by the server (restart, failover) must not take the process down;
  // the pool replaces it on the next query.
  pool.on('error', (error) => console.error(`Idle database connection closed: ${error.message}`));
  (globalForPrisma.pools ??= []).push(pool);
  return pool;
}

export function db(): PrismaClient {
  if (!globalForPrisma.prisma) {
    globalForPrisma.primaryPool = createPool(env.DATABASE_URL);
    globalForPrisma.prisma = new PrismaClient({ adapter: new PrismaPg(globalForPrisma.primaryPool) });
  }
  return globalForPrisma.prisma;
}

function replica(): ReplicaRouter {
  if (!globalForPrisma.replica) {
    db();
    const router = createReplicaRouter(
      globalForPrisma.primaryPool!,
      { connectionString: env.DATABASE_REPLICA_URL, max: env.DB_POOL_SIZE },
      { connectTimeoutMs: env.DB_REPLICA_CONNECT_TIMEOUT_MS, retryMs: env.DB_REPLICA_RETRY_SECONDS * 1000, freshWaitMs: env.DB_REPLICA_WAIT_MS },
      (message) => console.warn(message),
    );
    (globalForPrisma.pools ??= []).push(router.statsPool);
    globalForPrisma.replica = router;
  }
  return globalForPrisma.replica;
}

/**
 * For statistics reads: the replica named by DATABASE_REPLICA_URL when there is one (falling back
 * to the primary when it is down, or has not yet replayed this process's writes), the primary
 * otherwise. Writes use db().
 */
export function statsDb(): PrismaClient {
  if (!env.DATABASE_REPLICA_URL) return db();
  globalForPrisma.stats ??= new PrismaClient({ adapter: new PrismaPg(replica().statsPool) });
  return globalForPrisma.stats;
}

/**
 * When the figures are read from a replica more than a minute behind (`thresholdMs`), the time of
 * its last replayed transaction, for pages to show beside the figures' date; null otherwise.
 */
export async function replicaLag(options?: { now?: Date; thresholdMs?: number }): Promise<Date | null> {
  return env.DATABASE_REPLICA_URL ? replica().lag(options) : null;
}

/** Closes the clients and their pools: for scripts and tests that end, never for the running app. */
export async function closeDb(): Promise<void> {
  const { prisma, stats, pools = [] } = globalForPrisma;
  globalForPrisma.prisma = undefined;
  globalForPrisma.stats = undefined;
  globalForPrisma.pools = [];
  globalForPrisma.primaryPool = undefined;
  globalForPrisma.replica = undefined;
  await Promise.all([prisma?.$disconnect(), stats?.$disconnect()]);
  await Promise.all(pools.map((p) => p.end()));
}
