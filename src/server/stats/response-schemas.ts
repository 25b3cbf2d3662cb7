import { z } from 'zod';
import { DECREE_REQUIREMENTS } from '@/server/records/meetings/rules';
import { BudgetRequestRejection, Disposition } from '@/generated/prisma/enums';
import type { getActionPlanStats } from './queries/action-plans';
import type { getBudgetRequestFigures } from './queries/budget-requests';
import type { getCategoryBreakdownCompared, getLevelBreakdownCompared, getRegionRankingCompared } from './queries/breakdowns';
import type { getCentralMeetingStatsCompared } from './queries/central-meetings';
import type { getEscalationStats } from './queries/escalations';
import type { Summary } from './queries/summary';
import { LEVELS } from './filters';

// The bodies of the /api/v1/stats routes, exactly as the queries return them. The OpenAPI
// document is generated from these; the type checks at the end of the file fail to compile
// when a query's result and its schema drift apart, and the integration tests validate
// real answers against them. Objects are strict: a field the schema does not name is an error.

const count = z.int().min(0).meta({ description: 'A count.' });
const tenge = z.int().min(0).meta({ description: 'Money in whole tenge (KZT), an integer.' });
const fraction = z.number().min(0).max(1);
const rate = fraction.nullable().meta({
  description: 'A fraction from 0 to 1 (not a percentage); null when there is nothing to divide by.',
});
const day = z.iso.date().meta({ description: 'A calendar date, YYYY-MM-DD.' });
const kato = z.string().regex(/^\d{9}$/).meta({ description: 'A region’s 9-digit KATO code.' });
const halfYearCodeField = z.string().regex(/^\d{4}-H[12]$/).meta({ description: 'A half-year, such as 2022-H2.' });
const name = z.string().meta({ description: 'A name in the language asked for (lang, else Accept-Language, else Russian).' });

// ---------- summary ----------

// allocatedShare can exceed 1 in principle (more allocated than needed): not capped.
const money = (budget: 'Local' | 'Republican') => z.strictObject({
  needKzt: tenge.meta({ description: `${budget}-budget need of the period’s raised issues, entered by asOf, in whole tenge.` }),
  allocatedKzt: tenge.meta({ description: `${budget}-budget allocations to the period’s raised issues, entered by asOf, in whole tenge.` }),
  allocatedShare: z.number().min(0).nullable().meta({ description: 'allocatedKzt / needKzt as a fraction (1 = fully funded; above 1 when more was allocated than needed); null without need.' }),
});

const change = z.strictObject({
  ratio: z.number().min(0).nullable().meta({ description: 'This period’s figure over the compared one’s; null when either is null or the compared one is 0.' }),
  difference: z.number().meta({ description: 'This period’s figure minus the compared one’s (for resolutionRate, a difference of fractions).' }),
});

const periodRef = z.strictObject({ code: z.string(), from: day, to: day }).meta({ description: 'The period: a year, half-year, quarter or from..to range; inclusive dates.' });

/** Which period the rows' `previous` figures are for, and the date they are read as of. */
const comparedRead = z.strictObject({
  period: periodRef.meta({ description: 'The compared period: with compare=previous the one just before, of equal length; with compare=yearAgo the same period a year earlier.' }),
  asOf: day.meta({ description: 'The compared period is read as of its own end, or asOf when earlier.' }),
});

const resolvedDuring = count.meta({ description: 'Resolved during the period, including issues raised earlier: RESOLVED at min(asOf, period end), having last become so inside the period.' });
const raisedAndResolved = count.meta({ description: 'Of the issues raised in the period, those RESOLVED on asOf: the rate’s numerator.' });
const rowRate = rate.meta({ description: 'issuesRaisedAndResolved / issuesRaised, a fraction from 0 to 1; null when nothing was raised.' });

/** A breakdown row's figures for the compared period, and the change to them. */
const rowComparison = {
  previous: z.strictObject({ issuesRaised: count, issuesResolved: resolvedDuring, resolutionRate: rate })
    .meta({ description: 'The row’s figures for the compared period (see the top-level previous).' }),
  change: z.strictObject({ issuesRaised: change, issuesResolved: change, resolutionRate: change }),
};

export const figuresSchema = z.strictObject({
  period: periodRef,
  asOf: day.meta({ description: 'Statuses, money and dispositions are read as they stood on this date.' }),
  meetings: count.meta({ description: 'Meetings held in the period up to asOf: akims’, or the body’s when body is given.' }),
  meetingsByKind: z.strictObject({ AKIM: count, CENTRAL: count }),
  meetingsByLevel: z.strictObject({ REGION: count, DISTRICT: count, RURAL: count }),
  issuesRaised: count.meta({ description: 'Issues raised in the period up to asOf, not deleted, at meetings not deleted.' }),
  issuesResolved: count.meta({ description: 'Issues RESOLVED at min(asOf, period end) that last became RESOLVED inside the period, whenever raised.' }),
  issuesRaisedAndResolved: count.meta({ description: 'Of the issues raised, those RESOLVED on asOf: the rate’s numerator.' }),
  resolutionRate: rate.meta({ description: 'issuesRaisedAndResolved / issuesRaised, a fraction from 0 to 1; null when nothing was raised.' }),
  issuesInExecution: count,
  issuesNotSupported: count,
  issuesEscalated: count,
  budget: money('Local'),
  republicanBudget: money('Republican'),
});

const figuresOut = figuresSchema;

export const summaryResponse = figuresOut
  .extend({
    previous: figuresOut.meta({ description: 'The same figures for the compared period — with compare=previous (the default) the period of equal length just before, with compare=yearAgo the same period a year earlier — read as of its own end (or asOf, when earlier).' }),
    change: z.strictObject({ meetings: change, issuesRaised: change, issuesResolved: change, resolutionRate: change }),
  })
  .meta({ description: 'Headline figures of a period with those of the compared period and the change.' });

// ---------- breakdowns ----------

export const regionsResponse = z
  .strictObject({
    minIssuesToRank: count.meta({ description: 'A region is ranked only with at least this many issues raised.' }),
    regions: z.array(
      z.strictObject({
        kato, name, meetings: count, issuesRaised: count, issuesResolved: resolvedDuring, issuesRaisedAndResolved: raisedAndResolved, resolutionRate: rowRate,
        budget: money('Local'), republicanBudget: money('Republican'),
        rank: z.int().min(1).nullable().meta({ description: '1 = highest resolution rate; null when not ranked.' }),
        ...rowComparison,
      }),
    ).meta({ description: 'Ranked regions best first, then the unranked in KATO order.' }),
    top: z.array(kato).max(3).meta({ description: 'The three best-ranked regions, best first.' }),
    bottom: z.array(kato).max(3).meta({ description: 'The three worst-ranked regions, worst first; empty when fewer than six are ranked.' }),
    previous: comparedRead,
  });

export const categoriesResponse = z
  .strictObject({
    categories: z.array(z.strictObject({
      code: z.string(), name, issuesRaised: count, issuesResolved: resolvedDuring, issuesRaisedAndResolved: raisedAndResolved, resolutionRate: rowRate, ...rowComparison,
    })),
    previous: comparedRead,
  });

export const levelsResponse = z
  .strictObject({
    levels: z.array(z.strictObject({
      level: z.enum(LEVELS), issuesRaised: count, issuesResolved: resolvedDuring, issuesRaisedAndResolved: raisedAndResolved, resolutionRate: rowRate, ...rowComparison,
    })),
    previous: comparedRead,
  });

// ---------- the central-level list ----------

const dispositionTotals = z.strictObject({ count, amountKzt: tenge.meta({ description: 'Republican-budget amount in whole tenge.' }) });

export const escalationsResponse = z
  .strictObject({
    halves: z.array(halfYearCodeField).meta({ description: 'The half-years’ lists the period touches.' }),
    total: count.meta({ description: 'Escalations on the lists on asOf (each dated by when it was put on its list).' }),
    selected: count.meta({ description: 'Escalations selected for a central decision on asOf.' }),
    undecided: count.meta({ description: 'Escalations without a disposition on asOf.' }),
    byDisposition: z.strictObject(
      Object.fromEntries(Object.values(Disposition).map((d) => [d, dispositionTotals])) as Record<Disposition, typeof dispositionTotals>,
    ).meta({ description: 'Each disposition as it stood on asOf: how many, and their republican-budget amount.' }),
  });

// ---------- central officials ----------

const shares = z
  .strictObject(Object.fromEntries(DECREE_REQUIREMENTS.map((r) => [r, rate])) as Record<(typeof DECREE_REQUIREMENTS)[number], typeof rate>)
  .meta({ description: 'Per Decree requirement, the fraction (0..1) of held meetings meeting it; null when none were held.' });

export const centralMeetingsResponse = z
  .strictObject({
    scheduled: count.meta({ description: 'Schedule entries planned for months within the period.' }),
    held: count,
    personalReceptions: count,
    citizensReceived: count,
    issuesVoiced: count,
    issuesResolved: count,
    issuesInExecution: count,
    announcementMinDays: z.int().min(0),
    byHalf: z.array(z.strictObject({ half: halfYearCodeField, scheduled: count, held: count })),
    requirements: shares,
    byBody: z.array(z.strictObject({
      code: z.string(), name, scheduled: count, held: count, requirements: shares,
      previous: z.strictObject({ scheduled: count, held: count }).meta({ description: 'The body’s schedule and held meetings in the compared period.' }),
      change: z.strictObject({ scheduled: change, held: change }),
    })),
    previous: comparedRead.extend({
      scheduled: count, held: count, personalReceptions: count, citizensReceived: count, issuesVoiced: count, issuesResolved: count, issuesInExecution: count,
    }).meta({ description: 'The compared period (compare=previous: the one just before; yearAgo: a year earlier), its date, and its counts.' }),
    change: z.strictObject({
      scheduled: change, held: change, personalReceptions: change, citizensReceived: change, issuesVoiced: change, issuesResolved: change, issuesInExecution: change,
    }),
  });

// ---------- action plans ----------

export const actionPlansResponse = z
  .strictObject({
    halves: z.array(halfYearCodeField),
    published: z.array(z.strictObject({ kato, name, url: z.string().nullable() })).meta({ description: 'Regions whose plans for every half were published by asOf.' }),
    notPublished: z.array(z.strictObject({ kato, name })),
  });

// ---------- budget requests ----------

const requestTotals = z.strictObject({ count, amountKzt: tenge.meta({ description: 'The amount requested, whole tenge.' }) });
const requestDecided = z.strictObject({ count, amountKzt: tenge.meta({ description: 'The amount requested.' }), approvedKzt: tenge.meta({ description: 'The amount approved.' }) });
const requestFigures = {
  requested: requestTotals.meta({ description: 'Requests submitted within the period (by asOf), whatever their status now.' }),
  pending: requestTotals.meta({ description: 'Submitted and awaiting the body’s decision on asOf.' }),
  approved: requestDecided,
  partiallyApproved: requestDecided.meta({ description: 'Approved in part: the amount asked and the amount approved.' }),
  approvedTotalKzt: tenge.meta({ description: 'Approved in full and in part, summed.' }),
  withdrawn: requestTotals,
  medianDaysToDecision: z.number().min(0).nullable().meta({ description: 'Median days from submission to the first decision, among requests decided by asOf; null when none.' }),
};
const requestRow = z.strictObject({ code: z.string().meta({ description: 'The region’s KATO code, or the body’s code.' }), name, ...requestFigures, rejected: requestTotals });

export const budgetRequestsResponse = z
  .strictObject({
    period: z.string(),
    asOf: day,
    ...requestFigures,
    rejected: z.strictObject({
      count, amountKzt: tenge,
      byReason: z.strictObject(
        Object.fromEntries(Object.values(BudgetRequestRejection).map((r) => [r, requestTotals])) as Record<BudgetRequestRejection, typeof requestTotals>,
      ),
    }),
    list: z.strictObject({
      entries: count.meta({ description: 'Entries of the central-level list of the period’s half-years.' }),
      withRequest: count.meta({ description: 'Entries whose issue a request submitted and not withdrawn by asOf covers.' }),
      share: rate,
    }),
    byRegion: z.array(requestRow),
    byBody: z.array(requestRow),
  });

// ---------- errors ----------

export const errorResponse = z
  .strictObject({
    error: z.strictObject({
      code: z.string().meta({ description: 'VALIDATION, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, …' }),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional().meta({ description: 'For VALIDATION: each bad parameter and what is wrong with it.' }),
    }),
  });

/** Every stats route, its response schema, and what it answers. */
export const STATS_RESPONSES = {
  summary: summaryResponse,
  regions: regionsResponse,
  categories: categoriesResponse,
  levels: levelsResponse,
  escalations: escalationsResponse,
  'central-meetings': centralMeetingsResponse,
  'action-plans': actionPlansResponse,
  'budget-requests': budgetRequestsResponse,
} as const;

// ---------- the schemas and the queries agree (checked by the compiler) ----------

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Result<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

export type SchemaMatchesQueries = {
  summary: Same<z.infer<typeof summaryResponse>, Summary>;
  regions: Same<z.infer<typeof regionsResponse>, Result<typeof getRegionRankingCompared>>;
  categories: Same<z.infer<typeof categoriesResponse>, Result<typeof getCategoryBreakdownCompared>>;
  levels: Same<z.infer<typeof levelsResponse>, Result<typeof getLevelBreakdownCompared>>;
  escalations: Same<z.infer<typeof escalationsResponse>, Result<typeof getEscalationStats>>;
  centralMeetings: Same<z.infer<typeof centralMeetingsResponse>, Result<typeof getCentralMeetingStatsCompared>>;
  actionPlans: Same<z.infer<typeof actionPlansResponse>, Result<typeof getActionPlanStats>>;
  budgetRequests: Same<z.infer<typeof budgetRequestsResponse>, Result<typeof getBudgetRequestFigures>>;
};
const schemasMatchQueries: SchemaMatchesQueries = {
  summary: true, regions: true, categories: true, levels: true, escalations: true, centralMeetings: true, actionPlans: true, budgetRequests: true,
};
void schemasMatchQueries;
