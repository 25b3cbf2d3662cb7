import type { Prisma } from '@/generated/prisma/client';
import { can } from '@/server/access/policy';
import { writeAudit } from '@/server/audit';
import type { Caller } from '@/server/auth/caller';
import { AppError } from '@/server/errors';
import { type HalfYear, halfYearCode, halfYearOf, todayInKazakhstan } from '@/lib/calendar';

// Closed half-years: once the official briefing for a half-year is issued, records dated in
// it may not change until an admin reopens it. Every write path calls `assertOpen` inside
// its transaction; closing takes an exclusive lock on the half-year, writes take a shared
// one, so a write and a close of the same half-year never interleave.

type Tx = Prisma.TransactionClient;
type Who = Pick<Caller, 'userId' | 'role' | 'ip'>;

// Advisory lock keys: one namespace for this table, one key per half-year.
const LOCK_SPACE = 0x6b7a01;
const lockKey = (p: HalfYear) => p.year * 10 + p.half;

async function lockHalves(tx: Tx, halves: HalfYear[], mode: 'shared' | 'exclusive') {
  const fn = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  // In key order, so two writers never wait on each other in opposite orders.
  for (const key of [...new Set(halves.map(lockKey))].sort((a, b) => a - b)) {
    await tx.$executeRawUnsafe(`SELECT ${fn}($1::int, $2::int)`, LOCK_SPACE, key);
  }
}

async function closedAmong(tx: Tx, halves: HalfYear[]): Promise<Set<string>> {
  if (halves.length === 0) return new Set();
  const rows = await tx.closedPeriod.findMany({
    where: { reopenedAt: null, OR: halves.map((p) => ({ year: p.year, half: p.half })) },
    select: { year: true, half: true },
  });
  return new Set(rows.map((r) => halfYearCode({ year: r.year, half: r.half as 1 | 2 })));
}

/**
 * Refuses a change touching a closed half-year. `dates` maps each form field to the date it
 * puts the record in (and, for an update, the date the record had before, under the same
 * field): any of them in a closed half-year fails with that field named.
 */
export async function assertOpen(tx: Tx, dates: Record<string, ReadonlyArray<string | Date | null | undefined> | string | Date | null | undefined>): Promise<void> {
  const byField = Object.entries(dates).map(([field, v]) => {
    const list = (Array.isArray(v) ? v : [v]) as Array<string | Date | null | undefined>;
    return [field, list.filter((d): d is string | Date => Boolean(d)).map(halfYearOf)] as const;
  });
  const halves = byField.flatMap(([, hs]) => hs);
  if (halves.length === 0) return;
  await lockHalves(tx, halves, 'shared');
  const closed = await closedAmong(tx, halves);
  if (closed.size === 0) return;
  const fields: Record<string, string> = {};
  for (const [field, hs] of byField) if (hs.some((h) => closed.has(halfYearCode(h)))) fields[field] = 'entry.validation.periodClosed';
  throw new AppError('VALIDATION', `half-year closed: ${[...closed].join(', ')}`, fields);
}

const snapshot = (row: { year: number; half: number; closedAt: Date; closedById: number | null; reopenedAt: Date | null; reopenedById: number | null; reason: string | null } | null) => row;

/** Whether a half-year is over by today's date in Kazakhstan: only such a half-year can be closed. */
export function halfYearEnded(p: HalfYear, today = todayInKazakhstan()): boolean {
  return today >= (p.half === 1 ? `${p.year}-07-01` : `${p.year + 1}-01-01`);
}

/**
 * Closes a half-year that has ended: `briefing` when a manager (or admin) issues its official
 * briefing, `hand` when an admin closes it from /admin/periods. Closing a closed half-year
 * changes nothing. Audited in `tx`.
 */
export async function closeHalfYear(tx: Tx, period: HalfYear, caller: Who, how: 'briefing' | 'hand') {
  const permission = how === 'briefing' ? 'briefing.issue' : 'period.close';
  if (!can(caller.role, permission)) throw new AppError('FORBIDDEN', `${caller.role} may not close a half-year (${how})`);
  if (!halfYearEnded(period)) {
    throw new AppError('VALIDATION', `${halfYearCode(period)} has not ended`, { half: 'entry.validation.periodNotEnded' });
  }
  await lockHalves(tx, [period], 'exclusive');
  const before = await tx.closedPeriod.findUnique({ where: { year_half: period } });
  if (before && before.reopenedAt === null) return { closed: true as const, changed: false, row: before };
  const after = await tx.closedPeriod.upsert({
    where: { year_half: period },
    create: { ...period, closedById: caller.userId },
    update: { closedAt: new Date(), closedById: caller.userId, reopenedAt: null, reopenedById: null, reason: null },
  });
  await writeAudit({ userId: caller.userId, action: 'period.close', entity: 'closed_period', entityId: halfYearCode(period), before: snapshot(before), after, ip: caller.ip }, tx);
  return { closed: true as const, changed: true, row: after };
}

/** Reopens a closed half-year (admins only), with a reason. Audited in `tx`. */
export async function reopenHalfYear(tx: Tx, period: HalfYear & { reason: string }, caller: Who) {
  if (!can(caller.role, 'period.reopen')) throw new AppError('FORBIDDEN', `${caller.role} may not reopen a half-year`);
  const key = { year: period.year, half: period.half };
  await lockHalves(tx, [key], 'exclusive');
  const before = await tx.closedPeriod.findUnique({ where: { year_half: key } });
  if (!before || before.reopenedAt !== null) throw new AppError('VALIDATION', 'half-year not closed', { half: 'entry.validation.periodNotClosed' });
  const after = await tx.closedPeriod.update({
    where: { year_half: key },
    data: { reopenedAt: new Date(), reopenedById: caller.userId, reason: period.reason },
  });
  await writeAudit({ userId: caller.userId, action: 'period.reopen', entity: 'closed_period', entityId: halfYearCode(key), before, after, ip: caller.ip }, tx);
  return after;
}

/** Every half-year ever closed, newest first, with who closed and reopened it. */
export async function listClosedPeriods(tx: Pick<Tx, 'closedPeriod' | 'user'>) {
  const rows = await tx.closedPeriod.findMany({ orderBy: [{ year: 'desc' }, { half: 'desc' }] });
  const ids = [...new Set(rows.flatMap((r) => [r.closedById, r.reopenedById]).filter((id): id is number => id !== null))];
  const users = new Map((await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, fullName: true } })).map((u) => [u.id, u.fullName]));
  return rows.map((r) => ({
    ...r,
    code: halfYearCode({ year: r.year, half: r.half as 1 | 2 }),
    closedBy: r.closedById === null ? null : users.get(r.closedById) ?? null,
    reopenedBy: r.reopenedById === null ? null : users.get(r.reopenedById) ?? null,
  }));
}
