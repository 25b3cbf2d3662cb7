import { day, refuse, STALE, type Tx, type Who } from '@/server/records/write-kit';
import { assertOpen } from '@/server/records/closing';
import { regionPlansWriter } from '@/server/access/scopes/action-plan';
import type { SaveActionPlanInput } from '@/server/records/action-plans/schemas';

/** Creates or changes a region's plan for a half-year; a change needs the version read. */
export async function saveActionPlan(tx: Tx, caller: Who, input: SaveActionPlanInput) {
  const own = regionPlansWriter(caller);
  let regionId: number;
  if (own) regionId = own.regionId;
  else {
    const region = await tx.region.findUnique({ where: { kato: input.regionKato ?? '' }, select: { id: true } });
    if (!region) throw refuse({ regionKato: 'entry.validation.regionUnknown' });
    regionId = region.id;
  }
  await assertOpen(tx, { half: `${input.year}-${input.half === 1 ? '01' : '07'}-01` });
  const key = { regionId_year_half: { regionId, year: input.year, half: input.half } };
  const before = await tx.actionPlan.findUnique({ where: key });
  const data = {
    approvedOn: input.approvedOn ? day(input.approvedOn) : null, url: input.url ?? null, publishedOn: input.publishedOn ? day(input.publishedOn) : null,
  };
  if (!before) {
    if (input.version !== undefined && input.version !== 1) throw STALE('action plan');
    const after = await tx.actionPlan.create({ data: { regionId, year: input.year, half: input.half, ...data } });
    return { id: after.id, version: after.version, before: null, after };
  }
  if (input.version === undefined || input.version !== before.version) throw STALE(`action plan ${before.id}`);
  const { count } = await tx.actionPlan.updateMany({ where: { id: before.id, version: input.version }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) throw STALE(`action plan ${before.id}`);
  const after = await tx.actionPlan.findUnique({ where: { id: before.id } });
  return { id: before.id, version: after!.version, before, after };
}
