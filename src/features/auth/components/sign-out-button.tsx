'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';

export function SignOutButton() {
  const t = useTranslations('auth');
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: '/signin' })}
      className="rounded px-2 py-1 text-sm text-neutral-700 underline hover:bg-neutral-100">
      {t('signOut')}
    </button>
  );
}
