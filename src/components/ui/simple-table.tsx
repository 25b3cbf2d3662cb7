import type { ReactNode } from 'react';
import { TableScroll } from './table-scroll';

// The plain table of the work pages (imports, exports, submissions, periods, restore): a grey
// head of column headers, each scoped to its column, and the body rows as the caller draws them.
// DataTable is the denser, sortable table of the record lists.

/** A column header; a numeric column's header is right-aligned over its figures. */
export type SimpleColumn = { label: string; numeric?: boolean };

export function SimpleTable({ label, caption, head, className = 'rounded border border-neutral-200 bg-white', children }: {
  /** The scroll box's name for keyboard users. */
  label: string;
  /** A caption for screen readers when no heading names the table. */
  caption?: string;
  head: SimpleColumn[];
  /** The scroll box's classes (border, max height). */
  className?: string;
  children: ReactNode;
}) {
  return (
    <TableScroll label={label} className={className}>
      <table className="w-full text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {/* Sticky, so the head stays in view when the box has a max height; otherwise it has no effect. */}
        <thead className="sticky top-0 bg-neutral-100 text-left">
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col" className={h.numeric ? 'px-3 py-2 text-right' : 'px-3 py-2'}>{h.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
