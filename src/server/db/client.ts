import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { readReplicas } from '@prisma/extension-read-replicas';
import pg from 'pg';
import { PrismaClient } from '@/generated/prisma/client';
import { env } from '@/env';

// One client per process; the dev server's hot reload would otherwise open a pool per edit.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; stats?: PrismaClient; pools?: pg.Pool[] };

function createClient(url: string | undefined): PrismaClient {
  if (!url) {
    throw new Error('DATABASE_URL is not set: start the app with `npm start`, or point it at PostgreSQL.');
  }
  const pool = new pg.Pool({ connectionString: url, max: env.DB_POOL_SIZE });
  // An idle connection dropped by the server (restart, failover) must not take the process down;
  // the pool replaces it on the next query.
  pool.on('error', (error) => console.error(`Idle database connection closed: ${error.message}`));
  (globalForPrisma.pools ??= []).push(pool);
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}

export function db(): PrismaClient {
  globalForPrisma.prisma ??= createClient(env.DATABASE_URL);
  return globalForPrisma.prisma;
}

/**
 * For statistics reads: the replica named by DATABASE_REPLICA_URL when there is one, the primary
 * otherwise. Writes, and reads that must see a write just made, use db().
 */
export function statsDb(): PrismaClient {
  if (!env.DATABASE_REPLICA_URL) return db();
  if (!globalForPrisma.stats) {
    const replicated = db().$extends(readReplicas({ replicas: [createClient(env.DATABASE_REPLICA_URL)] }));
    globalForPrisma.stats = replicated.$replica() as unknown as PrismaClient;
  }
  return globalForPrisma.stats;
}

/** The open pools, the primary's first: read by the metrics route. */
export const dbPools = (): readonly pg.Pool[] => globalForPrisma.pools ?? [];

/** Closes the clients and their pools: for scripts and tests that end, and the app's server on shutdown (below). */
export async function closeDb(): Promise<void> {
  const { prisma, stats, pools = [] } = globalForPrisma;
  globalForPrisma.prisma = undefined;
  globalForPrisma.stats = undefined;
  globalForPrisma.pools = [];
  await Promise.all([prisma?.$disconnect(), stats?.$disconnect()]);
  await Promise.all(pools.map((p) => p.end()));
}

// The app's own server (scripts/serve.ts) closes the pools Next's copy of this module opened.
(globalThis as Record<symbol, unknown>)[Symbol.for('kezdesu.closeDb')] = closeDb;
