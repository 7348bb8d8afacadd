import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { type SQL, sql } from 'drizzle-orm';
import { users } from '../accounts/accounts.schema.ts';
import { municipalities } from '../municipalities/municipalities.schema.ts';
import type { CompanyStatus, NetworkMeetingResponse } from './companies.values.ts';

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

/**
 * A company network meeting (seed 000: the companies meet regularly), planned ahead by the team:
 * when, where, the agenda, and which companies are invited. Afterwards the team records which
 * companies came (`attendanceAt` set); a meeting held is a meeting with attendance (decision 0031).
 */
export const networkMeetings = pgTable(
  'network_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    /** The meeting's theme, its title. */
    theme: text('theme').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    minutes: integer('minutes').notNull().default(120),
    place: text('place').notNull().default(''),
    agenda: text('agenda').notNull().default(''),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the team recorded who came; null until then. */
    attendanceAt: timestamp('attendance_at', { withTimezone: true }),
  },
  (t) => [
    index('network_meetings_municipality_idx').on(t.municipalityId, t.startsAt),
    check('network_meetings_minutes_check', sql`minutes between 15 and 480`),
  ],
);

/** The companies invited to a network meeting, and afterwards whether each came. */
export const networkMeetingCompanies = pgTable(
  'network_meeting_companies',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => networkMeetings.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    /** Null until the team records attendance. */
    attended: boolean('attended'),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.companyId] }), index('network_meeting_companies_company_idx').on(t.companyId)],
);

/** Coming or not coming, per company contact of an invited company. */
export const networkMeetingAnswers = pgTable(
  'network_meeting_answers',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => networkMeetings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    response: text('response').$type<NetworkMeetingResponse>().notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.userId] }),
    check('network_meeting_answers_response_check', sql`response in ('coming', 'not_coming')`),
  ],
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
