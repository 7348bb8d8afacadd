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
  /** A leader in the municipality's labour-market administration: the programme overview, no individuals (#16). */
  'labour_market_leader',
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

/**
 * Who can be a network group's counsellor: the group is assigned to one team member — a youth
 * counsellor, or (seed 001) one of the network consultants, the team leader, the entrepreneur or
 * the psychologist. What the group's counsellor may do follows that assignment, not the role.
 */
export const groupCounsellorRoles: readonly Role[] = [
  'youth_counsellor',
  'network_consultant',
  'team_leader',
  'entrepreneur',
  'psychologist',
];
