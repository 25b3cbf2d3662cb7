import 'server-only';
import { escalationDecisionWhere } from '@/server/access/scopes/escalation';
import { can } from '@/server/access/policy';
import type { Caller } from '@/server/auth/caller';
import { db } from '@/server/db/client';

/** The issue's central-level list entries that the caller may decide; none when it may not decide. */
export async function escalationsToDecide(caller: Caller, issueId: number) {
  const decides = escalationDecisionWhere(caller);
  if (!decides || !can(caller.role, 'escalations.decide')) return [];
  return db().escalation.findMany({ where: { ...decides, issueId }, include: { centralBody: true }, orderBy: [{ year: 'asc' }, { half: 'asc' }] });
}
