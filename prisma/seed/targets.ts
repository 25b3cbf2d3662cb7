// The figures the demo data must reproduce. Each is a value inside the range that
// tests/fixtures/seed-figures-2022.json allows for how the briefing rounds it.

export const SEED = 20221231;

export const AKIM_2022 = {
  meetings: { h1: 8_500, h2: 19_800 }, // 28.3k in the year, H2/H1 = 2.33 ("2.3 times")
  issues: { h1: 29_580, h2: 33_420 }, // 63.0k; H2 "more than 33.4k"
  /** Raised in H1 and resolved in H1 / raised in H1, resolved in H2 / raised and resolved in H2. */
  resolved: { h1InH1: 14_470, h1InH2: 9_100, h2InH2: 24_000 }, // 47,570 = 75.5%; H2 resolutions 33,100
  budgetH2: { needKzt: 485_000_000_000n, allocatedKzt: 253_800_000_000n }, // 52.3%
  budgetH1: { needKzt: 312_400_000_000n, allocatedKzt: 171_900_000_000n },
} as const;

/** Region resolution rates for 2022 (%), by KATO: the briefing's top and bottom three. */
export const FIXED_REGION_RATES: Record<string, number> = {
  '150000000': 94.7, '390000000': 93.0, '750000000': 92.8,
  '190000000': 28.5, '270000000': 50.5, '230000000': 54.5,
};
/** The other regions' rates before scaling to the national total; all well inside (54.5, 92.8). */
export const OTHER_REGION_RATES = [88.6, 86.9, 85.1, 84.0, 82.7, 81.2, 80.3, 79.4, 78.1, 77.2, 75.9, 73.8, 71.5, 69.0];

/** Relative size of each region's akim activity (meetings and issues). */
export const REGION_WEIGHTS: Record<string, number> = {
  '100000000': 6, '110000000': 6, '150000000': 6, '190000000': 10, '230000000': 5, '270000000': 5,
  '310000000': 7, '330000000': 5, '350000000': 8, '390000000': 6, '430000000': 6, '470000000': 5,
  '550000000': 5, '590000000': 5, '610000000': 12, '620000000': 2, '630000000': 6, '710000000': 6,
  '750000000': 8, '790000000': 7,
};

export const ESCALATIONS_2022 = {
  h1: { EXECUTED: 5, NOT_SUPPORTED_LOCAL_COMPETENCE: 6, IN_EXECUTION: 3 },
  h2: {
    NO_DOCUMENTATION: 10, ALREADY_FUNDED_IN_REPUBLICAN_BUDGET: 5, CONSIDER_AT_BUDGET_REFINEMENT: 13,
    IN_EXECUTION: 14, NOT_SUPPORTED_LOCAL_COMPETENCE: 18, EXECUTED: 2,
  },
  h2Amounts: { ALREADY_FUNDED_IN_REPUBLICAN_BUDGET: 20_200_000_000n, CONSIDER_AT_BUDGET_REFINEMENT: 61_200_000_000n },
  /** Selected for a central decision, taken from these dispositions. */
  h2Selected: { CONSIDER_AT_BUDGET_REFINEMENT: 4, IN_EXECUTION: 2 },
} as const;

/** The five akimats that had not published their 2022-H2 action plan. */
export const UNPUBLISHED_PLANS_2022_H2 = ['630000000', '590000000', '550000000', '620000000', '710000000'];

export const CENTRAL_2022 = {
  scheduled: { h1: 55, h2: 172 },
  /** H2 entries held early in H1, and H2 entries never held. */
  h2HeldInH1: 9,
  h2NotHeld: 15,
  receptions: { count: 216, citizens: 1_498, voiced: 1_679, resolved: 1_241, inExecution: 438 },
} as const;

/** A third point for trends: the first half of 2023. */
export const AKIM_2023_H1 = {
  meetings: 4_200,
  issues: 8_400,
  resolvedInH1: 5_750,
  budget: { needKzt: 141_300_000_000n, allocatedKzt: 82_600_000_000n },
  escalations: 24,
  unpublishedPlans: ['270000000', '430000000'],
} as const;

export const CENTRAL_2023_H1 = { scheduled: 96, held: 84, receptions: 90 } as const;
