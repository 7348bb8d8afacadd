import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const municipalities = pgTable('municipalities', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  /** Danish municipality code (kommunekode), three digits. */
  code: text('code').notNull().unique(),
  youthCapacity: integer('youth_capacity').notNull().default(45),
  companyTarget: integer('company_target').notNull().default(60),
  /** The shortest internship an opening may offer (seed 000: "fra tre til seks måneder"). */
  internshipMinMonths: integer('internship_min_months').notNull().default(3),
  /** The longest an internship may last, extensions included. */
  internshipMaxMonths: integer('internship_max_months').notNull().default(6),
  /** Days from the young person's choice to the first day, unless the team records why. */
  startWithinDays: integer('start_within_days').notNull().default(14),
  /** The size a network-group proposal aims for (seed 000: "sammen med 6-7 andre unge"). */
  groupSizeMin: integer('group_size_min').notNull().default(7),
  /** The most young people in one network group (at most 9). */
  groupSizeMax: integer('group_size_max').notNull().default(8),
  /** How many openings a young person may rank in their wishes. */
  wishLimit: integer('wish_limit').notNull().default(5),
  /** Days a young person has to answer a company's direct offer. */
  offerAnswerDays: integer('offer_answer_days').notNull().default(5),
  /**
   * Months after a young person's course ended (status `ended`) before their personal data is
   * erased by the daily retention job (decision 0027).
   */
  youthRetentionMonths: integer('youth_retention_months').notNull().default(24),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
