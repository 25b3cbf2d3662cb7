import type { ReactNode } from 'react';
import { Cell, DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';

// The frame of every chart, after Our World in Data: a title that says exactly what is
// counted, the period and "as of" line and the source under it, and the same numbers as a
// table one click away (a details element: no script, and read out as a disclosure).

export type ChartTable = {
  caption: string;
  head: Array<{ label: string; numeric?: boolean }>;
  /** Cells already formatted; null shows as a dash. */
  rows: Array<{ key: string; cells: Array<ReactNode | null> }>;
};

type Props = {
  id: string;
  title: string;
  /** The period the figures cover and the date statuses are read on. */
  subtitle: string;
  source: string;
  table: ChartTable;
  tableToggle: string;
  /** Set when there is nothing to draw: why, and what to do. */
  empty?: { title: string; text: string };
  /** A legend or note under the chart. */
  footnote?: ReactNode;
  children: ReactNode;
};

export function ChartCard({ id, title, subtitle, source, table, tableToggle, empty, footnote, children }: Props) {
  return (
    <section aria-labelledby={`${id}-title`} className="min-w-0 rounded-lg border border-neutral-200 bg-white p-4" data-testid={`chart-${id}`}>
      <h2 id={`${id}-title`} className="text-base font-semibold text-neutral-900">{title}</h2>
      <p className="text-sm text-neutral-700">{subtitle}</p>
      <div className="mt-3">
        {empty ? (
          <EmptyState title={empty.title}>{empty.text}</EmptyState>
        ) : (
          <>
            {children}
            {footnote ? <div className="mt-2 text-sm text-neutral-700">{footnote}</div> : null}
            <details className="mt-3 group">
              <summary className="cursor-pointer text-sm font-medium text-sky-kz-dark underline">{tableToggle}</summary>
              <div className="mt-2">
                <DataTable caption={table.caption} head={table.head}>
                  {table.rows.map((r) => (
                    <tr key={r.key}>
                      {r.cells.map((c, i) => (
                        <Cell key={i} numeric={table.head[i]?.numeric}>{c}</Cell>
                      ))}
                    </tr>
                  ))}
                </DataTable>
              </div>
            </details>
          </>
        )}
      </div>
      <p className="mt-3 text-xs text-neutral-600">{source}</p>
    </section>
  );
}
