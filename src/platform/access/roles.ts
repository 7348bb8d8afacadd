/** Roles held per municipality. */
export const municipalRoles = [
  'youth',
  'company_contact',
  'youth_counsellor',
  'network_consultant',
  'psychologist',
  'entrepreneur',
  'team_leader',
  'caseworker',
  'municipality_admin',
  'education_contact',
  'ngo_coordinator',
] as const;

/** Roles that span municipalities (their membership has no municipality). */
export const crossMunicipalRoles = ['programme_lead', 'researcher', 'system_admin'] as const;

export const roles = [...municipalRoles, ...crossMunicipalRoles] as const;
export type Role = (typeof roles)[number];
export type MunicipalRole = (typeof municipalRoles)[number];

/** The municipal team: the people who run the networks day to day. */
export const teamRoles: readonly Role[] = [
  'team_leader',
  'network_consultant',
  'youth_counsellor',
  'psychologist',
  'entrepreneur',
  'municipality_admin',
];
