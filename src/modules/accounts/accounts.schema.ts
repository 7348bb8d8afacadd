import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from '../municipalities/municipalities.schema.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    locale: text('locale').notNull().default('da'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /**
     * The contact details the person shows the young people they work with: a Danish phone number
     * (8 digits, '' for none), and whether to show it and the email. Email shown, phone not, by default.
     */
    phone: text('phone').notNull().default(''),
    showPhone: boolean('show_phone').notNull().default(false),
    showEmail: boolean('show_email').notNull().default(true),
  },
  (t) => [uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`)],
);

/** A role a user holds; municipality_id is null for cross-municipal roles. */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    role: text('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('memberships_unique_idx').on(
      t.userId,
      sql`coalesce(${t.municipalityId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.role,
    ),
    index('memberships_municipality_idx').on(t.municipalityId, t.role),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** One-time tokens: sign-in links and invitations. Stored as sha256. */
export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    id: text('id').primaryKey(),
    purpose: text('purpose').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    /** For invitations: the role and municipality granted on acceptance. */
    role: text('role'),
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    name: text('name'),
    invitedBy: uuid('invited_by').references(() => users.id),
    /** For a young person's invitation: the youth record the new account is linked to. */
    youthId: uuid('youth_id'),
    /** For a company contact's invitation: the company they will be a contact person for. */
    companyId: uuid('company_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('one_time_tokens_email_idx').on(t.email, t.purpose)],
);

/** Failed sign-in counters per account and per IP, for backoff. */
export const signInThrottle = pgTable(
  'sign_in_throttle',
  {
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    failures: integer('failures').notNull().default(0),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key] })],
);

/**
 * An account's identity at an OpenID Connect provider (MitID through a broker, NemLog-in, the
 * municipality's own identity provider): the issuer and the subject it gives the person. Linked
 * by the person while signed in, or — for a young person — on the first sign-in recognised by the
 * CPR claim (decision 0028). Neither the CPR number nor any token is stored.
 */
export const oidcIdentities = pgTable(
  'oidc_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    /** 'link' (the person linked it while signed in) or 'cpr' (recognised by the CPR claim). */
    linkedBy: text('linked_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('oidc_identities_subject_idx').on(t.issuer, t.subject),
    uniqueIndex('oidc_identities_user_issuer_idx').on(t.userId, t.issuer),
  ],
);
