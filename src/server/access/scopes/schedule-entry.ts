import type { Prisma } from '@/generated/prisma/client';
import { addressedBodyFilter, requireAddressedBody, type ScopeCaller } from '../scope';

// A ministry's schedule entries: its own officials' planned trips; an admin's: every body's.

/** The entries the caller keeps, or null for none (an akimat keeps no schedule). */
export function scheduleEntryWhere(caller: ScopeCaller): Prisma.ScheduleEntryWhereInput | null {
  return addressedBodyFilter(caller);
}

/** Throws FORBIDDEN unless the caller keeps the schedule of this body (an entry's, or its official's). */
export function requireScheduleBody(caller: ScopeCaller, centralBodyId: number | null, what: string) {
  requireAddressedBody(caller, centralBodyId, what);
}
