import { type SQL, sql } from 'drizzle-orm';

/**
 * Where a young person's data lives: every table that refers to a young person or a user, either
 * as a source of their export (GDPR art. 15 and 20) or listed as not exported, with the reason.
 * `test/service/data-rights.test.ts` reads the database catalog and fails when a column that
 * refers to a person (a foreign key to `youth` or `users`, or a name like `youth_id`, `*_user_id`)
 * is in neither — so a new table cannot be forgotten (decision 0027).
 */
export interface Source {
  /** The table, and the section's key in the export (labels: `data.section.<table>`). */
  table: string;
  /** The person columns by which the young person's rows are chosen (they hold the young person or their account). */
  subject: readonly string[];
  /** Person columns that name someone else (the staff member who wrote, changed or approved): shown by name. */
  others?: readonly string[];
  /** The rows: `youth` is the young person's id, `user` their account's (null before they accepted their invitation). */
  where: (p: { youth: SQL; user: SQL }) => SQL;
  /** Columns left out, each with its reason (decision 0027). */
  omit?: Readonly<Record<string, string>>;
  /** The order of the rows. */
  order?: string;
}

const ofInternships = (p: { youth: SQL }) => sql`internship_id in (select id from internships where youth_id = ${p.youth})`;

export const sources: readonly Source[] = [
  {
    table: 'youth',
    subject: ['id', 'user_id'],
    others: ['caseworker_user_id'],
    where: (p) => sql`id = ${p.youth}`,
    omit: {
      cpr_sealed:
        'The CPR number is kept sealed; the export says it is held and shows the birth date, so the file is not a CPR number on a shared device.',
      cpr_hash: 'A keyed hash of the CPR number, to refuse a second referral: not information about the person beyond the CPR number.',
    },
  },
  {
    table: 'users',
    subject: ['id'],
    where: (p) => sql`id = ${p.user}`,
    omit: { password_hash: 'A one-way hash of the password: a security secret, and not readable information.' },
  },
  { table: 'memberships', subject: ['user_id'], where: (p) => sql`user_id = ${p.user}`, order: 'created_at' },
  { table: 'youth_status_history', subject: ['youth_id'], others: ['by_user_id'], where: (p) => sql`youth_id = ${p.youth}`, order: 'at' },
  { table: 'youth_photos', subject: ['youth_id'], where: (p) => sql`youth_id = ${p.youth}` },
  { table: 'youth_checkins', subject: ['youth_id'], where: (p) => sql`youth_id = ${p.youth}`, order: 'week_start' },
  { table: 'report_consents', subject: ['youth_id'], where: (p) => sql`youth_id = ${p.youth}` },
  { table: 'wishes', subject: ['youth_id'], where: (p) => sql`youth_id = ${p.youth}`, order: 'rank' },
  {
    table: 'company_answers',
    subject: ['youth_id'],
    others: ['by_user_id'],
    where: (p) => sql`youth_id = ${p.youth}`,
    order: 'answered_at',
  },
  { table: 'direct_invitations', subject: ['youth_id'], others: ['by_user_id'], where: (p) => sql`youth_id = ${p.youth}`, order: 'at' },
  {
    table: 'internship_offers',
    subject: ['youth_id'],
    others: ['made_by_user_id', 'closed_by_user_id'],
    where: (p) => sql`youth_id = ${p.youth}`,
    order: 'made_at',
  },
  { table: 'match_event_youth', subject: ['youth_id'], where: (p) => sql`youth_id = ${p.youth}` },
  {
    table: 'match_events',
    subject: [],
    others: ['created_by_user_id'],
    where: (p) => sql`id in (select event_id from match_event_youth where youth_id = ${p.youth})`,
    omit: { programme: "The event's programme for everyone invited: not information about the young person." },
    order: 'starts_at',
  },
  { table: 'round_placements', subject: ['youth_id'], where: (p) => sql`youth_id = ${p.youth}`, order: 'decided_at' },
  {
    table: 'internships',
    subject: ['youth_id'],
    others: ['supervisor_user_id', 'consultant_user_id'],
    where: (p) => sql`youth_id = ${p.youth}`,
    order: 'created_at',
  },
  { table: 'internship_events', subject: [], others: ['by_user_id'], where: ofInternships, order: 'at' },
  { table: 'internship_extensions', subject: [], others: ['requested_by_user_id'], where: ofInternships, order: 'created_at' },
  { table: 'internship_feedback', subject: [], others: ['by_user_id'], where: ofInternships, order: 'week_start' },
  { table: 'internship_meetings', subject: [], others: ['created_by_user_id'], where: ofInternships, order: 'starts_at' },
  { table: 'group_members', subject: ['youth_id'], where: (p) => sql`youth_id = ${p.youth}`, order: 'joined_at' },
  {
    table: 'network_groups',
    subject: [],
    others: ['counsellor_user_id'],
    where: (p) => sql`id in (select group_id from group_members where youth_id = ${p.youth})`,
    order: 'created_at',
  },
  {
    table: 'group_sessions',
    subject: [],
    others: ['created_by_user_id'],
    where: (p) => sql`id in (select session_id from session_attendance where youth_id = ${p.youth})`,
    omit: { note: "The counsellor's note on a session is about the whole group, and may name other young people (art. 15(4))." },
    order: 'held_on',
  },
  { table: 'session_attendance', subject: ['youth_id'], where: (p) => sql`youth_id = ${p.youth}` },
  { table: 'session_checkins', subject: ['youth_id'], where: (p) => sql`youth_id = ${p.youth}`, order: 'submitted_at' },
  // Only the young person's own posts and replies: other young people's words are theirs (art. 15(4)).
  {
    table: 'group_posts',
    subject: ['author_user_id'],
    others: ['hidden_by_user_id'],
    where: (p) => sql`author_user_id = ${p.user}`,
    order: 'created_at',
  },
  {
    table: 'group_post_replies',
    subject: ['author_user_id'],
    others: ['hidden_by_user_id'],
    where: (p) => sql`author_user_id = ${p.user}`,
    order: 'created_at',
  },
  {
    table: 'support_notes',
    subject: ['youth_id'],
    others: ['author_user_id', 'only_for_user_id'],
    // The young person's own notes in full; the psychologist's notes in full once a psychologist
    // said yes to reading them; otherwise (and the team's notes) that a note exists, its date and
    // form, not its text: `note` and `next_step` are emptied below (decision 0027).
    where: (p) => sql`youth_id = ${p.youth}`,
    order: 'held_on',
  },
  {
    table: 'note_read_requests',
    subject: ['youth_id'],
    others: ['answered_by_user_id'],
    where: (p) => sql`youth_id = ${p.youth}`,
    order: 'asked_at',
  },
  {
    table: 'movement_assessments',
    subject: ['youth_id'],
    others: ['author_user_id'],
    where: (p) => sql`youth_id = ${p.youth}`,
    order: 'assessed_on',
  },
  {
    table: 'movement_reports',
    subject: ['youth_id'],
    others: ['approved_by_user_id'],
    where: (p) => sql`youth_id = ${p.youth}`,
    order: 'period_start',
  },
  { table: 'conversations', subject: ['youth_id'], where: (p) => sql`youth_id = ${p.youth}`, order: 'created_at' },
  {
    table: 'conversation_messages',
    subject: ['author_user_id'],
    where: (p) => sql`conversation_id in (select id from conversations where youth_id = ${p.youth}) or author_user_id = ${p.user}`,
    order: 'created_at',
  },
  { table: 'conversation_reads', subject: ['user_id'], where: (p) => sql`user_id = ${p.user}` },
  { table: 'notifications', subject: ['user_id'], where: (p) => sql`user_id = ${p.user}`, order: 'created_at' },
  { table: 'notification_preferences', subject: ['user_id'], where: (p) => sql`user_id = ${p.user}` },
  {
    table: 'staff_time',
    subject: ['youth_id'],
    others: ['user_id'],
    where: (p) => sql`youth_id = ${p.youth}`,
    order: 'created_at',
  },
  {
    table: 'trial_participants',
    subject: ['youth_id'],
    others: ['assigned_by_user_id'],
    where: (p) => sql`youth_id = ${p.youth}`,
    omit: {
      cpr_sealed: 'The CPR number, sealed: see youth.cpr_sealed.',
      subject_hash: 'A keyed hash of the CPR number that pseudonymises the research data (decision 0014).',
      previous_hash: "The assignment chain's hashes prove the lottery was not rerun; they are not information about the person.",
      hash: "The assignment chain's hashes prove the lottery was not rerun; they are not information about the person.",
      research_id: 'The research pseudonym: handing it out would link the pseudonymised research data to the person (decision 0014).',
    },
  },
  {
    table: 'trial_outcomes',
    subject: [],
    where: (p) => sql`participant_id in (select id from trial_participants where youth_id = ${p.youth})`,
    order: 'recorded_at',
  },
  // Leaving the programme, and how it went after (#16).
  { table: 'youth_exits', subject: ['youth_id'], others: ['by_user_id'], where: (p) => sql`youth_id = ${p.youth}` },
  {
    table: 'youth_exit_followups',
    subject: ['youth_id'],
    others: ['by_user_id'],
    where: (p) => sql`youth_id = ${p.youth}`,
    order: 'months',
  },
  // The competence passport and whom the young person let read it (#17).
  { table: 'passports', subject: ['youth_id'], others: ['updated_by_user_id'], where: (p) => sql`youth_id = ${p.youth}` },
  {
    table: 'passport_consents',
    subject: [],
    others: ['recipient_user_id'],
    where: (p) => sql`passport_id in (select id from passports where youth_id = ${p.youth})`,
    order: 'granted_at',
  },
  { table: 'partnership_youth', subject: ['youth_id'], others: ['added_by_user_id'], where: (p) => sql`youth_id = ${p.youth}` },
  {
    table: 'partnership_handovers',
    subject: ['youth_id'],
    others: ['requested_by_user_id', 'decided_by_user_id'],
    where: (p) => sql`youth_id = ${p.youth}`,
    order: 'requested_at',
  },
  // Text messages sent to them, and the MitID (OpenID Connect) identity linked to their account (#18).
  { table: 'sms_messages', subject: ['user_id'], where: (p) => sql`user_id = ${p.user}`, order: 'created_at' },
  { table: 'oidc_identities', subject: ['user_id'], where: (p) => sql`user_id = ${p.user}` },
  // Who saw or changed the young person's data, and what they did themselves (also /me/audit).
  {
    table: 'audit_events',
    subject: ['subject_user_id', 'actor_user_id'],
    where: (p) => sql`subject_user_id = ${p.user} or actor_user_id = ${p.user} or (target_type = 'youth' and target_id = ${p.youth}::text)`,
    omit: { request_id: 'A technical id that ties entries of one request together: no information about the person.' },
    order: 'id',
  },
];

/**
 * Tables that refer to a person but are not in the export, with the reason. The young person's
 * part of them is either a security secret or lies in another table that is exported.
 */
export const notExported: Readonly<Record<string, string>> = {
  sessions: 'Sign-in sessions: hashes of cookie tokens, kept at most 12 hours; a security secret, not information about the person.',
  one_time_tokens:
    'Hashed sign-in links and invitations, valid for days: security secrets; the name and email they carry are in the account and profile.',
  calendar_feeds:
    "The hash of the personal calendar link's token: a security secret; the calendar's content is exported (internships, meetings, events).",
  matching_rounds:
    "A round's input and statistics cover every young person and opening in the round; the young person's part is exported as their wishes and placements.",
  company_contacts: 'Who are contact persons for a company: a young person is never a company contact.',
  company_contact_log: "The company network's contact log: staff's work with companies, not about young people.",
  company_status_history: "The company's status in the network, changed by staff: not about young people.",
  openings:
    "Openings and their supervisor: the company's, not about young people (the young person's openings are named in wishes, offers and internships).",
  trials: "The trial itself (its design, by a researcher): the young person's part is exported as their trial participation.",
  trial_economics: "The trial's prices, entered by staff: not about young people.",
  network_meetings: "The company network's meetings, planned by staff: not about young people.",
  network_meeting_answers: "Company contacts' answers to network meetings: a young person is never a company contact.",
  group_session_guests: "A company's visit to a network group, planned by staff: about the group's meeting, not about a young person.",
  library_entries: "The staff's shared library of methods and anonymised stories: it must hold no personal data about young people.",
  institution_contacts: 'Who are contact persons for an education institution: a young person is never one.',
};

/** The columns that name a record, to show names instead of ids in the readable document. */
export const references: Readonly<Record<string, { table: string; column: string }>> = {
  municipality_id: { table: 'municipalities', column: 'name' },
  company_id: { table: 'companies', column: 'name' },
  opening_id: { table: 'openings', column: 'title' },
  group_id: { table: 'network_groups', column: 'name' },
  event_id: { table: 'match_events', column: 'title' },
  trial_id: { table: 'trials', column: 'name' },
};

/**
 * Tables where rows about an erased young person stay, anonymised (their free texts emptied, the
 * youth record and account as tombstones), and why. Every other table holds no row about them after
 * an erasure; `test/service/data-rights.test.ts` checks both against the catalog.
 */
export const keptAfterErasure: Readonly<Record<string, string>> = {
  youth: 'The record, without name, CPR number, contact details or profile: counts by status and the links below need it.',
  users: 'The account, closed, without name, email or phone: the audit log and the rows below refer to it.',
  youth_status_history: 'Status changes (codes and dates): the course lengths on the dashboard and in the evaluation.',
  wishes: 'Which openings were wished, in which order, without the reason: the matching statistics.',
  company_answers: "Companies' answers (codes): the matching statistics.",
  direct_invitations: "That an invitation was sent, without its message: the companies' activity figures.",
  internship_offers: 'Offers and their answers (codes and dates), without messages: the offer figures.',
  match_event_youth: 'Answers to match events (codes): attendance figures.',
  round_placements: "A round's placements: the round's published result must stay whole.",
  internships: "Internships (company, dates, status, hours), without free texts: the internship figures and the companies' history.",
  group_members: 'Group membership (dates): group sizes over time.',
  session_attendance: "Attendance (codes): the groups' attendance figures.",
  movement_assessments: 'Scores without their reasons: the progress figures of the municipality.',
  staff_time: "The team's logged minutes, without the note: the trial's cost figures.",
  group_posts: "The young person's posts, emptied and hidden: other young people's replies to them stay in their thread.",
  youth_exits: 'How and when the young person left (codes and a date): the exit and retention figures.',
  youth_exit_followups: "Follow-ups after the exit (codes): the municipality's retention figures.",
  partnership_youth: "Membership of a partnership (a date): the partnership's count against its target.",
  audit_events: 'The audit log is append-only (decision 0002) and kept for its own period: it documents who saw the data.',
};
