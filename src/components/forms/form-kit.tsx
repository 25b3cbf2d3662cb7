'use client';

import { useTranslations } from 'next-intl';
import type { FieldErrors, FieldValues, UseFormRegisterReturn } from 'react-hook-form';
import { describedBy, FieldShell, inputClass } from '@/components/ui/form-fields';

// Pieces of the react-hook-form forms of data entry, on the shell of components/ui/form-fields:
// label above, hint, the field's own error announced through aria-describedby.

/** Translates a schema's message key (`validation.*`, `entry.validation.*`); a server message passes through. */
export function useFieldMessage() {
  const t = useTranslations();
  return (message: string | undefined): string | undefined => {
    if (!message) return undefined;
    if (/^[a-z][A-Za-z]*\.[A-Za-z.]+$/.test(message) && t.has(message as never)) return t(message as never);
    if (message.startsWith('validation.')) return t('validation.generic.invalid' as never);
    return message;
  };
}

/** Every error of a form as field path → message, for the error summary. */
export function flattenErrors(errors: FieldErrors<FieldValues>, translate: (m?: string) => string | undefined, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(errors)) {
    if (!value || key === 'root') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && 'message' in value && typeof value.message === 'string') {
      out[path] = translate(value.message) ?? '';
    } else if (typeof value === 'object') {
      Object.assign(out, flattenErrors(value as FieldErrors<FieldValues>, translate, path));
    }
  }
  return out;
}

/** Reads an error of a nested path from react-hook-form's errors object. */
export function errorAt(errors: FieldErrors<FieldValues>, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return node && typeof node === 'object' && 'message' in node ? ((node as { message?: string }).message ?? undefined) : undefined;
}

const idOf = (name: string) => name.replaceAll('.', '-');

type Base = { field: UseFormRegisterReturn; label: string; hint?: string; error?: string; /** When two forms on a page share field names. */ id?: string };

export function Input({ field, label, hint, error, type = 'text', className, id: given, ...rest }: Base & { type?: 'text' | 'number' | 'date'; className?: string; inputMode?: 'numeric'; max?: string; min?: string; maxLength?: number }) {
  const id = given ?? idOf(field.name);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input id={id} type={type} {...field} {...rest} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)}
        className={`${inputClass(error)} ${type === 'number' ? 'tabular' : ''} ${className ?? ''}`} />
    </FieldShell>
  );
}

export function TextArea({ field, label, hint, error, rows = 3, maxLength, id: given }: Base & { rows?: number; maxLength?: number }) {
  const id = given ?? idOf(field.name);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea id={id} rows={rows} maxLength={maxLength} {...field} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={inputClass(error)} />
    </FieldShell>
  );
}

export type Choice = { value: string; label: string; group?: string };

export function Select({ field, label, hint, error, options, emptyLabel, id: given }: Base & { options: Choice[]; emptyLabel?: string }) {
  const id = given ?? idOf(field.name);
  const groups = [...new Set(options.map((o) => o.group ?? ''))];
  const render = (list: Choice[]) => list.map((o) => <option key={o.value} value={o.value}>{o.label}</option>);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <select id={id} {...field} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={`${inputClass(error)} bg-white`}>
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {groups.length > 1
          ? groups.map((g) => <optgroup key={g} label={g}>{render(options.filter((o) => (o.group ?? '') === g))}</optgroup>)
          : render(options)}
      </select>
    </FieldShell>
  );
}

export function Checkbox({ field, label, hint, value, id: given }: Omit<Base, 'error'> & { value?: string }) {
  const id = given ?? (value ? `${idOf(field.name)}-${value}` : idOf(field.name));
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-start gap-2">
        <input id={id} type="checkbox" value={value} {...field} aria-describedby={hint ? `${id}-hint` : undefined} className="mt-1 size-5" />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint ? <p id={`${id}-hint`} className="ml-7 text-sm text-neutral-600">{hint}</p> : null}
    </div>
  );
}

/** The error of a field the person does not type (a hidden reference), where the summary links to it. */
export function HiddenFieldError({ id, error }: { id: string; error?: string }) {
  return error ? <p id={id} tabIndex={-1} className="text-sm font-medium text-red-800">{error}</p> : null;
}

/** Anchors of the error summary point at the field ids used here. */
export const fieldAnchor = idOf;
