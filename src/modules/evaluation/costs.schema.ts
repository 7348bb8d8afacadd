import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.schema.ts';
import { municipalities } from '../municipalities/municipalities.schema.ts';
import { youth } from '../youth/youth.schema.ts';
import { trials } from './trials.schema.ts';
import type { Activity } from './costs.values.ts';

/**
 * Staff time, for the cost of the programme: an entry (a day, an activity, minutes, optionally the
 * young person it was for) or a weekly estimate (the Monday of the week, all activities).
 */
export const staffTime = pgTable(
  'staff_time',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').$type<'entry' | 'week'>().notNull(),
    on: date('on').notNull(),
    activity: text('activity').$type<Activity>().notNull(),
    minutes: integer('minutes').notNull(),
    youthId: uuid('youth_id').references(() => youth.id, { onDelete: 'set null' }),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('staff_time_municipality_idx').on(t.municipalityId, t.on),
    index('staff_time_user_idx').on(t.userId, t.on),
    check('staff_time_minutes_check', sql`minutes between 1 and 3600`),
    check('staff_time_kind_check', sql`kind in ('entry', 'week')`),
  ],
);

/**
 * The prices a trial's cost-effectiveness rests on, entered by the researcher with the
 * municipality: salary cost per hour, other costs over the trial, and the public-finance prices
 * of one more person in work (benefits saved and taxes gained per year, for how many years).
 */
export const trialEconomics = pgTable('trial_economics', {
  trialId: uuid('trial_id')
    .primaryKey()
    .references(() => trials.id, { onDelete: 'cascade' }),
  hourlyCost: integer('hourly_cost').notNull(),
  otherCosts: integer('other_costs').notNull(),
  benefitsPerYear: integer('benefits_per_year').notNull(),
  taxesPerYear: integer('taxes_per_year').notNull(),
  effectYears: integer('effect_years').notNull(),
  horizon: integer('horizon').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedByUserId: uuid('updated_by_user_id').references(() => users.id),
});
