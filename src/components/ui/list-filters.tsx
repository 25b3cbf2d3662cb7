import Link from 'next/link';
import type { ReactNode } from 'react';

// A list's filters as a plain GET form: they live in the URL, work without JavaScript and
// can be shared. Labels sit above their fields.

export type FilterChoice = { value: string; label: string };

const field = 'flex min-w-40 flex-col gap-1 text-sm';
const input = 'rounded border border-neutral-500 bg-white px-2 py-1.5';

export function FilterForm({ action, label, apply, reset, children }: { action: string; label: string; apply: string; reset: string; children: ReactNode }) {
  return (
    <form method="get" action={action} aria-label={label} className="flex flex-wrap items-end gap-3 rounded-lg border border-neutral-200 bg-white p-4">
      {children}
      <div className="flex items-center gap-3">
        <button type="submit" className="rounded bg-sky-kz-dark px-4 py-1.5 font-medium text-white hover:bg-neutral-800">{apply}</button>
        <Link href={action} className="py-1.5 text-sm text-sky-kz-dark underline">{reset}</Link>
      </div>
    </form>
  );
}

export function FilterSelect({ name, label, value, anyLabel, choices }: { name: string; label: string; value?: string; anyLabel?: string; choices: FilterChoice[] }) {
  const id = `filter-${name}`;
  return (
    <div className={field}>
      <label htmlFor={id} className="font-medium">{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''} className={input}>
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>{c.label}</option>
        ))}
      </select>
    </div>
  );
}

export function FilterText({ name, label, hint, value }: { name: string; label: string; hint?: string; value?: string }) {
  const id = `filter-${name}`;
  return (
    <div className={field}>
      <label htmlFor={id} className="font-medium">{label}</label>
      <input
        id={id}
        name={name}
        type="search"
        defaultValue={value ?? ''}
        maxLength={100}
        autoComplete="off"
        aria-describedby={hint ? `${id}-hint` : undefined}
        className={input}
      />
      {hint ? <span id={`${id}-hint`} className="text-xs text-neutral-600">{hint}</span> : null}
    </div>
  );
}

/** The filters in force, as chips, so a reader sees at a glance what the list is narrowed to. */
export function FilterChips({ label, chips }: { label: string; chips: Array<{ name: string; text: string }> }) {
  if (chips.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-2 text-sm">
      {chips.map((c) => (
        <li key={c.name} className="rounded-full border border-sky-kz-dark bg-sky-50 px-3 py-0.5 text-neutral-900">{c.text}</li>
      ))}
    </ul>
  );
}

/**
 * The chips of the filters in force: each field that is set, named by `text`, with its value shown
 * by its label among the choices (or as it is, for free text).
 */
export function chipsInForce(
  text: (name: string, value: string) => string,
  fields: Array<[name: string, value: string | undefined, choices?: FilterChoice[]]>,
): Array<{ name: string; text: string }> {
  return fields
    .filter((f): f is [string, string, FilterChoice[] | undefined] => Boolean(f[1]))
    .map(([name, value, choices]) => ({ name, text: text(name, choices?.find((c) => c.value === value)?.label ?? value) }));
}
