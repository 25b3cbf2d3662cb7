import { readEnv } from '../../env';
import { startEmbeddedDatabase } from './embedded';

// For command-line scripts: use DATABASE_URL when set, otherwise the embedded database
// in DATA_DIR, started for the duration of `fn` and stopped after it.
export async function withDatabase<T>(fn: (url: string, embedded: boolean) => Promise<T>): Promise<T> {
  const env = readEnv();
  if (env.DATABASE_URL) return fn(env.DATABASE_URL, false);
  const db = await startEmbeddedDatabase({ dataDir: env.DATA_DIR });
  try {
    return await fn(db.url, true);
  } finally {
    await db.stop();
  }
}
