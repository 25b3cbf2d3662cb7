import type { ReactNode } from 'react';
import { TableScroll } from './table-scroll';

// A dense table with a sticky header; numeric columns are right-aligned with tabular figures.

export const EMPTY = '—';

/** A column the list can be sorted by: the link that sorts it, and whether it is the current order. */
export type ColumnSort = { href: string; direction: 'ascending' | 'descending' | null; hint: string };

/**
 * The sort of a column the list orders by `asc` or `desc`: the current order if it is one of
 * them, and a link that flips it, or sorts descending first.
 */
export function columnSort<S extends string>(
  current: S, asc: S, desc: S, href: (sort: S) => string, hints: { ascending: string; descending: string },
): ColumnSort {
  const direction = current === asc ? 'ascending' : current === desc ? 'descending' : null;
  const next = direction === 'descending' ? asc : desc;
  return { href: href(next), direction, hint: next === asc ? hints.ascending : hints.descending };
}

export function DataTable({ caption, head, children }: { caption: string; head: Array<{ label: string; numeric?: boolean; sort?: ColumnSort }>; children: ReactNode }) {
  return (
    <TableScroll label={caption} className="max-h-[70vh] rounded-lg border border-neutral-200 bg-white">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 z-10 bg-neutral-100">
          <tr>
            {head.map((h) => (
              <th
                key={h.label}
                scope="col"
                aria-sort={h.sort ? (h.sort.direction ?? 'none') : undefined}
                className={`border-b border-neutral-300 px-3 py-2 font-semibold ${h.numeric ? 'text-right' : 'text-left'}`}
              >
                {h.sort ? (
                  <a href={h.sort.href} title={h.sort.hint} className="inline-flex items-center gap-1 text-sky-kz-dark underline">
                    {h.label}
                    {/* The arrow, not a colour, says which way the column is sorted. */}
                    <span aria-hidden="true">{h.sort.direction === 'ascending' ? '▲' : h.sort.direction === 'descending' ? '▼' : '↕'}</span>
                  </a>
                ) : (
                  h.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="[&>tr:nth-child(even)]:bg-neutral-50">{children}</tbody>
      </table>
    </TableScroll>
  );
}

export function Cell({ children, numeric, className }: { children?: ReactNode; numeric?: boolean; className?: string }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <td className={`border-b border-neutral-200 px-3 py-2 align-top ${numeric ? 'tabular text-right' : ''} ${className ?? ''}`}>
      {empty ? <span aria-label={EMPTY}>{EMPTY}</span> : children}
    </td>
  );
}
