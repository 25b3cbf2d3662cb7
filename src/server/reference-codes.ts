import 'server-only';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors';

// Codes in API parameters turned into ids. A well-formed code that names nothing is the
// caller's mistake (400 naming the parameter), never an empty result that hides a typo.

const unknown = (param: string, what: string) => new AppError('VALIDATION', `unknown ${what}`, { [param]: `unknown ${what}` });

export async function regionIdOf(kato: string, param = 'region'): Promise<number> {
  const row = await db().region.findUnique({ where: { kato }, select: { id: true } });
  if (!row) throw unknown(param, 'region code');
  return row.id;
}

export async function centralBodyIdOf(code: string, param = 'body'): Promise<number> {
  const row = await db().centralBody.findUnique({ where: { code }, select: { id: true } });
  if (!row) throw unknown(param, 'central body code');
  return row.id;
}

export async function categoryIdOf(code: string, param = 'category'): Promise<number> {
  const row = await db().issueCategory.findUnique({ where: { code }, select: { id: true } });
  if (!row) throw unknown(param, 'issue category code');
  return row.id;
}
