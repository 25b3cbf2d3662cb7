import type { Prisma } from '@/generated/prisma/client';
import type { ScopeCaller } from '../scope';
import { meetingWhere } from './meeting';

// Raised issues: those of the meetings in the caller's scope.

export function issueWhere(caller: ScopeCaller): Prisma.RaisedIssueWhereInput {
  return { deletedAt: null, meeting: meetingWhere(caller) };
}
