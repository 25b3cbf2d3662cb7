// A headline figure: the number, what it counts, its change (a difference, and a factor where
// large) and the period it covers.
export type KpiCardProps = {
  label: string;
  value: string;
  exact?: string;
  hint?: string;
  change: string;
  /** The change as a factor, where one value is at least 1.5 times the other: «в 2,3 раза больше». */
  times?: string;
  period: string;
  /** The same figure for a wider scope, e.g. "По стране: 75,5 %". */
  comparison?: string;
};

export function KpiCard({ label, value, exact, hint, change, times, period, comparison }: KpiCardProps) {
  return (
    <section className="rounded-lg border border-neutral-200 bg-white p-4 shadow-sm" aria-label={label}>
      <h2 className="text-sm font-medium text-neutral-700">{label}</h2>
      <p className="tabular mt-1 text-3xl font-semibold text-neutral-900" data-testid="kpi-value" title={exact}>
        {value}
      </p>
      {exact ? <p className="tabular sr-only">{exact}</p> : null}
      <p className="tabular mt-1 text-sm text-neutral-700" data-testid="kpi-change">{change}</p>
      {times ? <p className="tabular text-sm font-medium text-neutral-800" data-testid="kpi-times">{times}</p> : null}
      {comparison ? <p className="tabular mt-1 text-sm font-medium text-neutral-800" data-testid="kpi-comparison">{comparison}</p> : null}
      {hint ? <p className="mt-2 text-xs text-neutral-600">{hint}</p> : null}
      <p className="mt-2 text-xs text-neutral-500">{period}</p>
    </section>
  );
}
