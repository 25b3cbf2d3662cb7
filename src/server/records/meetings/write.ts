import { Prisma } from '@/generated/prisma/client';
import type { AkimLevel, Position } from '@/generated/prisma/enums';
import { day, meetingInScope, meetingPlace, refuse, requireInScope, STALE, type Tx, type Who } from '@/server/records/write-kit';
import { isoDayOf } from '@/lib/calendar';
import { createIssuesAt } from '@/server/records/issues/write';
import { assertOpen } from '@/server/records/closing';
import { can } from '@/server/access/policy';
import { AppError } from '@/server/errors';
import type { CreateMeetingInput, ReceptionInput, UpdateMeetingInput } from './schemas';

// Writing meetings: used alike by the forms' server actions, the write API and the importer.
// Each function runs inside the caller's transaction and returns the record before and after
// for the audit row. Scope: an akimat editor writes its akims' meetings, a ministry editor its
// body's officials' meetings; the region, unit, level and body follow from the official.

const AKIM_LEVEL: Partial<Record<Position, AkimLevel>> = { AKIM_REGION: 'REGION', AKIM_DISTRICT: 'DISTRICT', AKIM_RURAL: 'RURAL' };

type Placement = { kind: 'AKIM' | 'CENTRAL'; officialId: number; regionId: number; unitId: number | null; akimLevel: AkimLevel | null; centralBodyId: number | null };

/** Where a meeting held by `officialId` belongs; refuses an official of the wrong kind or outside the caller's scope. */
async function placeMeeting(tx: Tx, caller: Who, kind: 'AKIM' | 'CENTRAL', officialId: number, regionKato?: string): Promise<Placement> {
  const official = await tx.official.findUnique({ where: { id: officialId }, include: { unit: { select: { parentId: true } } } });
  if (!official || !official.active) throw refuse({ officialId: 'entry.validation.officialUnknown' });
  if (kind === 'AKIM') {
    const level = AKIM_LEVEL[official.position];
    if (!level || official.regionId === null) throw refuse({ officialId: 'entry.validation.officialNotAkim' });
    const place = { kind, officialId, regionId: official.regionId, unitId: official.unitId, akimLevel: level, centralBodyId: null };
    if (!meetingInScope(caller, { ...place, unit: official.unit })) throw new AppError('FORBIDDEN', 'the official is outside your scope');
    return place;
  }
  if (AKIM_LEVEL[official.position] || official.centralBodyId === null) throw refuse({ officialId: 'entry.validation.officialNotCentral' });
  const region = await tx.region.findUnique({ where: { kato: regionKato ?? '' }, select: { id: true } });
  if (!region) throw refuse({ regionKato: 'entry.validation.regionUnknown' });
  const place = { kind, officialId, regionId: region.id, unitId: null, akimLevel: null, centralBodyId: official.centralBodyId };
  if (!meetingInScope(caller, { ...place, unit: null })) throw new AppError('FORBIDDEN', 'the official is outside your scope');
  return place;
}

const receptionRows = (meetingId: number, receptions: ReceptionInput[]) =>
  receptions.map((r) => ({ meetingId, heldOn: day(r.heldOn), citizensReceived: r.citizensReceived, issuesVoiced: r.issuesVoiced, issuesResolved: r.issuesResolved, issuesInExecution: r.issuesInExecution }));

const externalRefTaken = (e: unknown) =>
  e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';

async function checkExternalRef(tx: Tx, regionId: number, externalRef: string | undefined | null, exceptId?: number) {
  if (!externalRef) return;
  const clash = await tx.meeting.findFirst({ where: { regionId, externalRef, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw refuse({ externalRef: 'entry.validation.externalRefTaken' });
}

/** The meeting as the audit trail and the conflict view show it. */
export async function meetingSnapshot(tx: Tx, id: number) {
  return tx.meeting.findUnique({
    where: { id },
    include: { receptions: { orderBy: { id: 'asc' } }, issues: { orderBy: { id: 'asc' }, select: { id: true, categoryId: true, description: true, responsibleLevel: true, status: true, version: true } } },
  });
}

export async function createMeeting(tx: Tx, caller: Who, input: CreateMeetingInput) {
  const place = await placeMeeting(tx, caller, input.kind, input.officialId, input.kind === 'CENTRAL' ? input.regionKato : undefined);
  const receptions = input.kind === 'CENTRAL' ? input.receptions : [];
  await assertOpen(tx, { heldOn: input.heldOn, ...Object.fromEntries(receptions.map((r, i) => [`receptions.${i}.heldOn`, r.heldOn])) });
  await checkExternalRef(tx, place.regionId, input.externalRef);
  let scheduleEntryId: number | null = null;
  if (input.kind === 'CENTRAL' && input.scheduleEntryId) {
    const entry = await tx.scheduleEntry.findUnique({ where: { id: input.scheduleEntryId } });
    if (!entry || entry.meetingId !== null || entry.officialId !== place.officialId || entry.regionId !== place.regionId) {
      throw refuse({ scheduleEntryId: 'entry.validation.scheduleEntryUnknown' });
    }
    scheduleEntryId = entry.id;
  }
  const central = input.kind === 'CENTRAL' ? input : null;
  let meeting;
  try {
    meeting = await tx.meeting.create({
      data: {
        kind: place.kind, officialId: place.officialId, regionId: place.regionId, unitId: place.unitId, akimLevel: place.akimLevel, centralBodyId: place.centralBodyId,
        heldOn: day(input.heldOn), venue: input.venue, venueNote: input.venueNote ?? null,
        openMicrophone: input.openMicrophone,
        briefingHeld: central?.briefingHeld ?? false, ngoMeetingHeld: central?.ngoMeetingHeld ?? false, problemSiteVisited: central?.problemSiteVisited ?? false,
        questionsCollected: central?.questionsCollected ?? false, actionPlanPrepared: central?.actionPlanPrepared ?? false,
        announcedOn: input.announcedOn ? day(input.announcedOn) : null, announcementChannels: input.announcementChannels,
        attendance: input.attendance ?? null, outcomes: input.outcomes ?? null, externalRef: input.externalRef ?? null,
      },
    });
  } catch (e) {
    if (externalRefTaken(e)) throw refuse({ externalRef: 'entry.validation.externalRefTaken' });
    throw e;
  }
  if (receptions.length) await tx.personalReception.createMany({ data: receptionRows(meeting.id, receptions) });
  if (scheduleEntryId) await tx.scheduleEntry.update({ where: { id: scheduleEntryId }, data: { meetingId: meeting.id } });
  const issueIds = await createIssuesAt(tx, caller, { id: meeting.id, kind: meeting.kind, regionId: meeting.regionId, heldOn: input.heldOn }, input.issues, 'issues');
  return { id: meeting.id, version: meeting.version, issueIds, after: await meetingSnapshot(tx, meeting.id) };
}

/** Loads a live meeting for a change: 404 when missing or deleted, 403 outside scope, 409 at another version. */
async function meetingForChange(tx: Tx, caller: Who, id: number, version: number) {
  const before = await tx.meeting.findUnique({ where: { id }, select: meetingPlace });
  if (!before || before.deletedAt) throw new AppError('NOT_FOUND', `meeting ${id}`);
  requireInScope(caller, before, 'the meeting');
  if (before.version !== version) throw STALE(`meeting ${id}`);
  return before;
}

/** Bumps the version if it is still `version`; a concurrent save that got there first makes this a 409. */
async function claimVersion(tx: Tx, id: number, version: number, data: Prisma.MeetingUpdateManyMutationInput = {}) {
  const { count } = await tx.meeting.updateMany({ where: { id, version, deletedAt: null }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) throw STALE(`meeting ${id}`);
}

export async function updateMeeting(tx: Tx, caller: Who, id: number, input: UpdateMeetingInput) {
  const current = await meetingForChange(tx, caller, id, input.version);
  const before = await meetingSnapshot(tx, id);
  const heldOn = input.heldOn ?? isoDayOf(current.heldOn);
  await assertOpen(tx, { heldOn: [isoDayOf(current.heldOn), heldOn], ...(input.receptions ? { receptions: (before?.receptions ?? []).map((r) => r.heldOn).concat(input.receptions.map((r) => day(r.heldOn))) } : {}) });

  let place: Placement | null = null;
  if (input.officialId !== undefined && input.officialId !== before!.officialId) {
    place = await placeMeeting(tx, caller, current.kind, input.officialId, current.kind === 'CENTRAL' ? (await tx.region.findUnique({ where: { id: current.regionId }, select: { kato: true } }))?.kato : undefined);
  }
  const regionId = place?.regionId ?? current.regionId;
  if (input.externalRef !== undefined) await checkExternalRef(tx, regionId, input.externalRef, id);
  if (input.announcedOn && !input.heldOn && input.announcedOn > heldOn) throw refuse({ announcedOn: 'entry.validation.announcedAfterHeld' });
  if (input.receptions?.some((r) => r.heldOn < heldOn)) throw refuse({ receptions: 'entry.validation.receptionBeforeMeeting' });

  // A later date must not leave any issue's recorded steps before the day it was raised.
  if (input.heldOn && input.heldOn > isoDayOf(current.heldOn)) {
    const early = await tx.issueStatusChange.count({ where: { issue: { meetingId: id }, fromStatus: { not: null }, effectiveOn: { lt: day(input.heldOn) } } });
    const earlyMoney = await tx.budgetAllocation.count({ where: { issue: { meetingId: id }, effectiveOn: { lt: day(input.heldOn) } } });
    if (early + earlyMoney > 0) throw refuse({ heldOn: 'entry.validation.heldAfterSteps' });
  }

  const isCentral = current.kind === 'CENTRAL';
  const data: Prisma.MeetingUpdateManyMutationInput & { officialId?: number; regionId?: number; unitId?: number | null; akimLevel?: AkimLevel | null; centralBodyId?: number | null } = {
    ...(input.heldOn !== undefined ? { heldOn: day(input.heldOn) } : {}),
    ...(input.venue !== undefined ? { venue: input.venue } : {}),
    ...(input.venueNote !== undefined || 'venueNote' in input ? { venueNote: input.venueNote ?? null } : {}),
    ...('announcedOn' in input ? { announcedOn: input.announcedOn ? day(input.announcedOn) : null } : {}),
    ...(input.announcementChannels !== undefined ? { announcementChannels: input.announcementChannels } : {}),
    ...('attendance' in input ? { attendance: input.attendance ?? null } : {}),
    ...('outcomes' in input ? { outcomes: input.outcomes ?? null } : {}),
    ...('externalRef' in input ? { externalRef: input.externalRef ?? null } : {}),
    ...(input.openMicrophone !== undefined ? { openMicrophone: input.openMicrophone } : {}),
    ...(isCentral && input.briefingHeld !== undefined ? { briefingHeld: input.briefingHeld } : {}),
    ...(isCentral && input.ngoMeetingHeld !== undefined ? { ngoMeetingHeld: input.ngoMeetingHeld } : {}),
    ...(isCentral && input.problemSiteVisited !== undefined ? { problemSiteVisited: input.problemSiteVisited } : {}),
    ...(isCentral && input.questionsCollected !== undefined ? { questionsCollected: input.questionsCollected } : {}),
    ...(isCentral && input.actionPlanPrepared !== undefined ? { actionPlanPrepared: input.actionPlanPrepared } : {}),
    ...(place ? { officialId: place.officialId, regionId: place.regionId, unitId: place.unitId, akimLevel: place.akimLevel, centralBodyId: place.centralBodyId } : {}),
  };
  try {
    await claimVersion(tx, id, input.version, data as Prisma.MeetingUpdateManyMutationInput);
  } catch (e) {
    if (externalRefTaken(e)) throw refuse({ externalRef: 'entry.validation.externalRefTaken' });
    throw e;
  }
  // The issues' copies of the meeting's date and region follow it, and so does the RAISED step.
  if (input.heldOn || place) {
    await tx.raisedIssue.updateMany({ where: { meetingId: id }, data: { raisedOn: day(heldOn), regionId } });
    if (input.heldOn) await tx.issueStatusChange.updateMany({ where: { issue: { meetingId: id }, fromStatus: null }, data: { effectiveOn: day(heldOn) } });
  }
  if (isCentral && input.receptions) {
    await tx.personalReception.deleteMany({ where: { meetingId: id } });
    if (input.receptions.length) await tx.personalReception.createMany({ data: receptionRows(id, input.receptions) });
  }
  const after = await meetingSnapshot(tx, id);
  return { id, version: after!.version, before, after };
}

/** Soft deletion: the meeting and its live issues get one deletion time, so a restore brings back exactly those. */
export async function deleteMeeting(tx: Tx, caller: Who, id: number, version: number) {
  const current = await meetingForChange(tx, caller, id, version);
  await assertOpen(tx, { heldOn: current.heldOn });
  const before = await meetingSnapshot(tx, id);
  const at = new Date();
  await claimVersion(tx, id, version, { deletedAt: at });
  await tx.raisedIssue.updateMany({ where: { meetingId: id, deletedAt: null }, data: { deletedAt: at } });
  await tx.scheduleEntry.updateMany({ where: { meetingId: id }, data: { meetingId: null } });
  return { id, before, after: await meetingSnapshot(tx, id) };
}

/** Brings back a deleted meeting and the issues deleted with it (admins). */
export async function restoreMeeting(tx: Tx, caller: Who, id: number) {
  if (!can(caller.role, 'records.restore')) throw new AppError('FORBIDDEN', 'only an admin restores records');
  const current = await tx.meeting.findUnique({ where: { id }, select: meetingPlace });
  if (!current || !current.deletedAt) throw new AppError('NOT_FOUND', `deleted meeting ${id}`);
  await assertOpen(tx, { heldOn: current.heldOn });
  await checkExternalRef(tx, current.regionId, (await tx.meeting.findUnique({ where: { id }, select: { externalRef: true } }))?.externalRef, id);
  const before = await meetingSnapshot(tx, id);
  await tx.raisedIssue.updateMany({ where: { meetingId: id, deletedAt: current.deletedAt }, data: { deletedAt: null } });
  await tx.meeting.update({ where: { id }, data: { deletedAt: null, version: { increment: 1 } } });
  return { id, before, after: await meetingSnapshot(tx, id) };
}
