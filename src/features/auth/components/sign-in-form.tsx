'use client';

import { useState, type FormEvent } from 'react';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { safeCallback } from '../callback';

const KNOWN_ERRORS = ['INVALID', 'LOCKED', 'TOTP_REQUIRED', 'TOTP_INVALID'] as const;
type ErrorCode = (typeof KNOWN_ERRORS)[number] | 'UNKNOWN';


export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('auth');
  const [error, setError] = useState<ErrorCode | null>(null);
  const [needsSecondFactor, setNeedsSecondFactor] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn('credentials', {
      redirect: false,
      username: String(form.get('username') ?? ''),
      password: String(form.get('password') ?? ''),
      totp: String(form.get('totp') ?? ''),
      recoveryCode: String(form.get('recoveryCode') ?? ''),
    });
    setPending(false);
    if (result?.ok && !result.error) {
      window.location.assign(safeCallback(callbackUrl, window.location.origin));
      return;
    }
    const code = KNOWN_ERRORS.find((c) => c === result?.error) ?? 'UNKNOWN';
    if (code === 'TOTP_REQUIRED' || code === 'TOTP_INVALID') setNeedsSecondFactor(true);
    setError(code);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby={error ? 'signin-error' : undefined}>
      {error ? (
        <p id="signin-error" role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {t(`errors.${error}`)}
        </p>
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="username" className="font-medium">{t('username')}</label>
        <input id="username" name="username" autoComplete="username" required autoCapitalize="none" spellCheck={false}
          className="rounded border border-neutral-400 px-3 py-2" />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="password" className="font-medium">{t('password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required
          className="rounded border border-neutral-400 px-3 py-2" />
      </div>
      {needsSecondFactor ? (
        <div className="flex flex-col gap-1">
          {useRecovery ? (
            <>
              <label htmlFor="recoveryCode" className="font-medium">{t('recoveryCode')}</label>
              <input id="recoveryCode" name="recoveryCode" autoComplete="off" className="rounded border border-neutral-400 px-3 py-2" />
            </>
          ) : (
            <>
              <label htmlFor="totp" className="font-medium">{t('totp')}</label>
              <p id="totp-hint" className="text-sm text-neutral-600">{t('totpHint')}</p>
              <input id="totp" name="totp" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6}
                aria-describedby="totp-hint" className="rounded border border-neutral-400 px-3 py-2 tabular" />
            </>
          )}
          <button type="button" onClick={() => setUseRecovery(!useRecovery)} className="self-start text-sm text-sky-kz-dark underline">
            {useRecovery ? t('useTotp') : t('useRecovery')}
          </button>
        </div>
      ) : null}
      <button type="submit" disabled={pending} className="w-full rounded bg-sky-kz-dark px-4 py-2 font-medium text-white disabled:opacity-60">
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
