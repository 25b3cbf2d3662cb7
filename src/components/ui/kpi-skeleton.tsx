// Placeholder cards while the figures load.
export function KpiSkeleton({ cards = 4 }: { cards?: number }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-hidden="true">
      {Array.from({ length: cards }, (_, i) => (
        <div key={i} className="h-36 animate-pulse rounded-lg border border-neutral-200 bg-white" />
      ))}
    </div>
  );
}
