'use client';

import { useActionState, useEffect } from 'react';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import type { ActionState } from '@/server/action';
import { changePassword } from '../actions';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

export function ChangePasswordForm() {
  const t = useTranslations('account');
  const [state, action, pending] = useActionState<ActionState<undefined>, FormData>(changePassword, { status: 'idle' });
  // Changing the password ends every session, this one too: sign in again with the new one.
  useEffect(() => {
    if (state.status === 'ok') void signOut({ callbackUrl: '/signin' });
  }, [state.status]);
  const fields = state.status === 'error' ? state.fields ?? {} : {};
  return (
    <form action={action} className="space-y-3" noValidate>
      {state.status === 'error' ? (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p>{state.message}</p>
          <ul className="list-disc pl-5">
            {FIELDS.filter((f) => fields[f]).map((f) => <li key={f}><a href={`#${f}`} className="underline">{fields[f]}</a></li>)}
          </ul>
        </div>
      ) : null}
      {state.status === 'ok' ? <p role="status">{t('passwordChanged')}</p> : null}
      {FIELDS.map((f) => (
        <div key={f} className="flex flex-col gap-1">
          <label htmlFor={f} className="font-medium">{t(f)}</label>
          {f === 'newPassword' ? <p id={`${f}-hint`} className="text-sm text-neutral-600">{t('passwordHint')}</p> : null}
          <input id={f} name={f} type="password" autoComplete={f === 'currentPassword' ? 'current-password' : 'new-password'}
            aria-invalid={fields[f] ? true : undefined}
            aria-describedby={[f === 'newPassword' ? `${f}-hint` : '', fields[f] ? `${f}-error` : ''].filter(Boolean).join(' ') || undefined}
            className="max-w-sm rounded border border-neutral-400 px-3 py-2" />
          {fields[f] ? <p id={`${f}-error`} className="text-sm text-red-800">{fields[f]}</p> : null}
        </div>
      ))}
      <button type="submit" disabled={pending} className="rounded bg-sky-kz-dark px-3 py-1.5 font-medium text-white disabled:opacity-60">
        {t('changePassword')}
      </button>
    </form>
  );
}
