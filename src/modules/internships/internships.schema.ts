import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.schema.ts';
import { companies, openings } from '../companies/companies.schema.ts';
import { municipalities } from '../municipalities/municipalities.schema.ts';
import { youth } from '../youth/youth.schema.ts';
import type { AttendanceValue, EarlyEndReason, Weekday, InternshipStatus, VitasStatus } from './internships.values.ts';

/** An internship: a young person, a company, an opening and a supervisor. */
export const internships = pgTable(
  'internships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    youthId: uuid('youth_id')
      .notNull()
      .references(() => youth.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    openingId: uuid('opening_id')
      .notNull()
      .references(() => openings.id),
    supervisorUserId: uuid('supervisor_user_id').references(() => users.id),
    /** The network consultant responsible for the start; gets the day-7 and day-12 alerts. */
    consultantUserId: uuid('consultant_user_id').references(() => users.id),
    status: text('status').$type<InternshipStatus>().notNull().default('planned'),
    weeklyHours: integer('weekly_hours').notNull(),
    /** What the young person does, in plain words (the work trail shows it). */
    tasks: text('tasks').notNull(),
    /** When the young person accepted the choice: the two-week start clock runs from here. */
    chosenAt: timestamp('chosen_at', { withTimezone: true }).notNull(),
    /**
     * When the young person confirmed the choice in the app. A round's or an offer's acceptance is
     * the confirmation; an internship the team planned waits for it, and its clock starts with it.
     */
    youthConfirmedAt: timestamp('youth_confirmed_at', { withTimezone: true }),
    agreedStart: date('agreed_start').notNull(),
    /** Why the agreed start is later than the municipality's start-within days after the choice ('' when it is not). */
    startLateReason: text('start_late_reason').notNull().default(''),
    /** The first day actually met: stops the start clock. */
    firstDay: date('first_day'),
    plannedEnd: date('planned_end').notNull(),
    actualEnd: date('actual_end'),
    endReason: text('end_reason').$type<EarlyEndReason>(),
    endNote: text('end_note').notNull().default(''),
    vitasStatus: text('vitas_status').$type<VitasStatus>().notNull().default('not_sent'),
    vitasReference: text('vitas_reference').notNull().default(''),
    vitasSentOn: date('vitas_sent_on'),
    vitasApprovedOn: date('vitas_approved_on'),
    /** Rotation: the internship this one follows. */
    previousId: uuid('previous_id'),
    // Day one, for the young person: when and where to meet, and what to bring.
    /** Local time "HH:MM" to meet on the first day. */
    firstDayTime: text('first_day_time'),
    /** Where to meet when it is not the opening's place ('' for the opening's place). */
    meetAt: text('meet_at').notNull().default(''),
    whatToBring: text('what_to_bring').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('internships_municipality_status_idx').on(t.municipalityId, t.status),
    index('internships_youth_idx').on(t.youthId),
    index('internships_company_idx').on(t.companyId),
    index('internships_supervisor_idx').on(t.supervisorUserId),
    // Free seats count the open internships of an opening.
    index('internships_opening_idx').on(t.openingId),
    // One internship at a time: rotation ends one before the next is planned.
    check('internships_hours_check', sql`weekly_hours between 15 and 37`),
    check('internships_first_day_time_check', sql`first_day_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    uniqueIndex('internships_one_open_idx')
      .on(t.youthId)
      .where(sql`status in ('planned', 'awaiting_approval', 'active', 'extended')`),
  ],
);

/** What happened to an internship and when: state changes, VITAS steps, extensions. */
export const internshipEvents = pgTable(
  'internship_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    internshipId: uuid('internship_id')
      .notNull()
      .references(() => internships.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull(),
    byUserId: uuid('by_user_id').references(() => users.id),
  },
  (t) => [index('internship_events_internship_idx').on(t.internshipId, t.at)],
);

export const extensionStatuses = ['requested', 'agreed', 'withdrawn'] as const;
export type ExtensionStatus = (typeof extensionStatuses)[number];

/** An extension: asked for by one side, agreed by both, then noted for the jobcentre's approval. */
export const internshipExtensions = pgTable(
  'internship_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    internshipId: uuid('internship_id')
      .notNull()
      .references(() => internships.id, { onDelete: 'cascade' }),
    newEnd: date('new_end').notNull(),
    reason: text('reason').notNull().default(''),
    requestedBy: text('requested_by').$type<'company' | 'youth' | 'team'>().notNull(),
    requestedByUserId: uuid('requested_by_user_id').references(() => users.id),
    companyAgreedAt: timestamp('company_agreed_at', { withTimezone: true }),
    youthAgreedAt: timestamp('youth_agreed_at', { withTimezone: true }),
    status: text('status').$type<ExtensionStatus>().notNull().default('requested'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('internship_extensions_internship_idx').on(t.internshipId),
    uniqueIndex('internship_extensions_one_open_idx')
      .on(t.internshipId)
      .where(sql`status = 'requested'`),
  ],
);

export type Attendance = Record<Weekday, AttendanceValue>;

/** The company's weekly feedback: attendance per day, one thing done well, any concern. */
export const internshipFeedback = pgTable(
  'internship_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    internshipId: uuid('internship_id')
      .notNull()
      .references(() => internships.id, { onDelete: 'cascade' }),
    /** Monday of the week the feedback is about. */
    weekStart: date('week_start').notNull(),
    attendance: jsonb('attendance').$type<Attendance>().notNull(),
    /** Passed on to the young person as recognition. */
    didWell: text('did_well').notNull().default(''),
    /** Only for the team; marks the young person for the counsellor. */
    concern: text('concern').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    byUserId: uuid('by_user_id').references(() => users.id),
    viaLink: text('via_link'),
  },
  (t) => [uniqueIndex('internship_feedback_week_idx').on(t.internshipId, t.weekStart)],
);

/**
 * A signed single-use link for a supervisor who never logs in: bound to one internship and one
 * week, expires after 14 days. The token is the id and an HMAC over these fields; nothing secret is stored.
 */
export const feedbackLinks = pgTable(
  'feedback_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    internshipId: uuid('internship_id')
      .notNull()
      .references(() => internships.id, { onDelete: 'cascade' }),
    weekStart: date('week_start').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('feedback_links_week_idx').on(t.internshipId, t.weekStart)],
);

/** The young person's weekly check-in: three 0–10 scales and an optional comment. */
export const youthCheckins = pgTable(
  'youth_checkins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    youthId: uuid('youth_id')
      .notNull()
      .references(() => youth.id, { onDelete: 'cascade' }),
    weekStart: date('week_start').notNull(),
    wellbeing: integer('wellbeing').notNull(),
    workplace: integer('workplace'),
    network: integer('network').notNull(),
    comment: text('comment').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('youth_checkins_week_idx').on(t.youthId, t.weekStart),
    check(
      'youth_checkins_scale_check',
      sql`wellbeing between 0 and 10 and network between 0 and 10 and coalesce(workplace, 0) between 0 and 10`,
    ),
  ],
);

/** A follow-up meeting with the supervisor (the young person, the supervisor and the consultant). */
export const internshipMeetings = pgTable(
  'internship_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    internshipId: uuid('internship_id')
      .notNull()
      .references(() => internships.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    minutes: integer('minutes').notNull().default(60),
    place: text('place').notNull(),
    note: text('note').notNull().default(''),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('internship_meetings_internship_idx').on(t.internshipId, t.startsAt),
    check('internship_meetings_minutes_check', sql`minutes between 15 and 480`),
  ],
);
