// The deadline rush (npm run bench:load) found saves refused with "try again later": under load a
// save's transaction (queued behind other writers on the same summary rows, its queries answered
// by a busy event loop) passed Prisma's default 5 s limit and was rolled back. The app's client
// gives its transactions more time; a save that takes longer than 5 s is written, whole and once.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEditorCallers } from '../factories/callers';
import { codeOf, createReference, type Reference } from '../factories/reference';
import { openActionDatabase, type ActionDatabase } from '../support/action-harness';

vi.mock('@/server/auth/caller', async (orig) => (await import('../support/action-harness')).mockGetCaller(orig));
vi.mock('next-intl/server', async () => (await import('../support/action-harness')).messagesAsKeys());

let db: ActionDatabase;
let ref: Reference;
let categoryCode: string;

beforeAll(async () => {
  db = await openActionDatabase();
  ref = await createReference(db.pool);
  categoryCode = await codeOf(db.pool, 'issue_category', ref.categoryId);
  db.getCaller.mockResolvedValue((await createEditorCallers(db.pool, ref)).callers.akimat);
});

afterAll(() => db?.close());

describe('a slow save under load', () => {
  it('is written when its transaction takes longer than 5 s', { timeout: 60_000 }, async () => {
    const { createMeeting } = await import('@/server/records/meetings/write');
    const { createMeetingSchema } = await import('@/server/records/meetings/schemas');
    const { db: client } = await import('@/server/db/client');
    const caller = await db.getCaller();
    const saved = await client().$transaction(async (tx) => {
      const before = await tx.meeting.count();
      // The time a save spends queued under load, between its queries.
      await new Promise((r) => setTimeout(r, 5_500));
      const m = await createMeeting(tx, caller!, createMeetingSchema.parse({
        kind: 'AKIM', officialId: ref.akimId, heldOn: '2024-02-10', venue: 'ONLINE', externalRef: 'RUSH-1',
        issues: [{ categoryCode, description: 'Дорога', responsibleLevel: 'REGION' }],
      }));
      return { before, id: m.id };
    });
    expect(saved.id).toBeGreaterThan(0);
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM meeting WHERE external_ref = 'RUSH-1'`);
    expect(rows[0].n).toBe(1);
  });
});
