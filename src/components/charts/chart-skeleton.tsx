// What a chart shows while its data or its code loads: a block of the chart's own height, so
// nothing jumps when it arrives.
export function ChartSkeleton({ height = 280 }: { height?: number }) {
  return <div aria-hidden="true" className="w-full animate-pulse rounded bg-neutral-100" style={{ height }} />;
}

/** A whole chart card in waiting, for Suspense fallbacks. */
export function ChartCardSkeleton({ height = 280, label }: { height?: number; label: string }) {
  return (
    <section className="rounded-lg border border-neutral-200 bg-white p-4" aria-busy="true" aria-label={label}>
      <div aria-hidden="true" className="mb-2 h-5 w-2/3 animate-pulse rounded bg-neutral-200" />
      <div aria-hidden="true" className="mb-4 h-4 w-1/3 animate-pulse rounded bg-neutral-100" />
      <ChartSkeleton height={height} />
      <span className="sr-only">{label}</span>
    </section>
  );
}
