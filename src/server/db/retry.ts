import 'server-only';

// Writers of the same summary rows (every akim meeting of a month updates the same national row)
// can deadlock when their transactions take those rows over several statements in different
// orders: the deadline rush (npm run bench:load) met it between an import's commit and a status
// change. PostgreSQL then rolls one back whole (40P01; 40001 for a serialization conflict, which
// Prisma reports as P2034 either way), and running it again is the documented remedy.

/** Whether a transaction failed only as a deadlock's victim or on a serialization conflict. */
export function isRetryableConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; message?: unknown };
  return e.code === 'P2034' || e.code === '40P01' || e.code === '40001' || /deadlock detected|could not serialize access/.test(String(e.message ?? ''));
}

/** Runs a whole transaction again when it was rolled back by a deadlock or a conflict, up to `attempts` times. */
export async function retryOnConflict<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error;
      // A short pause with jitter, so the two transactions do not meet again in step.
      await new Promise((r) => setTimeout(r, 25 * attempt + Math.random() * 75));
    }
  }
}
