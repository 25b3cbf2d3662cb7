'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { ErrorSummary, SelectField, SubmitButton, TextField } from '@/components/ui/form-fields';
import { useFormAction } from '@/components/ui/use-form-action';
import { issueToken } from '../actions';

/** The token scopes (TokenScope), in the order offered; the admin picks one each time (no default). */
const TOKEN_SCOPES = ['READ', 'READ_WRITE'] as const;

export function IssueTokenForm({ userId, minDate, maxDate }: { userId: number; minDate: string; maxDate: string }) {
  const t = useTranslations('admin');
  const form = useFormAction(issueToken);
  const issued = form.state.status === 'ok' ? form.state.data : undefined;
  const labels = { name: t('tokens.name'), scope: t('tokens.scope'), expiresOn: t('tokens.expiresOn') };
  return (
    <div className="space-y-4">
      {issued ? <IssuedToken key={issued.id} token={issued.token} /> : null}
      <form key={issued?.id ?? 'new'} action={form.formAction} noValidate className="max-w-xl space-y-4">
        {form.state.status === 'error' ? (
          <ErrorSummary title={t('common.errorSummaryTitle')} message={form.state.message} fields={form.fields} labels={labels} />
        ) : null}
        <input type="hidden" name="userId" value={userId} />
        <TextField id="name" label={labels.name} hint={t('tokens.nameHint')} maxLength={120} autoComplete="off"
          defaultValue={issued ? '' : form.value('name')} error={form.error('name')} />
        <SelectField id="scope" label={labels.scope} hint={t('tokens.scopeHint')} emptyLabel={t('tokens.chooseScope')}
          options={TOKEN_SCOPES.map((s) => ({ value: s, label: t(`tokens.scopes.${s}`) }))}
          defaultValue={issued ? '' : form.value('scope')} error={form.error('scope')} />
        <TextField id="expiresOn" type="date" label={labels.expiresOn} hint={t('tokens.expiresOnHint')} min={minDate} max={maxDate}
          defaultValue={issued ? '' : form.value('expiresOn')} error={form.error('expiresOn')} className="max-w-48" />
        <SubmitButton pending={form.pending} label={t('tokens.issue')} pendingLabel={t('common.saving')} />
      </form>
    </div>
  );
}

/** The new token, shown once: it is not stored and cannot be shown again. */
function IssuedToken({ token }: { token: string }) {
  const t = useTranslations('admin.tokens');
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="space-y-2 rounded border-2 border-gold-kz bg-amber-50 p-4">
      <p className="font-semibold">{t('issued')}</p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="issued-token" className="sr-only">{t('tokenLabel')}</label>
        <input id="issued-token" readOnly value={token} onFocus={(e) => e.currentTarget.select()} aria-describedby="issued-token-hint"
          className="min-w-0 flex-1 rounded border border-neutral-400 bg-white px-3 py-2 font-mono text-sm" />
        <button type="button" className="rounded border border-neutral-500 bg-white px-3 py-2 text-sm font-medium"
          onClick={() => navigator.clipboard?.writeText(token).then(() => setCopied(true), () => setCopied(false))}>
          {copied ? t('copied') : t('copy')}
        </button>
      </div>
      <p id="issued-token-hint" className="text-sm text-neutral-800">{t('copyHint')}</p>
    </div>
  );
}
