import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/features/account/components/change-password-form';
import { TotpSetup } from '@/features/account/components/totp-setup';
import { requirePageCaller } from '@/server/access/guard';
import { db } from '@/server/db/client';
import { PageHeader } from '@/components/ui/page-header';

// GET /account/security — one's own second factor and password.
export default async function AccountSecurityPage() {
  const caller = await requirePageCaller('account.self');
  const t = await getTranslations('account');
  const user = await db().user.findUniqueOrThrow({ where: { id: caller.userId }, select: { totpEnabled: true } });
  return (
    <div className="space-y-8">
      <PageHeader title={t('title')} />
      {caller.mfaPending ? (
        <p role="alert" className="rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900">{t('mfaRequired')}</p>
      ) : null}
      <section aria-labelledby="totp-title" className="space-y-3 rounded-lg border border-neutral-200 bg-white p-5">
        <h2 id="totp-title" className="text-lg font-semibold">{t('totpTitle')}</h2>
        <p className="text-sm text-neutral-700">{user.totpEnabled ? t('totpOn') : t('totpOff')}</p>
        {user.totpEnabled ? <p className="text-sm text-neutral-600">{t('totpResetHint')}</p> : <TotpSetup />}
      </section>
      <section aria-labelledby="password-title" className="space-y-3 rounded-lg border border-neutral-200 bg-white p-5">
        <h2 id="password-title" className="text-lg font-semibold">{t('passwordTitle')}</h2>
        <ChangePasswordForm />
      </section>
    </div>
  );
}
