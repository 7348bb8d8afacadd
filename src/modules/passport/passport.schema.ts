import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.schema.ts';
import { municipalities } from '../municipalities/municipalities.schema.ts';
import { youth } from '../youth/youth.schema.ts';
import type { Strength } from './passport.values.ts';

/**
 * The competence passport (ViVirk'R, #17), written with the young person: strengths shown in
 * practice (each with where and when), what support helps, accommodations needed, what does not
 * work, and a short text in their own words. One per young person.
 */
export const passports = pgTable(
  'passports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    youthId: uuid('youth_id')
      .notNull()
      .references(() => youth.id, { onDelete: 'cascade' }),
    strengths: jsonb('strengths').$type<Strength[]>().notNull().default([]),
    support: text('support').notNull().default(''),
    accommodations: text('accommodations').notNull().default(''),
    notWorking: text('not_working').notNull().default(''),
    ownWords: text('own_words').notNull().default(''),
    updatedByUserId: uuid('updated_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('passports_youth_idx').on(t.youthId), index('passports_municipality_idx').on(t.municipalityId)],
);

/**
 * The young person's consent, per named recipient, to read their passport. Withdrawing sets
 * withdrawn_at (the history stays); at most one consent in force per recipient.
 */
export const passportConsents = pgTable(
  'passport_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    passportId: uuid('passport_id')
      .notNull()
      .references(() => passports.id, { onDelete: 'cascade' }),
    recipientUserId: uuid('recipient_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('passport_consents_in_force_idx')
      .on(t.passportId, t.recipientUserId)
      .where(sql`withdrawn_at is null`),
    index('passport_consents_recipient_idx').on(t.recipientUserId),
  ],
);
