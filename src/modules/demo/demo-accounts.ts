import type { Role } from '../../platform/access/roles.ts';
import { municipalRoles } from '../../platform/access/roles.ts';

export const DEMO_PASSWORD = 'nextwork-demo';

export interface DemoMunicipality {
  name: string;
  code: string;
  slug: string;
}

export const demoMunicipalities: DemoMunicipality[] = [
  { name: 'Roskilde', code: '265', slug: 'roskilde' },
  { name: 'Vejle', code: '630', slug: 'vejle' },
];

export interface DemoAccount {
  role: Role;
  email: string;
  password: string;
  municipality: string | null;
  /** A second young person's log-in: one with an offer waiting for an answer. */
  withOffer?: boolean;
}

const roleSlug: Record<Role, string> = {
  youth: 'ung',
  company_contact: 'virksomhed',
  youth_counsellor: 'ungevejleder',
  network_consultant: 'netvaerkskonsulent',
  psychologist: 'psykolog',
  entrepreneur: 'ivaerksaetter',
  team_leader: 'teamleder',
  caseworker: 'sagsbehandler',
  municipality_admin: 'admin',
  education_contact: 'uddannelse',
  ngo_coordinator: 'ngo',
  labour_market_leader: 'beskaeftigelsesleder',
  programme_lead: 'programleder',
  researcher: 'forsker',
  system_admin: 'systemadmin',
};

export function demoEmail(role: Role, municipality: DemoMunicipality | null): string {
  return municipality ? `${roleSlug[role]}@${municipality.slug}.nextwork.test` : `${roleSlug[role]}@nextwork.test`;
}

/** The demo young person who has a company's offer to answer (the other is in an internship). */
export function demoWithOfferEmail(municipality: DemoMunicipality): string {
  return `ung.tilbud@${municipality.slug}.nextwork.test`;
}

/** One log-in per role per demo municipality, plus the cross-municipal roles. */
export function demoAccounts(): DemoAccount[] {
  const perMunicipality = demoMunicipalities.flatMap((m) => [
    ...municipalRoles.map((role) => ({ role, email: demoEmail(role, m), password: DEMO_PASSWORD, municipality: m.name })),
    { role: 'youth' as const, email: demoWithOfferEmail(m), password: DEMO_PASSWORD, municipality: m.name, withOffer: true },
  ]);
  const cross = (['programme_lead', 'researcher', 'system_admin'] as const).map((role) => ({
    role,
    email: demoEmail(role, null),
    password: DEMO_PASSWORD,
    municipality: null,
  }));
  return [...perMunicipality, ...cross];
}
