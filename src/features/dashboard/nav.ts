import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Role } from '@/generated/prisma/enums';
import { type Permission, can } from '@/server/access/policy';
import type { NavGroup } from './components/nav-links';

// The left navigation, grouped by domain as DESIGN.md lists it. Each link shows only to roles
// that may open its page; the page checks the permission again.

type Item = { href: string; label: string; permission: Permission };

export async function navGroups(role: Role): Promise<NavGroup[]> {
  const [t, tn, te, ti, ts, tb] = await Promise.all([
    getTranslations('shell'), getTranslations('nav'), getTranslations('exports'), getTranslations('import'), getTranslations('submissions'), getTranslations('budgetRequests'),
  ]);
  const groups: Array<{ label: string; items: Item[] }> = [
    {
      label: t('groups.analytics'),
      items: [
        { href: '/', label: tn('overview'), permission: 'stats.national' },
        { href: '/regions', label: t('items.regions'), permission: 'stats.regions' },
      ],
    },
    {
      label: t('groups.records'),
      items: [
        { href: '/meetings', label: t('items.meetings'), permission: 'records.read' },
        { href: '/issues', label: t('items.issues'), permission: 'records.read' },
        { href: '/import', label: ti('title'), permission: 'records.write' },
        { href: '/submissions', label: ts('title'), permission: 'records.read' },
      ],
    },
    {
      label: t('groups.central'),
      items: [
        { href: '/central', label: t('items.central'), permission: 'stats.national' },
        { href: '/escalations', label: t('items.escalations'), permission: 'stats.national' },
        { href: '/action-plans', label: t('items.actionPlans'), permission: 'stats.national' },
        { href: '/budget-requests', label: tb('nav'), permission: 'budget.read' },
        { href: '/entry/requests', label: tb('inboxNav'), permission: 'budget.decide' },
      ],
    },
    { label: te('nav'), items: [{ href: '/exports', label: te('nav'), permission: 'exports.tables' }] },
    {
      label: t('groups.account'),
      items: [
        { href: '/account/security', label: tn('account'), permission: 'account.self' },
        { href: '/admin/users', label: tn('users'), permission: 'users.manage' },
        { href: '/admin/audit', label: tn('audit'), permission: 'audit.read' },
      ],
    },
  ];
  return groups
    .map((g) => ({ label: g.label, items: g.items.filter((i) => can(role, i.permission)).map(({ href, label }) => ({ href, label })) }))
    .filter((g) => g.items.length > 0);
}
