import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { env } from '@/env';
import { safeCallback } from '@/features/auth/callback';
import { SignInForm } from '@/features/auth/components/sign-in-form';
import { getCaller } from '@/server/auth/caller';
import { appOrigin } from '@/server/http/app-origin';

// GET /signin — username, password and, where set up, the second factor.
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallback((await searchParams).callbackUrl, appOrigin(env));
  if (await getCaller()) redirect(callbackUrl);
  const t = await getTranslations('auth');
  return (
    <div className="mx-auto max-w-sm rounded-lg border border-neutral-200 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-xl font-semibold">{t('signInTitle')}</h1>
      <SignInForm callbackUrl={callbackUrl} />
    </div>
  );
}
