import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const municipalities = pgTable('municipalities', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  /** Danish municipality code (kommunekode), three digits. */
  code: text('code').notNull().unique(),
  youthCapacity: integer('youth_capacity').notNull().default(45),
  companyTarget: integer('company_target').notNull().default(60),
  /** The longest an internship may last, extensions included. */
  internshipMaxMonths: integer('internship_max_months').notNull().default(6),
  /** How many openings a young person may rank in their wishes. */
  wishLimit: integer('wish_limit').notNull().default(5),
  /** Days a young person has to answer a company's direct offer. */
  offerAnswerDays: integer('offer_answer_days').notNull().default(5),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
