import { pgTable, text } from 'drizzle-orm/pg-core';

/** Values the platform keeps about its own database, such as the data key's check value. */
export const platformSettings = pgTable('platform_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
