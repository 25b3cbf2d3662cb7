// Integer splits that hit an exact total: the demo data must reproduce the
// briefing's figures to the unit, whatever the random weights were.

/** Splits `total` into integers proportional to `weights` (largest remainder). */
export function splitByWeights(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (!Number.isInteger(total) || total < 0) throw new Error(`total must be a non-negative integer, got ${total}`);
  if (weights.length === 0 || sum <= 0) {
    if (total === 0) return weights.map(() => 0);
    throw new Error('cannot split a positive total over zero weight');
  }
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let rest = total - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (rest === 0) break;
    parts[i] = (parts[i] as number) + 1;
    rest -= 1;
  }
  return parts;
}

/**
 * Splits `total` into integers with lower[i] <= part[i] <= upper[i]: every part
 * starts at its lower bound and the rest is shared in proportion to the slack.
 */
export function splitWithinBounds(total: number, lower: readonly number[], upper: readonly number[]): number[] {
  const low = lower.reduce((s, x) => s + x, 0);
  const high = upper.reduce((s, x) => s + x, 0);
  if (total < low || total > high) throw new Error(`cannot split ${total} within bounds [${low}, ${high}]`);
  const parts = [...lower];
  let rest = total - low;
  // Repeat because rounding can push a part past its bound; each pass fills at least one part.
  while (rest > 0) {
    const slack = parts.map((p, i) => (upper[i] as number) - p);
    const share = splitByWeights(rest, slack);
    let used = 0;
    share.forEach((s, i) => {
      const add = Math.min(s, slack[i] as number);
      parts[i] = (parts[i] as number) + add;
      used += add;
    });
    rest -= used;
  }
  return parts;
}

/** Splits `total` into `count` parts, each at least `min`, with random-looking weights. */
export function splitWithMinimum(total: number, count: number, min: number, weights: readonly number[]): number[] {
  if (weights.length !== count) throw new Error(`expected ${count} weights, got ${weights.length}`);
  if (total < count * min) throw new Error(`cannot give ${count} parts at least ${min} each from ${total}`);
  return splitByWeights(total - count * min, weights).map((p) => p + min);
}
