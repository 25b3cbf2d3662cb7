'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { ActionState } from '@/server/action';
import { beginTotpSetup, confirmTotp } from '../actions';

type Setup = { secret: string; uri: string; qr: string };

// Two steps: show the secret as a QR code, then confirm with a code; the recovery codes appear once.
export function TotpSetup() {
  const t = useTranslations('account');
  const [setup, begin, beginning] = useActionState<ActionState<Setup>, FormData>(beginTotpSetup, { status: 'idle' });
  const [confirmed, confirm, confirming] = useActionState<ActionState<{ recoveryCodes: string[] }>, FormData>(confirmTotp, { status: 'idle' });

  if (confirmed.status === 'ok' && confirmed.data) {
    return (
      <div className="space-y-3" role="status">
        <p className="font-medium">{t('totpEnabled')}</p>
        <p className="text-sm text-neutral-700">{t('recoveryCodesHint')}</p>
        <ul className="tabular grid grid-cols-2 gap-1 rounded border border-neutral-300 bg-neutral-50 p-3 font-mono text-sm" data-testid="recovery-codes">
          {confirmed.data.recoveryCodes.map((code) => <li key={code}>{code}</li>)}
        </ul>
      </div>
    );
  }
  if (setup.status !== 'ok' || !setup.data) {
    return (
      <form action={begin} className="space-y-2">
        {setup.status === 'error' ? <p role="alert" className="text-sm text-red-800">{setup.message}</p> : null}
        <button type="submit" disabled={beginning} className="rounded bg-sky-kz-dark px-3 py-1.5 font-medium text-white disabled:opacity-60">
          {t('totpBegin')}
        </button>
      </form>
    );
  }
  const codeError = confirmed.status === 'error' ? confirmed.fields?.code ?? confirmed.message : null;
  return (
    <div className="space-y-3">
      <p className="text-sm text-neutral-700">{t('totpScan')}</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data URL generated on the server */}
      <img src={setup.data.qr} alt={t('totpQrAlt')} width={220} height={220} className="rounded border border-neutral-200" />
      <p className="text-sm">
        {t('totpSecret')} <code className="break-all rounded bg-neutral-100 px-1 font-mono" data-testid="totp-secret">{setup.data.secret}</code>
      </p>
      <form action={confirm} className="flex flex-col gap-1" noValidate>
        <label htmlFor="code" className="font-medium">{t('totpCode')}</label>
        <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6}
          aria-invalid={codeError ? true : undefined} aria-describedby={codeError ? 'code-error' : undefined}
          className="tabular w-40 rounded border border-neutral-400 px-3 py-2" />
        {codeError ? <p id="code-error" className="text-sm text-red-800">{codeError}</p> : null}
        <button type="submit" disabled={confirming} className="mt-2 self-start rounded bg-sky-kz-dark px-3 py-1.5 font-medium text-white disabled:opacity-60">
          {t('totpConfirm')}
        </button>
      </form>
    </div>
  );
}
