import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { readReplicas } from '@prisma/extension-read-replicas';
import { PrismaClient } from '@/generated/prisma/client';
import { env } from '@/env';

// One client per process; the dev server's hot reload would otherwise open a pool per edit.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; stats?: PrismaClient };

function createClient(url: string | undefined): PrismaClient {
  if (!url) {
    throw new Error('DATABASE_URL is not set: start the app with `npm start`, or point it at PostgreSQL.');
  }
  const adapter = new PrismaPg({ connectionString: url, max: env.DB_POOL_SIZE });
  return new PrismaClient({ adapter });
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
