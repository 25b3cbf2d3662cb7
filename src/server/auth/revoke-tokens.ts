import 'server-only';
import type { Prisma } from '@/generated/prisma/client';

/**
 * Revokes every live API token of a user, inside the caller's transaction, and says how many.
 * A password or second-factor reset, a change of role or scope and deactivation all call it:
 * a token must not outlive the trust it was issued under.
 */
export async function revokeUserTokens(tx: Prisma.TransactionClient, userId: number): Promise<number> {
  const { count } = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count;
}
