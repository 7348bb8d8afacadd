import { boolean, customType, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { type SQL, sql } from 'drizzle-orm';
import { users } from '../accounts/accounts.schema.ts';
import { municipalities } from '../municipalities/municipalities.schema.ts';
import type { CompanyStatus } from './companies.values.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A company in a municipality's company network. */
export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    name: text('name').notNull(),
    /** Danish collation as a byte-ordered key (see danishSortKey). */
    nameSort: text('name_sort').notNull().default(''),
    cvr: text('cvr').notNull(),
    /** DB07 main section letter. */
    tradeSection: text('trade_section').notNull(),
    address: text('address').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    area: text('area').notNull(),
    size: text('size').notNull().default('1-9'),
    whyJoined: text('why_joined').notNull().default(''),
    networkStatus: text('network_status').$type<CompanyStatus>().notNull().default('prospect'),
    /** Danish full-text document, kept by PostgreSQL. */
    search: tsvector('search').generatedAlwaysAs(
      (): SQL => sql`to_tsvector('danish', ${companies.name} || ' ' || ${companies.area} || ' ' || ${companies.whyJoined})`,
    ),
    /** The name lower-cased without accents, for typo-tolerant trigram search. */
    namePlain: text('name_plain').generatedAlwaysAs((): SQL => sql`nw_unaccent(${companies.name})`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('companies_municipality_cvr_idx').on(t.municipalityId, t.cvr),
    index('companies_municipality_status_idx').on(t.municipalityId, t.networkStatus),
    index('companies_municipality_sort_idx').on(t.municipalityId, t.nameSort),
    index('companies_search_idx').using('gin', t.search),
    index('companies_name_trgm_idx').using('gin', sql`${t.namePlain} gin_trgm_ops`),
  ],
);

export const companyStatusHistory = pgTable(
  'company_status_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull(),
    byUserId: uuid('by_user_id').references(() => users.id),
  },
  (t) => [index('company_status_history_company_idx').on(t.companyId, t.at)],
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

/** The company CRM: calls, visits and next steps, kept by the entrepreneur and the team. */
export const companyContactLog = pgTable(
  'company_contact_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    summary: text('summary').notNull(),
    nextStep: text('next_step').notNull().default(''),
    nextStepDue: date('next_step_due'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    byUserId: uuid('by_user_id').references(() => users.id),
  },
  (t) => [index('company_contact_log_company_idx').on(t.companyId, t.at)],
);

/** An internship opening (praktikmulighed): concrete work in plain words. */
export const openings = pgTable(
  'openings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    tasks: text('tasks').notNull(),
    place: text('place').notNull(),
    weeklyHours: integer('weekly_hours').notNull(),
    durationMonths: integer('duration_months').notNull().default(3),
    seats: integer('seats').notNull().default(1),
    startFrom: date('start_from').notNull(),
    learning: text('learning').notNull().default(''),
    supervisorUserId: uuid('supervisor_user_id').references(() => users.id),
    published: boolean('published').notNull().default(false),
    // The company's fields the directory filters and sorts by, copied by triggers (drizzle/0012) so a
    // search reads one table: joining companies per hit was most of its cost.
    /** The company is in the network (active or onboarding). */
    companyListed: boolean('company_listed').notNull().default(false),
    companyName: text('company_name').notNull().default(''),
    companyNameSort: text('company_name_sort').notNull().default(''),
    companyTrade: text('company_trade').notNull().default(''),
    companyArea: text('company_area').notNull().default(''),
    /** The company's own search document (name, area, why it joined), so its words find its openings. */
    companySearch: tsvector('company_search')
      .notNull()
      .default(sql`''::tsvector`),
    /** Danish full-text document of the opening and its company, kept by PostgreSQL. */
    search: tsvector('search').generatedAlwaysAs(
      (): SQL =>
        sql`to_tsvector('danish', ${openings.title} || ' ' || ${openings.tasks} || ' ' || ${openings.place} || ' ' || ${openings.learning}) || ${openings.companySearch}`,
    ),
    /** The title lower-cased without accents, for typo-tolerant trigram search. */
    titlePlain: text('title_plain').generatedAlwaysAs((): SQL => sql`nw_unaccent(${openings.title})`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('openings_company_idx').on(t.companyId),
    index('openings_municipality_published_idx').on(t.municipalityId, t.published, t.startFrom),
    // Only what the directory lists: a search reads no bitmap entries for unpublished openings.
    index('openings_search_idx')
      .using('gin', t.search)
      .where(sql`${t.published} and ${t.companyListed}`),
    index('openings_title_trgm_idx').using('gin', sql`${t.titlePlain} gin_trgm_ops`),
    // The directory's covering indexes (openings_directory_idx, drizzle/0012; by trade and by
    // area, drizzle/0018) are made in the migrations: drizzle cannot declare INCLUDE.
  ],
);

export const networkMeetings = pgTable(
  'network_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    heldOn: date('held_on').notNull(),
    theme: text('theme').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('network_meetings_municipality_idx').on(t.municipalityId, t.heldOn)],
);

export const networkMeetingCompanies = pgTable(
  'network_meeting_companies',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => networkMeetings.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.companyId] })],
);

/**
 * The words of opening titles and company names, without accents, per municipality: the
 * vocabulary a typo is corrected against (kept by triggers, drizzle/0012). Matching a typo against
 * a few thousand short words and then searching with the corrected words is far cheaper than
 * comparing it with every title.
 */
export const searchWords = pgTable(
  'search_words',
  {
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id, { onDelete: 'cascade' }),
    /** Lower-cased, without accents (nw_unaccent). */
    plain: text('plain').notNull(),
    /** Lower-cased, as written. */
    word: text('word').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.plain, t.word] }),
    index('search_words_plain_trgm_idx').using('gin', sql`${t.plain} gin_trgm_ops`),
  ],
);
