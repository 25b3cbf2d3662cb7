import type { z } from 'zod';
import { day, refuse, STALE, type Tx, type Who } from '@/features/entry/write-kit';
import { assertOpen } from '@/features/periods/closing';
import { regionPlansWriter } from '@/server/access/scope';
import { AppError } from '@/server/errors';
import type { createBudgetRequestSchema, updateBudgetRequestSchema } from './schemas';

// Budget requests of a region; the issues they cover must be that region's akims' issues.

async function regionOf(tx: Tx, caller: Who, regionKato?: string): Promise<number> {
  const own = regionPlansWriter(caller);
  if (own) return own.regionId;
  const region = await tx.region.findUnique({ where: { kato: regionKato ?? '' }, select: { id: true } });
  if (!region) throw refuse({ regionKato: 'entry.validation.regionUnknown' });
  return region.id;
}

async function check(tx: Tx, regionId: number, input: { centralBodyCode: string; issueIds: number[]; submittedOn?: string; decidedOn?: string }) {
  const body = await tx.centralBody.findUnique({ where: { code: input.centralBodyCode }, select: { id: true } });
  if (!body) throw refuse({ centralBodyCode: 'entry.validation.bodyUnknown' });
  const ids = [...new Set(input.issueIds)];
  const found = await tx.raisedIssue.count({ where: { id: { in: ids }, regionId, meetingKind: 'AKIM', deletedAt: null } });
  if (found !== ids.length) throw refuse({ issueIds: 'entry.validation.issueUnknown' });
  await assertOpen(tx, { submittedOn: input.submittedOn, decidedOn: input.decidedOn });
  return { centralBodyId: body.id, ids };
}

export async function createBudgetRequest(tx: Tx, caller: Who, input: z.output<typeof createBudgetRequestSchema>) {
  const regionId = await regionOf(tx, caller, input.regionKato);
  const { centralBodyId, ids } = await check(tx, regionId, input);
  const after = await tx.budgetRequest.create({
    data: {
      regionId, centralBodyId, amountKzt: BigInt(input.amountKzt), status: input.status, note: input.note ?? null,
      submittedOn: input.submittedOn ? day(input.submittedOn) : null, decidedOn: input.decidedOn ? day(input.decidedOn) : null,
      issues: { create: ids.map((issueId) => ({ issueId })) },
    },
    include: { issues: true },
  });
  return { id: after.id, version: after.version, before: null, after };
}

export async function updateBudgetRequest(tx: Tx, caller: Who, input: z.output<typeof updateBudgetRequestSchema>) {
  const before = await tx.budgetRequest.findUnique({ where: { id: input.id }, include: { issues: true } });
  if (!before) throw new AppError('NOT_FOUND', `budget request ${input.id}`);
  const own = regionPlansWriter(caller);
  if (own && own.regionId !== before.regionId) throw new AppError('FORBIDDEN', 'another region’s request');
  if (before.version !== input.version) throw STALE(`budget request ${input.id}`);
  const { centralBodyId, ids } = await check(tx, before.regionId, input);
  await assertOpen(tx, { submittedOn: before.submittedOn, decidedOn: before.decidedOn });
  const { count } = await tx.budgetRequest.updateMany({
    where: { id: input.id, version: input.version },
    data: {
      centralBodyId, amountKzt: BigInt(input.amountKzt), status: input.status, note: input.note ?? null,
      submittedOn: input.submittedOn ? day(input.submittedOn) : null, decidedOn: input.decidedOn ? day(input.decidedOn) : null, version: { increment: 1 },
    },
  });
  if (count !== 1) throw STALE(`budget request ${input.id}`);
  await tx.budgetRequestIssue.deleteMany({ where: { requestId: input.id } });
  if (ids.length) await tx.budgetRequestIssue.createMany({ data: ids.map((issueId) => ({ requestId: input.id, issueId })) });
  const after = await tx.budgetRequest.findUnique({ where: { id: input.id }, include: { issues: true } });
  return { id: input.id, version: after!.version, before, after };
}
