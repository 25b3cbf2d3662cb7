import type { z } from 'zod';
import { refuse, STALE, type Tx, type Who } from '@/server/records/write-kit';
import { assertOpen } from '@/server/records/closing';
import { requireScheduleBody } from '@/server/access/scopes/schedule-entry';
import { AppError } from '@/server/errors';
import type { createScheduleEntrySchema, deleteScheduleEntrySchema, updateScheduleEntrySchema } from './schemas';

// A ministry's schedule entries: its own officials' planned trips. The half-year's schedule
// closes with the half-year.

const halfStart = (year: number, half: number) => `${year}-${half === 1 ? '01' : '07'}-01`;

async function place(tx: Tx, caller: Who, input: { officialId: number; regionKato: string }) {
  const official = await tx.official.findUnique({ where: { id: input.officialId }, select: { id: true, centralBodyId: true, active: true } });
  if (!official || !official.active || official.centralBodyId === null) throw refuse({ officialId: 'entry.validation.officialNotCentral' });
  requireScheduleBody(caller, official.centralBodyId, 'another body’s official');
  const region = await tx.region.findUnique({ where: { kato: input.regionKato }, select: { id: true } });
  if (!region) throw refuse({ regionKato: 'entry.validation.regionUnknown' });
  return { officialId: official.id, centralBodyId: official.centralBodyId, regionId: region.id };
}

async function entryForChange(tx: Tx, caller: Who, id: number, version: number) {
  const before = await tx.scheduleEntry.findUnique({ where: { id } });
  if (!before) throw new AppError('NOT_FOUND', `schedule entry ${id}`);
  requireScheduleBody(caller, before.centralBodyId, 'another body’s entry');
  if (before.version !== version) throw STALE(`schedule entry ${id}`);
  await assertOpen(tx, { half: halfStart(before.year, before.half) });
  return before;
}

export async function createScheduleEntry(tx: Tx, caller: Who, input: z.output<typeof createScheduleEntrySchema>) {
  const p = await place(tx, caller, input);
  await assertOpen(tx, { half: halfStart(input.year, input.half) });
  const after = await tx.scheduleEntry.create({ data: { year: input.year, half: input.half, plannedMonth: input.plannedMonth, ...p } });
  return { id: after.id, version: after.version, before: null, after };
}

export async function updateScheduleEntry(tx: Tx, caller: Who, input: z.output<typeof updateScheduleEntrySchema>) {
  const before = await entryForChange(tx, caller, input.id, input.version);
  const p = await place(tx, caller, input);
  await assertOpen(tx, { half: halfStart(input.year, input.half) });
  const { count } = await tx.scheduleEntry.updateMany({
    where: { id: input.id, version: input.version },
    data: { year: input.year, half: input.half, plannedMonth: input.plannedMonth, ...p, version: { increment: 1 } },
  });
  if (count !== 1) throw STALE(`schedule entry ${input.id}`);
  const after = await tx.scheduleEntry.findUnique({ where: { id: input.id } });
  return { id: input.id, version: after!.version, before, after };
}

/** Schedule entries have no deletion time: a removed entry is gone, and the audit row keeps it. */
export async function deleteScheduleEntry(tx: Tx, caller: Who, input: z.output<typeof deleteScheduleEntrySchema>) {
  const before = await entryForChange(tx, caller, input.id, input.version);
  const { count } = await tx.scheduleEntry.deleteMany({ where: { id: input.id, version: input.version } });
  if (count !== 1) throw STALE(`schedule entry ${input.id}`);
  return { id: input.id, before, after: null };
}
