import 'server-only';
import { db } from '@/server/db/client';

/** A region's half-year action plans, newest first. */
export const listRegionPlans = (regionId: number) =>
  db().actionPlan.findMany({ where: { regionId }, orderBy: [{ year: 'desc' }, { half: 'desc' }] });
