// One sequential scale, light to dark, for resolution rates on the map and on the bars.
// A single hue (Kazakhstan's sky blue) stepping in lightness stays readable for colour-blind
// readers; each step names its text colour so labels on it keep AA contrast.

export const RATE_STEPS = [
  { from: 0, fill: '#e6f6f9', text: '#171717' },
  { from: 0.5, fill: '#b3e5ee', text: '#171717' },
  { from: 0.6, fill: '#6fcfdf', text: '#171717' },
  { from: 0.7, fill: '#1fb0c9', text: '#171717' },
  { from: 0.8, fill: '#00798c', text: '#ffffff' },
  { from: 0.9, fill: '#004b57', text: '#ffffff' },
] as const;

/** Regions without a rate: grey, and marked with a dash rather than a colour. */
export const NO_RATE = { fill: '#f5f5f5', text: '#404040' } as const;

/** The single colour of count and money bars. */
export const COUNT_FILL = '#006d7e';

export function rateStep(rate: number | null): { fill: string; text: string } {
  if (rate === null || !Number.isFinite(rate)) return NO_RATE;
  let step: { fill: string; text: string } = RATE_STEPS[0];
  for (const s of RATE_STEPS) if (rate >= s.from) step = s;
  return step;
}

/** The legend's ranges: [from, to) of each step, the last one up to 100 %. */
export const rateLegend = () => RATE_STEPS.map((s, i) => ({ ...s, to: RATE_STEPS[i + 1]?.from ?? 1 }));
