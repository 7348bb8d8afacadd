import { type Role, groupCounsellorRoles, municipalRoles, teamRoles } from './roles.ts';

/**
 * The policy: which role may do which action, and to whom. Pure, so it is tested as a table and
 * sent to pages (render only what the policy allows).
 */
export type Action =
  | 'youth.refer'
  | 'youth.read'
  | 'youth.update_status'
  | 'youth.read_shared'
  | 'youth.edit_profile'
  | 'youth.people'
  | 'youth.casework'
  | 'youth.link_caseworker'
  | 'company.read'
  | 'company.read_internal'
  | 'company.create'
  | 'company.update'
  | 'company.crm'
  | 'opening.update'
  | 'opening.read_unpublished'
  | 'network_meeting.manage'
  | 'network_meeting.answer'
  | 'company.national'
  | 'internship.read'
  | 'internship.manage'
  | 'internship.feedback'
  | 'internship.read_concerns'
  | 'internship.extend'
  | 'internship.checkin'
  | 'internship.confirm'
  | 'internship.national'
  | 'internship.meeting'
  | 'internship.day_one'
  | 'internship.jobcentre'
  | 'match.wish'
  | 'group.read'
  | 'group.manage'
  | 'group.checkin'
  | 'group.post'
  | 'group.moderate'
  | 'group.session'
  | 'note.read'
  | 'note.write'
  | 'note.psychologist'
  | 'note.own'
  | 'note.private'
  | 'movement.read'
  | 'movement.score'
  | 'movement.own'
  | 'report.read'
  | 'report.write'
  | 'report.own'
  | 'report.receive'
  | 'trial.design'
  | 'trial.assign'
  | 'trial.outcomes'
  | 'trial.research'
  | 'time.log'
  | 'match.answer'
  | 'offer.make'
  | 'offer.answer'
  | 'match.read'
  | 'match.run'
  | 'municipality.create'
  | 'municipality.read'
  | 'municipality.configure'
  | 'person.read'
  | 'person.invite'
  | 'audit.read'
  | 'outbox.read'
  | 'dashboard.team'
  | 'programme.overview'
  | 'message.read'
  | 'message.write'
  | 'library.read'
  | 'library.publish'
  | 'library.curate'
  | 'passport.own'
  | 'passport.read'
  | 'passport.edit'
  | 'partnership.read'
  | 'partnership.manage'
  | 'partnership.handover'
  | 'data.export'
  | 'data.erase';

export interface Membership {
  role: Role;
  municipalityId: string | null;
}

export interface Actor {
  userId: string;
  name: string;
  email: string;
  memberships: Membership[];
  /** Companies the user is a contact person for (company-contact role). */
  companyIds?: string[];
}

/** What an action is done to: the municipality it belongs to and, for people, their role. */
export interface Target {
  municipalityId: string | null;
  role?: Role;
  /** For company records: the company, so contacts reach their own company only. */
  companyId?: string;
  /** For a young person's own records: their user id, so they reach only their own. */
  ownerUserId?: string | null;
  /**
   * For a group's space, its sessions and notes "only for my counsellor": the team member the group
   * is assigned to (its counsellor), who alone may moderate and read them.
   */
  counsellorUserId?: string | null;
  /** For a young person's casework (reports, jobcentre approval): the caseworker linked to them. */
  caseworkerUserId?: string | null;
  /**
   * For a young person's competence passport: the people the young person has named as readers,
   * with consent in force (the relation "recipient with consent"). Withdrawn consent is not here.
   */
  consentedUserIds?: readonly string[];
  /** For a partnership: the contacts of its education institution, who alone of their role reach it. */
  institutionContactUserIds?: readonly string[];
}

const everyone: readonly Role[] = [...municipalRoles];
const seesAllPeople: readonly Role[] = ['team_leader', 'network_consultant', 'youth_counsellor', 'psychologist', 'municipality_admin'];

/** Which target roles each actor role may read (person.read) within its municipality. */
const readablePeople: Partial<Record<Role, readonly Role[]>> = {
  ...Object.fromEntries(seesAllPeople.map((r) => [r, everyone])),
  entrepreneur: [...teamRoles, 'company_contact'],
};

/** Which roles each role may invite. */
const invitable: Partial<Record<Role, readonly Role[]>> = {
  system_admin: ['municipality_admin', 'programme_lead', 'researcher', 'system_admin'],
  municipality_admin: everyone,
  team_leader: everyone.filter((r) => r !== 'municipality_admin'),
  network_consultant: ['youth', 'company_contact'],
  youth_counsellor: ['youth'],
  entrepreneur: ['company_contact'],
};

/** The team members who run the company network. */
const companyTeam: readonly Role[] = ['team_leader', 'network_consultant', 'entrepreneur', 'municipality_admin'];
/** Actions a company contact may do, but only to their own company. */
const ownCompanyActions: readonly Action[] = [
  'company.update',
  'opening.update',
  'opening.read_unpublished',
  'internship.read',
  'internship.feedback',
  'internship.extend',
  'internship.meeting',
  'internship.day_one',
  'match.answer',
  'network_meeting.answer',
  'offer.make',
  'message.read',
  'message.write',
];
/** Actions a young person may do, but only to their own records. */
const ownYouthActions: readonly Action[] = [
  'youth.edit_profile',
  'youth.people',
  'internship.read',
  'internship.extend',
  'internship.checkin',
  'internship.confirm',
  'match.wish',
  'offer.answer',
  'group.checkin',
  'group.post',
  'note.own',
  'movement.own',
  'report.own',
  'message.read',
  'message.write',
  'passport.own',
  'data.export',
];

/**
 * Actions a jobcentre caseworker may do, but only for the young people linked to them (not every
 * young person of their municipality): read their status, receive their reports, approve internships.
 */
const ownCaseworkActions: readonly Action[] = ['youth.casework', 'report.receive', 'internship.jobcentre'];

/** The team members who work with the young people day to day. */
const youthTeam: readonly Role[] = ['team_leader', 'network_consultant', 'youth_counsellor', 'municipality_admin'];
/** ViVirk'R's partnerships: the team that runs them, and the institution's own contacts (relation). */
const partnershipTeam: readonly Role[] = ['team_leader', 'network_consultant', 'municipality_admin'];

/** The youth team in conversations with a young person (modules/messages: conversationTeamRoles). */
const messageTeam: readonly Role[] = ['team_leader', 'network_consultant', 'youth_counsellor'];

const plainActions: Record<Exclude<Action, 'person.read' | 'person.invite'>, readonly Role[]> = {
  'youth.refer': youthTeam,
  'youth.read': [...youthTeam, 'psychologist'],
  'youth.update_status': youthTeam,
  'youth.read_shared': [...youthTeam, 'psychologist', 'entrepreneur', 'company_contact'],
  'youth.edit_profile': ['youth'],
  // "Mine folk": the young person's own counsellor, consultant and supervisor.
  'youth.people': ['youth'],
  // The jobcentre caseworker follows their own young people; the team links them.
  'youth.casework': ['caseworker'],
  'youth.link_caseworker': youthTeam,
  'company.read': [...municipalRoles],
  'company.read_internal': [...companyTeam, 'youth_counsellor'],
  'company.create': companyTeam,
  'company.update': companyTeam,
  'company.crm': companyTeam,
  'opening.update': companyTeam,
  'opening.read_unpublished': [...companyTeam, 'youth_counsellor'],
  // The team plans network meetings, invites and records who came; each contact of an invited
  // company answers for themselves (decision 0031).
  'network_meeting.manage': companyTeam,
  'network_meeting.answer': ['company_contact'],
  // Counting the companies across municipalities once each, by CVR (the programme's overview).
  'company.national': ['programme_lead', 'system_admin'],
  'internship.read': [...youthTeam, 'psychologist', 'company_contact', 'youth'],
  'internship.manage': youthTeam,
  'internship.feedback': [...youthTeam, 'company_contact'],
  'internship.read_concerns': [...youthTeam, 'psychologist'],
  'internship.extend': [...youthTeam, 'company_contact', 'youth'],
  'internship.checkin': ['youth'],
  // The young person confirms an internship the team planned for them: their choice starts the clock.
  'internship.confirm': ['youth'],
  'internship.national': ['programme_lead', 'system_admin'],
  'internship.meeting': [...youthTeam, 'company_contact'],
  // Day one (meeting time, place, what to bring): the team, or the company's own contact.
  'internship.day_one': [...youthTeam, 'company_contact'],
  // The jobcentre's approval (VITAS), recorded by the young person's own caseworker.
  'internship.jobcentre': ['caseworker'],
  // The young person ranks their own wishes; companies answer for their own openings (the team may
  // record an answer given by phone); the network consultants run the rounds.
  'match.wish': ['youth'],
  'group.read': [...youthTeam, 'psychologist'],
  'group.manage': ['youth_counsellor', 'team_leader', 'network_consultant', 'municipality_admin'],
  'group.checkin': ['youth'],
  // The group space is the group's own: its members post, and only the team member assigned as the
  // group's counsellor reads and moderates it (whatever their role: groupCounsellorRoles).
  'group.post': ['youth'],
  'group.moderate': groupCounsellorRoles,
  // Running the group's meetings: whoever manages groups, and the group's assigned counsellor.
  'group.session': ['youth_counsellor', 'team_leader', 'network_consultant', 'municipality_admin'],
  // 1:1 notes: the team logs and reads conversations; psychologists' notes are theirs alone —
  // not the team leader's, not an administrator's, never a company's or a caseworker's.
  'note.read': [...teamRoles],
  'note.write': [...youthTeam],
  'note.psychologist': ['psychologist'],
  'note.own': ['youth'],
  // A young person's note "only for my counsellor": their group's assigned counsellor, no one else.
  'note.private': groupCounsellorRoles,
  // Movement scores and the 6-weekly report: the youth team scores and writes; the young person
  // scores beside it and reads their own reports; a caseworker receives only the sent reports of the
  // young people linked to them.
  'movement.read': [...youthTeam, 'psychologist'],
  'movement.score': ['youth_counsellor', 'network_consultant', 'team_leader'],
  'movement.own': ['youth'],
  'report.read': youthTeam,
  'report.write': ['youth_counsellor', 'network_consultant', 'team_leader'],
  'report.own': ['youth'],
  'report.receive': ['caseworker'],
  // The trial: researchers design it and read pseudonymous results; frontline staff assign at
  // referral (and see only that person's arm); the team leader and administrator bring in outcomes.
  'trial.design': ['researcher'],
  'trial.assign': youthTeam,
  'trial.outcomes': ['team_leader', 'municipality_admin'],
  'trial.research': ['researcher'],
  'time.log': [...teamRoles],
  'match.answer': [...companyTeam, 'company_contact'],
  // A company offers an internship directly (the team may on its behalf, after a phone call); only
  // the young person answers it.
  'offer.make': [...companyTeam, 'company_contact'],
  'offer.answer': ['youth'],
  'match.read': [...youthTeam, 'entrepreneur'],
  'match.run': ['team_leader', 'network_consultant', 'municipality_admin'],
  'municipality.create': ['system_admin'],
  'municipality.read': [...roles()],
  // The model's numbers (internship length, start within, group sizes…): the municipality's leaders.
  'municipality.configure': ['team_leader', 'municipality_admin', 'system_admin'],
  'audit.read': ['municipality_admin', 'team_leader', 'system_admin'],
  'outbox.read': ['municipality_admin', 'system_admin'],
  'dashboard.team': [...teamRoles],
  // The programme's overview (#16): counts and rates only, small counts protected. The programme
  // lead sees every municipality; a labour-market leader their own beside the programme's totals.
  'programme.overview': ['programme_lead', 'labour_market_leader'],
  // Messages: the young person in their own conversations, a company's contacts in their company's,
  // and the youth team in every conversation of their municipality's young people. Never a
  // psychologist (their notes are not messages), an administrator or a caseworker.
  'message.read': [...messageTeam, 'youth', 'company_contact'],
  'message.write': [...messageTeam, 'youth', 'company_contact'],
  // The shared learning library (NExTWORK United): every municipality's team reads and publishes;
  // the programme lead publishes and curates. Never a company, a young person or a caseworker.
  'library.read': [...teamRoles, 'programme_lead', 'system_admin'],
  'library.publish': [...teamRoles, 'programme_lead'],
  'library.curate': ['programme_lead', 'system_admin'],
  // The competence passport (#17, decision 0030): the young person writes it and names who may read
  // it. A reader needs both a role here and the young person's consent in force (consentActions):
  // no one reads it by role alone, not the team leader, not an administrator.
  'passport.own': ['youth'],
  'passport.read': [...youthTeam, 'psychologist', 'caseworker', 'company_contact', 'education_contact'],
  // Writing with the young person: the youth team and the education contact, when named by them.
  'passport.edit': [...youthTeam, 'education_contact'],
  // Partnerships (#17): the team registers institutions and agreements and adds young people; the
  // youth team reads them, and an education contact reads only their own institution's.
  'partnership.read': [...youthTeam, 'education_contact'],
  'partnership.manage': partnershipTeam,
  // The hand-over: an education contact asks the team to take a young person of their own
  // institution's partnership in; the team refers them (youth.refer) to accept.
  'partnership.handover': ['education_contact'],
  // The young person's data export (GDPR art. 15 and 20): their own, from their pages; the youth
  // team's, for a request received by letter (decision 0027).
  'data.export': [...youthTeam, 'youth'],
  // Erasure on request (art. 17): the municipality's leaders, after a confirm step.
  'data.erase': ['team_leader', 'municipality_admin'],
};

/** Programme-wide actions: their records belong to no one municipality, so every municipality's members reach them. */
export const programmeActions: readonly Action[] = ['library.read', 'library.publish', 'library.curate'];

/** Actions allowed only to a person the young person has named, with consent in force. */
const consentActions: readonly Action[] = ['passport.read', 'passport.edit'];

function roles(): Role[] {
  return [...municipalRoles, 'programme_lead', 'researcher', 'system_admin'];
}

function membershipAllows(actor: Actor, m: Membership, action: Action, target: Target): boolean {
  if (programmeActions.includes(action)) return plainActions[action as keyof typeof plainActions].includes(m.role);
  // A municipal membership reaches only its own municipality; a cross-municipal one reaches all.
  if (m.municipalityId !== null && m.municipalityId !== target.municipalityId) return false;
  if (m.role === 'youth' && ownYouthActions.includes(action)) return !!target.ownerUserId && target.ownerUserId === actor.userId;
  if (m.role === 'company_contact' && ownCompanyActions.includes(action)) {
    return !!target.companyId && !!actor.companyIds?.includes(target.companyId);
  }
  if (m.role === 'caseworker' && ownCaseworkActions.includes(action))
    return !!target.caseworkerUserId && target.caseworkerUserId === actor.userId;
  if (m.role === 'education_contact' && (action === 'partnership.read' || action === 'partnership.handover'))
    return !!target.institutionContactUserIds?.includes(actor.userId);
  if (consentActions.includes(action))
    return plainActions[action as keyof typeof plainActions].includes(m.role) && !!target.consentedUserIds?.includes(actor.userId);
  // The group's counsellor is an assignment: a team member of the group's municipality who is its counsellor.
  const assigned = groupCounsellorRoles.includes(m.role) && !!target.counsellorUserId && target.counsellorUserId === actor.userId;
  if (action === 'group.moderate' || action === 'note.private') return assigned;
  if (action === 'group.session' || action === 'group.read') return assigned || plainActions[action].includes(m.role);
  if (action === 'person.read') return !!target.role && !!readablePeople[m.role]?.includes(target.role);
  if (action === 'person.invite') {
    if (!target.role || !invitable[m.role]?.includes(target.role)) return false;
    // Cross-municipal roles are invited with no municipality; municipal roles always with one.
    const crossRole = !(municipalRoles as readonly string[]).includes(target.role);
    return crossRole ? target.municipalityId === null : target.municipalityId !== null;
  }
  return plainActions[action].includes(m.role);
}

/** The membership that allows this action on this target, or undefined. */
export function grantingMembership(actor: Actor, action: Action, target: Target): Membership | undefined {
  return actor.memberships.find((m) => membershipAllows(actor, m, action, target));
}

/** Set-based: true only when every target is allowed. */
export function can(actor: Actor, action: Action, targets: readonly Target[]): boolean {
  return targets.every((t) => grantingMembership(actor, action, t) !== undefined);
}

/** The roles this actor may invite in a municipality (for the invitation form). */
export function invitableRoles(actor: Actor, municipalityId: string | null): Role[] {
  return roles().filter((role) => can(actor, 'person.invite', [{ municipalityId, role }]));
}

/** Municipalities in which the actor holds any role. */
export function actorMunicipalityIds(actor: Actor): string[] {
  return [...new Set(actor.memberships.flatMap((m) => (m.municipalityId ? [m.municipalityId] : [])))];
}

export function isCrossMunicipal(actor: Actor): boolean {
  return actor.memberships.some((m) => m.municipalityId === null);
}
