// A transaction PostgreSQL rolled back as a deadlock's victim (or on a serialization conflict) is
// run again; any other failure is passed on at once, and a conflict that keeps coming gives up.
import { describe, expect, it, vi } from 'vitest';
import { isRetryableConflict, retryOnConflict } from '@/server/db/retry';

const deadlock = Object.assign(new Error('Transaction failed due to a write conflict or a deadlock. Please retry your transaction'), { code: 'P2034' });

describe('retryOnConflict', () => {
  it('runs a deadlock victim again and answers with the retry', async () => {
    const run = vi.fn().mockRejectedValueOnce(deadlock).mockResolvedValueOnce('written');
    await expect(retryOnConflict(run)).resolves.toBe('written');
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('passes any other error on without running again', async () => {
    const run = vi.fn().mockRejectedValue(Object.assign(new Error('Unique constraint failed'), { code: 'P2002' }));
    await expect(retryOnConflict(run)).rejects.toMatchObject({ code: 'P2002' });
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('gives up after its attempts', async () => {
    const run = vi.fn().mockRejectedValue(deadlock);
    await expect(retryOnConflict(run, 3)).rejects.toBe(deadlock);
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('knows a deadlock and a serialization failure by Prisma code, PostgreSQL code or message', () => {
    expect(isRetryableConflict(deadlock)).toBe(true);
    expect(isRetryableConflict({ code: '40P01' })).toBe(true);
    expect(isRetryableConflict(new Error('could not serialize access due to concurrent update'))).toBe(true);
    expect(isRetryableConflict(new Error('deadlock detected'))).toBe(true);
    expect(isRetryableConflict(new Error('connection refused'))).toBe(false);
    expect(isRetryableConflict(null)).toBe(false);
  });
});
