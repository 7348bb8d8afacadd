import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.schema.ts';
import { municipalities } from '../municipalities/municipalities.schema.ts';

/** A company in a municipality's company network. Profiles, openings and the CRM build on this. */
export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    name: text('name').notNull(),
    cvr: text('cvr').notNull(),
    /** DB07 main section letter. */
    tradeSection: text('trade_section').notNull(),
    area: text('area').notNull(),
    /** prospect → onboarding → active → resting → left */
    networkStatus: text('network_status').notNull().default('prospect'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('companies_municipality_cvr_idx').on(t.municipalityId, t.cvr),
    index('companies_municipality_status_idx').on(t.municipalityId, t.networkStatus),
  ],
);

export const companyContacts = pgTable(
  'company_contacts',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.userId] }), index('company_contacts_user_idx').on(t.userId)],
);
