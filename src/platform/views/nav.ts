import { type Actor, actorMunicipalityIds, can, invitableRoles, isCrossMunicipal } from '../access/policy.ts';
import { roles } from '../access/roles.ts';
import type { Translate } from '../i18n/i18n.ts';
import type { NavItem } from './page.ts';

/** Navigation by role, from the same policy the services enforce. */
export function navFor(actor: Actor | null, t: Translate, demo: boolean): NavItem[] {
  if (!actor) return [];
  const scopes: (string | null)[] = [...actorMunicipalityIds(actor), ...(isCrossMunicipal(actor) ? [null] : [])];
  const anyScope = (test: (m: string | null) => boolean) => scopes.some(test);
  const items: NavItem[] = [{ href: '/dashboard', label: t('nav.dashboard') }];
  const inMunicipality = (action: Parameters<typeof can>[1]) => anyScope((m) => m !== null && can(actor, action, [{ municipalityId: m }]));
  if (actor.memberships.some((m) => m.role === 'youth')) {
    items.push({ href: '/me/profile', label: t('nav.my_profile') });
    items.push({ href: '/me/offers', label: t('offer.nav') });
    items.push({ href: '/me/wishes', label: t('nav.my_wishes') });
    items.push({ href: '/me/group', label: t('nav.my_group') });
    items.push({ href: '/me/internships', label: t('nav.my_internships') });
    items.push({ href: '/me/movement', label: t('nav.my_movement') });
    items.push({ href: '/me/reports', label: t('nav.my_reports') });
    items.push({ href: '/me/notes', label: t('nav.my_notes') });
  }
  if (inMunicipality('youth.read')) items.push({ href: '/youth', label: t('nav.youth') });
  else if (inMunicipality('youth.read_shared')) items.push({ href: '/youth-directory', label: t('nav.youth_directory') });
  if (anyScope((m) => m !== null && can(actor, 'company.read', [{ municipalityId: m }])))
    items.push({ href: '/openings', label: t('nav.openings') });
  if (anyScope((m) => m !== null && can(actor, 'company.read_internal', [{ municipalityId: m }])))
    items.push({ href: '/companies', label: t('nav.companies') });
  if (inMunicipality('internship.read_concerns') || actor.companyIds?.length)
    items.push({ href: '/internships', label: t('nav.internships') });
  if (inMunicipality('match.read')) items.push({ href: '/matching', label: t('nav.matching') });
  if (inMunicipality('group.read')) {
    items.push({ href: '/groups', label: t('nav.groups') });
    items.push({ href: '/groups/week', label: t('nav.week') });
  }
  if (can(actor, 'trial.research', [{ municipalityId: null }])) items.push({ href: '/trials', label: t('nav.trials') });
  if (inMunicipality('time.log')) items.push({ href: '/time', label: t('nav.time') });
  // A caseworker receives the reports of their own young people (the policy's caseworkerUserId).
  const receives = anyScope((m) => m !== null && can(actor, 'report.receive', [{ municipalityId: m, caseworkerUserId: actor.userId }]));
  if (inMunicipality('report.read') || receives) items.push({ href: '/reports', label: t('nav.reports') });
  const ownCompany = actor.companyIds?.[0];
  if (ownCompany) {
    items.push({ href: `/companies/${ownCompany}`, label: t('nav.own_company') });
    items.push({ href: `/companies/${ownCompany}/wishes`, label: t('nav.company_wishes') });
    items.push({ href: `/companies/${ownCompany}/offers`, label: t('offer.company_nav') });
  }
  if (anyScope((m) => m !== null && can(actor, 'network_meeting.manage', [{ municipalityId: m }])))
    items.push({ href: '/network-meetings', label: t('nav.meetings') });
  if (anyScope((m) => roles.some((role) => can(actor, 'person.read', [{ municipalityId: m, role }])))) {
    items.push({ href: '/people', label: t('nav.people') });
  }
  if (anyScope((m) => invitableRoles(actor, m).length > 0)) items.push({ href: '/invitations/new', label: t('nav.invite') });
  if (can(actor, 'municipality.create', [{ municipalityId: null }]))
    items.push({ href: '/municipalities', label: t('nav.municipalities') });
  if (inMunicipality('dashboard.team')) items.push({ href: '/rules', label: t('rules.nav') });
  if (anyScope((m) => m !== null && can(actor, 'audit.read', [{ municipalityId: m }])))
    items.push({ href: '/audit', label: t('nav.audit') });
  // The contact details shown to the young people: for everyone who works with them.
  if (actor.memberships.some((m) => m.role !== 'youth')) items.push({ href: '/me/contact', label: t('nav.my_contact') });
  if (actor.memberships.some((m) => m.role === 'youth') || actor.companyIds?.length || inMunicipality('message.read'))
    items.push({ href: '/messages', label: t('nav.messages') });
  items.push({ href: '/me/notifications', label: t('nav.notifications') });
  items.push({ href: '/me/audit', label: t('nav.my_data') });
  if (demo && anyScope((m) => can(actor, 'outbox.read', [{ municipalityId: m }])))
    items.push({ href: '/dev/outbox', label: t('nav.outbox') });
  return items;
}
