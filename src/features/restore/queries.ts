import 'server-only';
import { db } from '@/server/db/client';

// Deleted records for the admin's restore page, most recently deleted first. An issue deleted
// together with its meeting comes back with the meeting, so it is not listed on its own.

const LIMIT = 100;

export async function listDeleted() {
  const [meetings, issues] = await Promise.all([
    db().meeting.findMany({
      where: { deletedAt: { not: null } },
      orderBy: [{ deletedAt: 'desc' }, { id: 'desc' }],
      take: LIMIT,
      select: { id: true, kind: true, heldOn: true, deletedAt: true, official: { select: { fullName: true } }, region: { select: { nameRu: true, nameKk: true, nameEn: true } }, _count: { select: { issues: true } } },
    }),
    db().raisedIssue.findMany({
      where: { deletedAt: { not: null }, meeting: { deletedAt: null } },
      orderBy: [{ deletedAt: 'desc' }, { id: 'desc' }],
      take: LIMIT,
      select: { id: true, description: true, raisedOn: true, deletedAt: true, meetingId: true, region: { select: { nameRu: true, nameKk: true, nameEn: true } } },
    }),
  ]);
  return { meetings, issues };
}
