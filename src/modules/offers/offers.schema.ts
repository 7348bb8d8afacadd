import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.schema.ts';
import { companies, openings } from '../companies/companies.schema.ts';
import { internships } from '../internships/internships.schema.ts';
import { municipalities } from '../municipalities/municipalities.schema.ts';
import { youth } from '../youth/youth.schema.ts';
import type { OfferSource, OfferStatus } from './offers.values.ts';

/**
 * A company's direct offer of an internship to one young person, for an opening with a free seat.
 * The young person accepts or declines; while open and not past its answer-by date it holds a seat.
 */
export const internshipOffers = pgTable(
  'internship_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    openingId: uuid('opening_id')
      .notNull()
      .references(() => openings.id, { onDelete: 'cascade' }),
    youthId: uuid('youth_id')
      .notNull()
      .references(() => youth.id, { onDelete: 'cascade' }),
    status: text('status').$type<OfferStatus>().notNull().default('open'),
    source: text('source').$type<OfferSource>().notNull(),
    /** The company's words to the young person. */
    message: text('message').notNull().default(''),
    /** The last day the young person can answer; the seat is free again the day after. */
    answerBy: date('answer_by').notNull(),
    madeByUserId: uuid('made_by_user_id').references(() => users.id),
    madeAt: timestamp('made_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** Who closed it, when not the young person (withdrawn). */
    closedByUserId: uuid('closed_by_user_id').references(() => users.id),
    declineReason: text('decline_reason').notNull().default(''),
    /** The internship planned when the young person accepted. */
    internshipId: uuid('internship_id').references(() => internships.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('internship_offers_youth_idx').on(t.youthId, t.status),
    index('internship_offers_opening_idx').on(t.openingId, t.status),
    index('internship_offers_company_idx').on(t.companyId, t.status),
    // One open offer per young person and opening: a second is a conflict, not a duplicate.
    uniqueIndex('internship_offers_one_open_idx')
      .on(t.youthId, t.openingId)
      .where(sql`status = 'open'`),
  ],
);
