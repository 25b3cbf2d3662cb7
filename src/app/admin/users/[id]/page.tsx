import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { SuccessNoteStatic } from '@/components/ui/success-note';
import { EditUserForm } from '@/features/users/components/edit-user-form';
import { IssueTokenForm } from '@/features/users/components/issue-token-form';
import { ResetPasswordForm } from '@/features/users/components/reset-password-form';
import { ResetSecondFactorForm } from '@/features/users/components/reset-second-factor-form';
import { loadScopeOptions } from '@/features/users/components/scope-options';
import { TokensTable } from '@/features/users/components/tokens-table';
import { scopeLabel } from '@/features/users/components/users-table';
import { getUserForAdmin, listUserTokens } from '@/features/users/queries';
import { addYears, TOKEN_MAX_YEARS } from '@/features/users/schemas';
import { todayInKazakhstan } from '@/lib/calendar';
import { formatLocalDateTime } from '@/i18n/format-time';
import { requirePageCaller } from '@/server/access/guard';

// GET /admin/users/:id — role, scope and status; password and second-factor resets; API tokens.
export default async function UserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  await requirePageCaller('users.manage');
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const [user, tokens, options, t, tr, locale, { created }] = await Promise.all([
    getUserForAdmin(id), listUserTokens(id), loadScopeOptions(), getTranslations('admin'), getTranslations('roles'), getLocale(), searchParams,
  ]);
  if (!user) notFound();
  const today = todayInKazakhstan();
  const section = 'space-y-4 rounded-lg border border-neutral-200 bg-white p-5';
  return (
    <div className="space-y-6">
      <a href="/admin/users" className="text-sm text-sky-kz-dark underline">← {t('userPage.back')}</a>
      <div>
        <h1 className="text-2xl font-semibold">{t('userPage.title', { username: user.username })}</h1>
        <p className="text-neutral-700">
          {user.fullName} · {tr(user.role)} · {await scopeLabel(user)}
          {user.active ? '' : ` · ✕ ${t('users.inactive')}`}
        </p>
        <p className="text-sm text-neutral-600">
          {t('userPage.lastSignIn')}: {user.lastSignInAt ? formatLocalDateTime(locale, user.lastSignInAt) : t('users.never')}
        </p>
      </div>
      {created ? <SuccessNoteStatic>{t('userForm.created')}</SuccessNoteStatic> : null}

      <section aria-labelledby="access-title" className={section}>
        <h2 id="access-title" className="text-lg font-semibold">{t('userPage.access')}</h2>
        <EditUserForm
          options={options}
          user={{
            id: user.id, version: user.version, fullName: user.fullName, role: user.role, active: user.active,
            regionKato: user.region?.kato ?? null, unitId: user.unitId, centralBodyCode: user.centralBody?.code ?? null,
          }}
        />
      </section>

      <section aria-labelledby="password-title" className={section}>
        <h2 id="password-title" className="text-lg font-semibold">{t('userPage.passwordTitle')}</h2>
        <p className="text-sm text-neutral-700">{t('userPage.passwordHint')}</p>
        <ResetPasswordForm userId={user.id} />
      </section>

      <section aria-labelledby="factor-title" className={section}>
        <h2 id="factor-title" className="text-lg font-semibold">{t('userPage.secondFactorTitle')}</h2>
        <ResetSecondFactorForm userId={user.id} enabled={user.totpEnabled} />
      </section>

      <section aria-labelledby="tokens-title" className={section}>
        <h2 id="tokens-title" className="text-lg font-semibold">{t('tokens.title')}</h2>
        <p className="text-sm text-neutral-700">{t('tokens.hint')}</p>
        <TokensTable tokens={tokens} now={new Date()} />
        <h3 className="pt-2 font-semibold">{t('tokens.issueTitle')}</h3>
        {user.role === 'ADMIN' ? (
          <p className="text-sm text-neutral-700">{t('tokens.ownerAdmin')}</p>
        ) : user.active ? (
          <IssueTokenForm userId={user.id} minDate={addYears(today, 0)} maxDate={addYears(today, TOKEN_MAX_YEARS)} />
        ) : (
          <p className="text-sm text-neutral-700">{t('tokens.ownerInactive')}</p>
        )}
      </section>
    </div>
  );
}
