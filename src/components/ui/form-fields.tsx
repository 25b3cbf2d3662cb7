'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';

// GOV.UK-style form pieces: label above the field, optional hint, the field's own error
// (announced through aria-describedby) and an error summary at the top linking to each field.

export type FieldErrors = Record<string, string> | undefined;

export const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

export const inputClass = (error?: string) =>
  `w-full rounded border px-3 py-2 ${error ? 'border-2 border-red-700' : 'border-neutral-400'}`;

export function FieldShell({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">{label}</label>
      {hint ? <p id={`${id}-hint`} className="text-sm text-neutral-600">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="text-sm font-medium text-red-800">{error}</p> : null}
      {children}
    </div>
  );
}

type TextFieldProps = {
  id: string;
  name?: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string | number;
  type?: 'text' | 'password' | 'number' | 'date';
  autoComplete?: string;
  required?: boolean;
  inputMode?: 'numeric' | 'text';
  min?: string | number;
  max?: string | number;
  maxLength?: number;
  className?: string;
};

export function TextField({ id, name, label, hint, error, defaultValue, type = 'text', className, ...rest }: TextFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name ?? id}
        type={type}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        spellCheck={type === 'text' ? false : undefined}
        className={`${inputClass(error)} ${type === 'number' ? 'tabular' : ''} ${className ?? ''}`}
        {...rest}
      />
    </FieldShell>
  );
}

export type Option = { value: string; label: string };

type SelectFieldProps = {
  id: string;
  name?: string;
  label: string;
  hint?: string;
  error?: string;
  options: Option[];
  defaultValue?: string;
  /** Label of an empty first option; omitted when a value is required. */
  emptyLabel?: string;
  onChange?: (value: string) => void;
};

export function SelectField({ id, name, label, hint, error, options, defaultValue, emptyLabel, onChange }: SelectFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={name ?? id}
        defaultValue={defaultValue ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={onChange ? (e) => onChange(e.currentTarget.value) : undefined}
        className={`${inputClass(error)} bg-white`}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField({ id, name, label, hint, error, defaultChecked }: { id: string; name?: string; label: string; hint?: string; error?: string; defaultChecked?: boolean }) {
  return (
    <div className="flex flex-col gap-1">
      {error ? <p id={`${id}-error`} className="text-sm font-medium text-red-800">{error}</p> : null}
      <div className="flex items-start gap-2">
        <input
          id={id}
          name={name ?? id}
          type="checkbox"
          defaultChecked={defaultChecked}
          aria-describedby={describedBy(id, hint, error)}
          className="mt-1 size-5"
        />
        <label htmlFor={id} className="font-medium">{label}</label>
      </div>
      {hint ? <p id={`${id}-hint`} className="ml-7 text-sm text-neutral-600">{hint}</p> : null}
    </div>
  );
}

/**
 * The list of problems at the top of a form. It takes focus when it appears, so a screen
 * reader announces it; each item links to its field.
 */
export function ErrorSummary({ title, message, fields, labels }: { title: string; message?: string; fields?: FieldErrors; labels: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    ref.current?.focus();
  }, [message, fields]);
  const entries = Object.entries(fields ?? {});
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId} className="rounded border-2 border-red-700 bg-white p-4">
      <h2 id={titleId} className="font-semibold text-red-900">{title}</h2>
      {message && entries.length === 0 ? <p className="mt-1 text-neutral-800">{message}</p> : null}
      {entries.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {entries.map(([field, text]) => (
            <li key={field}>
              <a href={`#${field}`} className="text-red-800 underline">
                {labels[field] ? `${labels[field]}: ` : ''}
                {text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function SubmitButton({ pending, label, pendingLabel, tone = 'primary' }: { pending: boolean; label: string; pendingLabel: string; tone?: 'primary' | 'danger' | 'secondary' }) {
  const tones = {
    primary: 'bg-sky-kz-dark text-white',
    danger: 'bg-red-800 text-white',
    secondary: 'border border-neutral-500 bg-white text-neutral-900',
  };
  return (
    <button type="submit" disabled={pending} className={`rounded px-4 py-2 font-medium disabled:opacity-60 ${tones[tone]}`}>
      {pending ? pendingLabel : label}
    </button>
  );
}

/** The success note after a form was saved. */
export function SuccessNote({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="rounded border border-sky-kz-dark bg-sky-50 p-3 text-sm text-neutral-900">
      ✓ {children}
    </p>
  );
}
