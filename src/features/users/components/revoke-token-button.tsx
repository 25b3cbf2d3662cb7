'use client';

import { useTranslations } from 'next-intl';
import { useFormAction } from '@/components/ui/use-form-action';
import { revokeToken } from '../actions';

export function RevokeTokenButton({ tokenId, name }: { tokenId: number; name: string }) {
  const t = useTranslations('admin.tokens');
  const form = useFormAction(revokeToken);
  return (
    <form action={form.formAction} className="inline">
      <input type="hidden" name="id" value={tokenId} />
      <button type="submit" disabled={form.pending} aria-label={t('revokeLabel', { name })}
        className="rounded border border-red-800 px-2 py-1 text-sm font-medium text-red-800 disabled:opacity-60">
        {form.pending ? t('revoking') : t('revoke')}
      </button>
      {form.state.status === 'error' ? <span role="alert" className="ml-2 text-sm text-red-800">{form.state.message}</span> : null}
    </form>
  );
}
