import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const municipalities = pgTable('municipalities', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  /** Danish municipality code (kommunekode), three digits. */
  code: text('code').notNull().unique(),
  youthCapacity: integer('youth_capacity').notNull().default(45),
  companyTarget: integer('company_target').notNull().default(60),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
