import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Disposition } from '@/generated/prisma/enums';
import { pickName } from '@/i18n/pick-name';
import { can } from '@/server/access/policy';
import type { Caller } from '@/server/auth/caller';
import { halfYearOf, todayInKazakhstan } from '@/lib/calendar';
import { bodyOptions } from '@/server/records/options';
import { escalationsToDecide } from '../queries';
import { DecideEscalationForm, ProposeEscalationForm } from './escalation-forms';

/** On an issue's page: propose it for the central-level list, and decide the entries the caller may decide. */
export async function IssueEscalations({ caller, issue }: { caller: Caller; issue: { id: number; meetingKind: 'AKIM' | 'CENTRAL' } }) {
  const mayPropose = can(caller.role, 'escalations.propose') && issue.meetingKind === 'AKIM';
  const [te, tc, tr, locale, format, bodies, escalations] = await Promise.all([
    getTranslations('entry.escalationForms'), getTranslations('codes'), getTranslations('records'), getLocale(), getFormatter(),
    mayPropose ? bodyOptions() : [],
    escalationsToDecide(caller, issue.id),
  ]);
  if (!mayPropose && escalations.length === 0) return null;
  const current = halfYearOf(todayInKazakhstan());
  const dispositions = Object.values(Disposition).map((d) => ({ value: d, label: tc(`disposition.${d}`) }));
  return (
    <div className="grid gap-8 lg:grid-cols-2">
      {mayPropose ? (
        <ProposeEscalationForm issueId={issue.id} bodies={bodies}
          year={current.year} half={current.half} />
      ) : null}
      {escalations.length > 0 ? (
        <div className="space-y-3">
          <h3 className="text-lg font-semibold">{te('decideTitle')}</h3>
          {escalations.map((e) => (
            <DecideEscalationForm key={e.id} dispositions={dispositions}
              escalation={{
                id: e.id, version: e.version, label: te('listLabel', { year: e.year, half: e.half, body: pickName(locale, e.centralBody) }),
                disposition: e.disposition, dispositionLabel: e.disposition ? tc(`disposition.${e.disposition}`) : '',
                amount: e.republicanAmountKzt?.toString() ?? null, amountLabel: e.republicanAmountKzt === null ? '' : format.number(e.republicanAmountKzt),
                selected: e.selected, selectedLabel: e.selected ? tr('yes') : tr('no'),
              }} />
          ))}
        </div>
      ) : null}
    </div>
  );
}
