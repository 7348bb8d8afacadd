import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});
import { users } from '../accounts/accounts.schema.ts';
import { municipalities } from '../municipalities/municipalities.schema.ts';
import type { ExitKind, FollowupOutcome, TargetGroup, Visibility, YouthStatus } from './youth.values.ts';

/** A young person in the youth network: the team's intake, and the profile in their own words. */
export const youth = pgTable(
  'youth',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    userId: uuid('user_id').references(() => users.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email').notNull(),
    phone: text('phone').notNull().default(''),
    /** AES-256-GCM sealed; never in logs, URLs or API output. */
    cprSealed: text('cpr_sealed').notNull(),
    /** Keyed hash, to refuse a second referral of the same person. */
    cprHash: text('cpr_hash').notNull(),
    birthDate: date('birth_date').notNull(),
    /** The caseworker's name as written at referral: kept as history, shown when no user is linked. */
    referringCaseworker: text('referring_caseworker').notNull(),
    /** The jobcentre caseworker (a user with the caseworker role) who receives the 6-weekly reports. */
    caseworkerUserId: uuid('caseworker_user_id').references(() => users.id),
    referredOn: date('referred_on').notNull(),
    hoursPossible: integer('hours_possible').notNull(),
    eligibilityNote: text('eligibility_note').notNull().default(''),
    /** The target group at referral (youth.values: targetGroups); null when not given (older records). */
    targetGroup: text('target_group').$type<TargetGroup>(),
    status: text('status').$type<YouthStatus>().notNull().default('referred'),
    statusSince: timestamp('status_since', { withTimezone: true }).notNull(),
    // The profile, in the young person's own words.
    wishToTry: text('wish_to_try').notNull().default(''),
    goodAt: text('good_at').notNull().default(''),
    mattersAtWork: text('matters_at_work').notNull().default(''),
    practicalHours: text('practical_hours').notNull().default(''),
    practicalTransport: text('practical_transport').notNull().default(''),
    canStartOn: date('can_start_on'),
    visibility: jsonb('visibility').$type<Visibility>().notNull(),
    /** When the optional photo was last uploaded; null when there is none. */
    photoUpdatedAt: timestamp('photo_updated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /**
     * When the personal data was erased (on request or by the retention job, decision 0027): the
     * row is kept, anonymised, so counts and the research data stay consistent.
     */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('youth_municipality_cpr_idx').on(t.municipalityId, t.cprHash),
    uniqueIndex('youth_user_idx').on(t.userId),
    index('youth_municipality_status_idx').on(t.municipalityId, t.status),
    check('youth_target_group_check', sql`target_group in ('aktivitetsparat', 'uddannelsesparat', 'jobparat', 'other')`),
    index('youth_caseworker_idx').on(t.caseworkerUserId),
  ],
);

export const youthStatusHistory = pgTable(
  'youth_status_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    youthId: uuid('youth_id')
      .notNull()
      .references(() => youth.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull(),
    byUserId: uuid('by_user_id').references(() => users.id),
  },
  (t) => [index('youth_status_history_youth_idx').on(t.youthId, t.at)],
);

/** The optional photo, kept apart so lists never load it. */
export const youthPhotos = pgTable('youth_photos', {
  youthId: uuid('youth_id')
    .primaryKey()
    .references(() => youth.id, { onDelete: 'cascade' }),
  contentType: text('content_type').notNull(),
  bytes: bytea('bytes').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * How and when a young person left the programme (#16): one row while their status is `ended`,
 * written in the same transaction as the status change, removed if they come back.
 */
export const youthExits = pgTable(
  'youth_exits',
  {
    youthId: uuid('youth_id')
      .primaryKey()
      .references(() => youth.id, { onDelete: 'cascade' }),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    kind: text('kind').$type<ExitKind>().notNull(),
    exitedOn: date('exited_on').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    byUserId: uuid('by_user_id').references(() => users.id),
  },
  (t) => [
    index('youth_exits_municipality_idx').on(t.municipalityId, t.exitedOn),
    check(
      'youth_exits_kind_check',
      sql`kind in ('job', 'job_subsidy', 'education', 'other_programme', 'moved', 'dropped_out', 'not_eligible', 'other')`,
    ),
  ],
);

/** The follow-ups 3, 6 and 12 months after exit: still in job or education, or back on benefits. */
export const youthExitFollowups = pgTable(
  'youth_exit_followups',
  {
    youthId: uuid('youth_id')
      .notNull()
      .references(() => youthExits.youthId, { onDelete: 'cascade' }),
    months: integer('months').notNull(),
    outcome: text('outcome').$type<FollowupOutcome>().notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    byUserId: uuid('by_user_id').references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.youthId, t.months] }),
    check('youth_exit_followups_months_check', sql`months in (3, 6, 12)`),
    check('youth_exit_followups_outcome_check', sql`outcome in ('job', 'education', 'benefits', 'other')`),
  ],
);
