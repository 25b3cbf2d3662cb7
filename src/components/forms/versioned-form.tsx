'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { type DefaultValues, type FieldValues, type Path, type Resolver, useForm } from 'react-hook-form';
import { ErrorSummary, SuccessNote } from '@/components/ui/form-fields';
import type { ActionState } from '@/server/action';
import { errorAt, fieldAnchor, flattenErrors, useFieldMessage } from './form-kit';

// The one pattern of every data-entry form: react-hook-form checked in the browser by the
// same zod schema as the server action; server refusals land beside their fields and in the
// summary, and what was typed stays. An edit form carries the version it was opened at; when
// someone saved the record meanwhile the save is refused (409), the page is read again, and
// the form lists what they changed and lets the person apply their own change again.

/** A record as an edit form opened it: its form values and how each value reads to a person. */
export type VersionedRecord<V> = { id: number; version: number; values: V; display: Partial<Record<string, string>> };

export type EntryAction = (prev: undefined, input: never) => Promise<ActionState<unknown>>;

export type Change = { field: string; was: string; now: string };

type Options<V extends FieldValues, R> = {
  /** The zod schema the server action parses (values plus `id` and `version` for a change). */
  schema: unknown;
  /** What the form starts with: an edit form the record's values, a new record's form empty fields. */
  defaults: V;
  /** The record as the page last read it; a newer version than the one opened is a conflict. */
  record?: VersionedRecord<R>;
  /** After a save the form keeps what was typed (an edit), or starts again from `defaults` (a new step). */
  keepAfterSave?: boolean;
  /** The fields the "changed meanwhile" list compares. */
  compare?: readonly string[];
  action: EntryAction;
  /** What the action gets from the form's (parsed) values; the record's id and version are added. */
  payload?: (values: V) => Record<string, unknown>;
  /** Field ids are `${idPrefix}-${path}` when several forms on a page share field names. */
  idPrefix?: string;
  /** After a save: the default keeps an edit form's values (and clears a new-record form). */
  onSaved?: (data: unknown) => void;
  /** Names the record when several forms on a page change it: a version saved by one is not a conflict for the others. */
  shareKey?: string;
};

// Versions saved from this browser tab, per record: from → to. A form opened at a version that
// this tab's own saves lead to the record's version takes the record as it is, without a conflict.
const ownSaves = new Map<string, Map<number, number>>();

function reachedByOwnSaves(key: string, from: number, to: number): boolean {
  const steps = ownSaves.get(key);
  for (let v: number | undefined = from, n = 0; v !== undefined && n < 1000; v = steps?.get(v), n++) if (v === to) return true;
  return false;
}

export function useVersionedForm<V extends FieldValues, R = V>({ schema, defaults, record, keepAfterSave = true, compare = [], action, payload, idPrefix, onSaved, shareKey }: Options<V, R>) {
  const router = useRouter();
  const message = useFieldMessage();
  const withRef = (values: V, version?: number) => (record ? { ...values, id: String(record.id), version: String(version ?? record.version) } : values);
  const form = useForm<V>({
    resolver: zodResolver(schema as never) as unknown as Resolver<V>,
    defaultValues: withRef(defaults) as DefaultValues<V>,
    mode: 'onSubmit',
    // Errors clear while typing, never on blur: a blur that moves the layout would swallow the next click.
    reValidateMode: 'onChange',
  });
  // The record as this form last read it (or saved it).
  const [opened, setOpened] = useState(record);
  // The version this form saved, until the page has been read again at it.
  const [awaiting, setAwaiting] = useState<number | null>(null);
  if (record && opened && awaiting !== null && record.version >= awaiting) {
    // Adjusting state to new props while rendering: the page now shows what this form saved.
    if (record.version === awaiting) setOpened(record);
    setAwaiting(null);
  } else if (record && opened && awaiting === null && shareKey && record.version !== opened.version && reachedByOwnSaves(shareKey, opened.version, record.version)) {
    // Another form of this page saved the record: that was this person, not someone else.
    setOpened(record);
  }
  const [saved, setSaved] = useState(false);
  const [serverMessage, setServerMessage] = useState<string | null>(null);
  const [summary, setSummary] = useState<Record<string, string>>({});

  const conflict = Boolean(record && opened && awaiting === null && record.version !== opened.version);
  const valueOf = (r: VersionedRecord<R>, k: string) => JSON.stringify((r.values as Record<string, unknown>)[k]);
  const changes: Change[] = conflict && record && opened
    ? compare.filter((k) => valueOf(opened, k) !== valueOf(record, k))
      .map((k) => ({ field: k, was: opened.display[k] ?? '', now: record.display[k] ?? '' }))
    : [];

  const id = (path: string) => (idPrefix ? `${idPrefix}-${fieldAnchor(path)}` : fieldAnchor(path));

  const submit = form.handleSubmit(async (values) => {
    setSaved(false);
    setServerMessage(null);
    setSummary({});
    const input = { ...(payload ? payload(values) : values), ...(record && opened ? { id: record.id, version: opened.version } : {}) };
    const result = await action(undefined, input as never);
    if (result.status === 'ok') {
      if (onSaved) {
        onSaved(result.data);
        return;
      }
      const version = (result.data as { version?: number } | undefined)?.version;
      if (record && opened && version) {
        // Until the page is read again at this version; then `opened` becomes the record as saved.
        setOpened({ ...opened, version });
        setAwaiting(version);
        if (shareKey) ownSaves.set(shareKey, (ownSaves.get(shareKey) ?? new Map<number, number>()).set(opened.version, version));
      }
      form.reset(withRef(record && keepAfterSave ? form.getValues() : defaults, version) as V);
      setSaved(true);
      router.refresh();
      return;
    }
    if (result.status === 'error' && result.fields && Object.keys(result.fields).length) {
      for (const [path, text] of Object.entries(result.fields)) form.setError(path as Path<V>, { type: 'server', message: text });
      setSummary(result.fields);
      return;
    }
    if (result.status === 'error') setServerMessage(result.message);
    // A refusal without fields may be a stale version: read the record as it is now.
    if (record) router.refresh();
  }, (errors) => setSummary(flattenErrors(errors, message)));

  const applyAgain = () => {
    setOpened(record);
    setServerMessage(null);
  };

  // Stable between renders, so the error summary takes focus once per save, not on every keystroke.
  const summaryFields = useMemo(() => Object.fromEntries(Object.entries(summary).map(([p, m]) => [idPrefix ? `${idPrefix}-${fieldAnchor(p)}` : fieldAnchor(p), m])), [summary, idPrefix]);
  const err = (path: string) => message(errorAt(form.formState.errors, path));

  return { form, submit, err, id, summary, summaryFields, conflict, changes, applyAgain, saved, serverMessage, pending: form.formState.isSubmitting };
}

export type VersionedForm = ReturnType<typeof useVersionedForm>;

/** What someone else changed while the form was open, and the way to apply this change again. */
export function ChangedMeanwhile({ title, changes, label, onApply }: { title: string; changes: Change[]; label: (field: string) => string; onApply: () => void }) {
  const t = useTranslations('entry.conflict');
  return (
    <div role="alert" className="space-y-2 rounded border-2 border-gold-kz bg-amber-50 p-4" data-testid="conflict">
      <h3 className="font-semibold">{title}</h3>
      {changes.length > 0 ? (
        <>
          <p>{t('body')}</p>
          <ul className="list-disc pl-5">
            {changes.map((c) => (
              <li key={c.field}>
                {label(c.field)}: <s>{c.was || '—'}</s> → <strong>{c.now || '—'}</strong>
              </li>
            ))}
          </ul>
        </>
      ) : <p>{t('noFieldChanges')}</p>}
      <p>{t('yours')}</p>
      <button type="button" onClick={onApply} className="rounded bg-sky-kz-dark px-4 py-2 font-medium text-white">{t('applyAgain')}</button>
    </div>
  );
}

/**
 * The notices at the top of a data-entry form, in this order: the error summary (each item
 * linked to its field), a refusal without fields, what changed meanwhile, and the saved note.
 */
export function FormNotices({ f, label, errorTitle, conflictTitle, savedText }: {
  f: Pick<VersionedForm, 'summary' | 'summaryFields' | 'serverMessage' | 'conflict' | 'changes' | 'applyAgain' | 'saved' | 'id'>;
  label: (field: string) => string;
  errorTitle: string;
  conflictTitle?: string;
  savedText?: string;
}) {
  const t = useTranslations('entry.conflict');
  const labels = Object.fromEntries(Object.keys(f.summary).map((p) => [f.id(p), label(p)]));
  return (
    <>
      {Object.keys(f.summary).length > 0 ? <ErrorSummary title={errorTitle} fields={f.summaryFields} labels={labels} /> : null}
      {f.serverMessage && !f.conflict ? <ErrorSummary title={errorTitle} message={f.serverMessage} labels={{}} /> : null}
      {f.conflict ? <ChangedMeanwhile title={conflictTitle ?? t('title')} changes={f.changes} label={label} onApply={f.applyAgain} /> : null}
      {f.saved && savedText ? <SuccessNote>{savedText}</SuccessNote> : null}
    </>
  );
}

/** The save button: disabled while saving and while a conflict waits for the person's decision. */
export function SaveButton({ f, label, pendingLabel }: { f: Pick<VersionedForm, 'pending' | 'conflict'>; label: string; pendingLabel: string }) {
  return (
    <button type="submit" disabled={f.pending || f.conflict} className="rounded bg-sky-kz-dark px-4 py-2 font-medium text-white disabled:opacity-60">
      {f.pending ? pendingLabel : label}
    </button>
  );
}
