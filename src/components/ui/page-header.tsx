import type { ReactNode } from 'react';

// A page's one level-1 heading with its lead line, so every page opens the same way.
//  - `intro`: the lead is a paragraph of prose, set apart and kept to a readable line length.
//  - `actions`: links or buttons that sit beside the heading (a "New" link).
//  - `children`: what belongs to the heading below it (a period filter that the title names).
export function PageHeader({ title, lead, intro = false, actions, children }: {
  title: ReactNode; lead?: ReactNode; intro?: boolean; actions?: ReactNode; children?: ReactNode;
}) {
  const Tag = intro ? 'header' : 'div';
  let heading = (
    <Tag className={intro ? 'space-y-2' : undefined}>
      <h1 className="text-2xl font-semibold">{title}</h1>
      {lead ? <p className={intro ? 'max-w-3xl text-neutral-700' : 'text-neutral-700'}>{lead}</p> : null}
    </Tag>
  );
  if (actions) heading = <div className="flex flex-wrap items-end justify-between gap-4">{heading}{actions}</div>;
  return children ? <div className="space-y-4">{heading}{children}</div> : heading;
}
