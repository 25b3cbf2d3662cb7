'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { ErrorSummary, SuccessNote } from '@/components/ui/form-fields';
import { type Choice, errorAt, flattenErrors, Input, Select, TextArea, useFieldMessage } from '@/features/entry/components/form-kit';
import type { ActionState } from '@/server/action';
import { addMoneyEntryAction, changeIssueStatusAction, deleteIssueAction } from '../actions';
import { moneyEntrySchema, statusChangeSchema } from '../schemas';

// The issue page's data entry: a status change (effective date, comment) and a money entry,
// validated in the browser and on the server by the same schemas. Both carry the version the
// page was read at; when someone saved the issue meanwhile the form says so, shows the issue
// as it is now, and keeps what was typed so it can be applied again.

export type IssueForEntry = { id: number; version: number; status: string; statusLabel: string; raisedOn: string };

type Values = Record<string, string>;

/** Field ids are prefixed per form, since both forms share field names. */
const prefixed = (prefix: string, record: Record<string, string>) => Object.fromEntries(Object.entries(record).map(([k, v]) => [`${prefix}-${k}`, v]));

function useEntryForm(prefix: string, schema: unknown, defaults: Values, issue: IssueForEntry, action: (prev: undefined, input: never) => Promise<ActionState<unknown>>) {
  const router = useRouter();
  const message = useFieldMessage();
  const form = useForm<Values>({ resolver: zodResolver(schema as never) as unknown as Resolver<Values>, defaultValues: { ...defaults, version: String(issue.version) } });
  const [opened, setOpened] = useState(issue);
  const [state, setState] = useState<'idle' | 'saved' | 'failed'>('idle');
  const [serverMessage, setServerMessage] = useState<string | null>(null);
  const conflict = issue.version !== opened.version;
  const [summary, setSummary] = useState<Record<string, string>>({});
  const submit = form.handleSubmit(async (values) => {
    setState('idle');
    setServerMessage(null);
    setSummary({});
    const result = await action(undefined, { ...values, id: issue.id, version: opened.version } as never);
    if (result.status === 'ok') {
      const version = (result.data as { version: number }).version;
      setOpened({ ...issue, version });
      form.reset({ ...defaults, version: String(version) });
      setState('saved');
      router.refresh();
      return;
    }
    setState('failed');
    if (result.status === 'error' && result.fields && Object.keys(result.fields).length) {
      for (const [path, text] of Object.entries(result.fields)) form.setError(path, { type: 'server', message: text });
      setSummary(result.fields);
      return;
    }
    if (result.status === 'error') setServerMessage(result.message);
    // Perhaps a stale version: read the issue as it is now.
    router.refresh();
  }, (errors) => setSummary(flattenErrors(errors, message)));
  const applyAgain = () => {
    setOpened(issue);
    setServerMessage(null);
  };
  const err = (path: string) => message(errorAt(form.formState.errors, path));
  // Stable between renders, so the error summary takes focus once per save.
  const summaryFields = useMemo(() => prefixed(prefix, summary), [prefix, summary]);
  return { form, submit, conflict, opened, applyAgain, err, summary, summaryFields, state, serverMessage };
}

function Conflict({ opened, now, onApply }: { opened: IssueForEntry; now: IssueForEntry; onApply: () => void }) {
  const t = useTranslations('entry.issueForms');
  return (
    <div role="alert" className="space-y-2 rounded border-2 border-gold-kz bg-amber-50 p-4" data-testid="conflict">
      <h3 className="font-semibold">{t('conflict.title')}</h3>
      <p>{opened.status !== now.status ? t('conflict.status', { was: opened.statusLabel, now: now.statusLabel }) : t('conflict.other')}</p>
      <p>{t('conflict.yours')}</p>
      <button type="button" onClick={onApply} className="rounded bg-sky-kz-dark px-4 py-2 font-medium text-white">{t('conflict.applyAgain')}</button>
    </div>
  );
}

export function StatusChangeForm({ issue, statuses }: { issue: IssueForEntry; statuses: Choice[] }) {
  const t = useTranslations('entry.issueForms');
  const f = useEntryForm('status', statusChangeSchema, { toStatus: statuses[0]?.value ?? '', effectiveOn: '', comment: '' }, issue, changeIssueStatusAction as never);
  const labels = { toStatus: t('toStatus'), effectiveOn: t('effectiveOn'), comment: t('comment'), version: t('version') };
  return (
    <form onSubmit={f.submit} noValidate className="space-y-4" data-testid="status-form">
      <h3 className="text-lg font-semibold">{t('statusTitle')}</h3>
      <p className="text-sm text-neutral-700">{t('statusNow', { status: issue.statusLabel })}</p>
      {Object.keys(f.summary).length ? <ErrorSummary title={t('errorTitle')} fields={f.summaryFields} labels={prefixed('status', labels)} /> : null}
      {f.serverMessage && !f.conflict ? <ErrorSummary title={t('errorTitle')} message={f.serverMessage} labels={{}} /> : null}
      {f.conflict ? <Conflict opened={f.opened} now={issue} onApply={f.applyAgain} /> : null}
      {f.state === 'saved' ? <SuccessNote>{t('statusSaved')}</SuccessNote> : null}
      {statuses.length === 0 ? <p>{t('noTransitions')}</p> : (
        <>
          <Select id="status-toStatus" field={f.form.register('toStatus')} label={labels.toStatus} options={statuses} error={f.err('toStatus')} />
          <Input id="status-effectiveOn" field={f.form.register('effectiveOn')} type="date" label={labels.effectiveOn} hint={t('effectiveOnHint', { raisedOn: issue.raisedOn })} error={f.err('effectiveOn')} className="max-w-48" />
          <TextArea id="status-comment" field={f.form.register('comment')} label={labels.comment} hint={t('commentHint')} error={f.err('comment')} maxLength={2000} />
          <button type="submit" disabled={f.form.formState.isSubmitting || f.conflict} className="rounded bg-sky-kz-dark px-4 py-2 font-medium text-white disabled:opacity-60">
            {f.form.formState.isSubmitting ? t('saving') : t('statusSubmit')}
          </button>
        </>
      )}
    </form>
  );
}

export function MoneyEntryForm({ issue, sources, kinds }: { issue: IssueForEntry; sources: Choice[]; kinds: Choice[] }) {
  const t = useTranslations('entry.issueForms');
  const f = useEntryForm('money', moneyEntrySchema, { source: 'LOCAL', kind: 'NEED', amountKzt: '', effectiveOn: '', note: '' }, issue, addMoneyEntryAction as never);
  const labels = { source: t('source'), kind: t('kind'), amountKzt: t('amountKzt'), effectiveOn: t('moneyOn'), note: t('note'), version: t('version') };
  return (
    <form onSubmit={f.submit} noValidate className="space-y-4" data-testid="money-form">
      <h3 className="text-lg font-semibold">{t('moneyTitle')}</h3>
      {Object.keys(f.summary).length ? <ErrorSummary title={t('errorTitle')} fields={f.summaryFields} labels={prefixed('money', labels)} /> : null}
      {f.serverMessage && !f.conflict ? <ErrorSummary title={t('errorTitle')} message={f.serverMessage} labels={{}} /> : null}
      {f.conflict ? <Conflict opened={f.opened} now={issue} onApply={f.applyAgain} /> : null}
      {f.state === 'saved' ? <SuccessNote>{t('moneySaved')}</SuccessNote> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Select id="money-source" field={f.form.register('source')} label={labels.source} options={sources} error={f.err('source')} />
        <Select id="money-kind" field={f.form.register('kind')} label={labels.kind} options={kinds} error={f.err('kind')} />
        <Input id="money-amountKzt" field={f.form.register('amountKzt')} type="number" inputMode="numeric" min="0" label={labels.amountKzt} hint={t('amountHint')} error={f.err('amountKzt')} />
        <Input id="money-effectiveOn" field={f.form.register('effectiveOn')} type="date" label={labels.effectiveOn} error={f.err('effectiveOn')} />
      </div>
      <Input id="money-note" field={f.form.register('note')} label={labels.note} error={f.err('note')} maxLength={500} />
      <button type="submit" disabled={f.form.formState.isSubmitting || f.conflict} className="rounded bg-sky-kz-dark px-4 py-2 font-medium text-white disabled:opacity-60">
        {f.form.formState.isSubmitting ? t('saving') : t('moneySubmit')}
      </button>
    </form>
  );
}

export function DeleteIssueButton({ issue }: { issue: IssueForEntry }) {
  const t = useTranslations('entry.issueForms');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <div className="space-y-2">
      {error ? <ErrorSummary title={t('errorTitle')} message={error} labels={{}} /> : null}
      <button type="button" disabled={pending} className="rounded bg-red-800 px-4 py-2 font-medium text-white disabled:opacity-60"
        onClick={async () => {
          setPending(true);
          const r = await deleteIssueAction(undefined, { id: issue.id, version: issue.version });
          setPending(false);
          if (r.status === 'ok') router.push('/issues');
          else if (r.status === 'error') setError(r.fields ? Object.values(r.fields).join(' ') : r.message);
        }}>
        {t('delete')}
      </button>
    </div>
  );
}
