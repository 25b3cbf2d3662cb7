// Placeholder rows while a table loads; the label is read out, the bars are decoration.
export function TableSkeleton({ label, rows = 10, columns = 6 }: { label: string; rows?: number; columns?: number }) {
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      <span className="sr-only">{label}</span>
      <div className="h-5 w-48 animate-pulse rounded bg-neutral-200" aria-hidden="true" />
      <div className="overflow-hidden rounded-lg border border-neutral-200 bg-white" aria-hidden="true">
        <div className="h-9 bg-neutral-100" />
        {Array.from({ length: rows }, (_, r) => (
          <div key={r} className="flex gap-4 border-t border-neutral-200 px-3 py-3">
            {Array.from({ length: columns }, (_, c) => (
              <div key={c} className="h-4 flex-1 animate-pulse rounded bg-neutral-200" />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
