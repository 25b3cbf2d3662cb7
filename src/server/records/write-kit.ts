import type { Prisma } from '@/generated/prisma/client';
import { meetingInScope as placementInScope } from '@/server/access/scopes/meeting';
import type { Caller } from '@/server/auth/caller';
import { AppError } from '@/server/errors';

// Pieces every writer of meetings and issues shares: calendar dates, the scope of a meeting
// as stored, and the refusals (403 outside scope, 404 missing, 409 stale version, 400/422 with
// the fields named).

export type Tx = Prisma.TransactionClient;
export type Who = Pick<Caller, 'userId' | 'role' | 'regionId' | 'unitId' | 'centralBodyId' | 'ip'>;

export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A rule refusal naming each field (message keys); the API answers 422 with them. */
export const refuse = (fields: Record<string, string>, what = 'refused') => new AppError('VALIDATION', what, fields);

export const STALE = (what: string) => new AppError('CONFLICT', `${what} was changed by someone else: reload it and apply your change again`);

/** Select of a meeting's placement, enough to judge scope. */
export const meetingPlace = {
  id: true, kind: true, regionId: true, unitId: true, centralBodyId: true, heldOn: true, version: true, deletedAt: true,
  unit: { select: { parentId: true } },
} as const satisfies Prisma.MeetingSelect;

type Place = { kind: 'AKIM' | 'CENTRAL'; regionId: number; unitId: number | null; centralBodyId: number | null; unit: { parentId: number | null } | null };

export const meetingInScope = (caller: Who, m: Place) =>
  placementInScope(caller, { kind: m.kind, regionId: m.regionId, unitId: m.unitId, unitParentId: m.unit?.parentId ?? null, centralBodyId: m.centralBodyId });

export function requireInScope(caller: Who, m: Place, what: string) {
  if (!meetingInScope(caller, m)) throw new AppError('FORBIDDEN', `${what} is outside your scope`);
}
