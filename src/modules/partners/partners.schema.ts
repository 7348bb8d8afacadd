import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.schema.ts';
import { municipalities } from '../municipalities/municipalities.schema.ts';
import { youth } from '../youth/youth.schema.ts';
import type { HandoverStatus, PartnershipStatus } from './partners.values.ts';

/** An education institution (e.g. an STU) the municipality works with, as an organisation. */
export const educationInstitutions = pgTable(
  'education_institutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('education_institutions_name_idx').on(t.municipalityId, sql`lower(${t.name})`)],
);

/** The institution's contacts: users with the education-contact role, like a company's contacts. */
export const institutionContacts = pgTable(
  'institution_contacts',
  {
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => educationInstitutions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.institutionId, t.userId] }), index('institution_contacts_user_idx').on(t.userId)],
);

/**
 * A partnership agreement between the municipality and an education institution: the members of
 * the local development group, the period, the target number of young people, the status.
 */
export const partnerships = pgTable(
  'partnerships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => educationInstitutions.id),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    targetYouth: integer('target_youth').notNull().default(10),
    status: text('status').$type<PartnershipStatus>().notNull().default('planned'),
    /** The local development group's members, one per line. */
    developmentGroup: text('development_group').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('partnerships_municipality_idx').on(t.municipalityId),
    index('partnerships_institution_idx').on(t.institutionId),
    check('partnerships_status_check', sql`status in ('planned', 'active', 'ended')`),
    check('partnerships_target_check', sql`target_youth between 1 and 100`),
    check('partnerships_period_check', sql`ends_on is null or ends_on >= starts_on`),
  ],
);

/** The young people in a partnership. */
export const partnershipYouth = pgTable(
  'partnership_youth',
  {
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    youthId: uuid('youth_id')
      .notNull()
      .references(() => youth.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
    addedByUserId: uuid('added_by_user_id').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.youthId] }), index('partnership_youth_youth_idx').on(t.youthId)],
);

/**
 * A hand-over: the education contact asks the team to take a young person into the partnership,
 * with what the institution knows. No CPR number here: the team refers the young person through
 * the youth module's referral (its CPR rules and sealing), and the request is then accepted.
 */
export const partnershipHandovers = pgTable(
  'partnership_handovers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email').notNull(),
    phone: text('phone').notNull().default(''),
    note: text('note').notNull().default(''),
    status: text('status').$type<HandoverStatus>().notNull().default('pending'),
    requestedByUserId: uuid('requested_by_user_id').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    youthId: uuid('youth_id').references(() => youth.id, { onDelete: 'set null' }),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('partnership_handovers_partnership_idx').on(t.partnershipId, t.status),
    check('partnership_handovers_status_check', sql`status in ('pending', 'accepted')`),
  ],
);
