import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.schema.ts';
import { companies, openings } from '../companies/companies.schema.ts';
import { internships } from '../internships/internships.schema.ts';
import { municipalities } from '../municipalities/municipalities.schema.ts';
import { youth } from '../youth/youth.schema.ts';
import type { MatchStats } from './deferred-acceptance.ts';

/** A young person's wish: an opening they would like to try, ranked, with a line in their own words. */
export const wishes = pgTable(
  'wishes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    youthId: uuid('youth_id')
      .notNull()
      .references(() => youth.id, { onDelete: 'cascade' }),
    openingId: uuid('opening_id')
      .notNull()
      .references(() => openings.id, { onDelete: 'cascade' }),
    /** 1 = the first wish. */
    rank: integer('rank').notNull(),
    reason: text('reason').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('wishes_youth_opening_idx').on(t.youthId, t.openingId),
    index('wishes_opening_idx').on(t.openingId),
    index('wishes_municipality_idx').on(t.municipalityId),
    check('wishes_rank_check', sql`rank >= 1`),
  ],
);

export const answerValues = ['can_take', 'not_now'] as const;
export type AnswerValue = (typeof answerValues)[number];

/**
 * The company's answer for a young person who wished one of its openings: can take (in a priority
 * tier, 1 first; ties allowed) or not now.
 */
export const companyAnswers = pgTable(
  'company_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    openingId: uuid('opening_id')
      .notNull()
      .references(() => openings.id, { onDelete: 'cascade' }),
    youthId: uuid('youth_id')
      .notNull()
      .references(() => youth.id, { onDelete: 'cascade' }),
    answer: text('answer').$type<AnswerValue>().notNull(),
    tier: integer('tier').notNull().default(1),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
    byUserId: uuid('by_user_id').references(() => users.id),
  },
  (t) => [
    uniqueIndex('company_answers_opening_youth_idx').on(t.openingId, t.youthId),
    check('company_answers_tier_check', sql`tier between 1 and 3`),
  ],
);

export const directInvitationChannels = ['call', 'message', 'meeting'] as const;
export type DirectInvitationChannel = (typeof directInvitationChannels)[number];

/** A company invites a young person directly (the call or message is logged); the young person still decides. */
export const directInvitations = pgTable(
  'direct_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    openingId: uuid('opening_id').references(() => openings.id, { onDelete: 'set null' }),
    youthId: uuid('youth_id')
      .notNull()
      .references(() => youth.id, { onDelete: 'cascade' }),
    channel: text('channel').$type<DirectInvitationChannel>().notNull(),
    message: text('message').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull(),
    byUserId: uuid('by_user_id').references(() => users.id),
  },
  (t) => [index('direct_invitations_youth_idx').on(t.youthId, t.at)],
);

export const roundStatuses = ['proposed', 'published', 'discarded'] as const;
export type RoundStatus = (typeof roundStatuses)[number];

/** What went into a round, so it can be re-run and checked: wishes, seats, answers and the seed. */
export interface RoundInput {
  youth: Record<string, string[]>;
  openings: Record<string, { seats: number; accepts: (string | string[])[] }>;
  /** Answers as given (also "not now" and tiers), for the explanations. */
  answers: Record<string, Record<string, { answer: AnswerValue; tier: number }>>;
}

/** A matching round: youth-proposing deferred acceptance over the municipality's wishes and answers. */
export const matchingRounds = pgTable(
  'matching_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    status: text('status').$type<RoundStatus>().notNull().default('proposed'),
    /** A round for one match event: only its invited young people and its openings. */
    eventId: uuid('event_id').references((): AnyPgColumn => matchEvents.id),
    seed: integer('seed').notNull(),
    input: jsonb('input').$type<RoundInput>().notNull(),
    stats: jsonb('stats').$type<MatchStats>().notNull(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    runByUserId: uuid('run_by_user_id').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    index('matching_rounds_municipality_idx').on(t.municipalityId, t.runAt),
    // One proposal waiting for review at a time per municipality.
    uniqueIndex('matching_rounds_one_proposed_idx')
      .on(t.municipalityId)
      .where(sql`status = 'proposed'`),
  ],
);

export const placementStatuses = ['offered', 'accepted', 'declined', 'unplaced'] as const;
export type PlacementStatus = (typeof placementStatuses)[number];

/** One young person's outcome of a round: a placement to accept or decline, or none. */
export const roundPlacements = pgTable(
  'round_placements',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => matchingRounds.id, { onDelete: 'cascade' }),
    youthId: uuid('youth_id')
      .notNull()
      .references(() => youth.id, { onDelete: 'cascade' }),
    openingId: uuid('opening_id').references(() => openings.id, { onDelete: 'set null' }),
    /** Which wish it was (1 = first); null when not placed. */
    wishRank: integer('wish_rank'),
    status: text('status').$type<PlacementStatus>().notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    internshipId: uuid('internship_id').references(() => internships.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.youthId] }),
    index('round_placements_youth_idx').on(t.youthId),
    // Free seats count the offered placements of an opening.
    index('round_placements_opening_idx').on(t.openingId),
  ],
);

export const eventResponses = ['pending', 'coming', 'not_coming'] as const;
export type EventResponse = (typeof eventResponses)[number];

/** A match event: companies present their openings, young people meet them in short 1:1 slots and group talks. */
export const matchEvents = pgTable(
  'match_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place').notNull(),
    /** The programme in plain words: presentations, 1:1 time slots, group talks. */
    programme: text('programme').notNull().default(''),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('match_events_municipality_idx').on(t.municipalityId, t.startsAt),
    check('match_events_time_check', sql`ends_at > starts_at`),
  ],
);

/** The openings presented at an event; their companies are invited. */
export const matchEventOpenings = pgTable(
  'match_event_openings',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => matchEvents.id, { onDelete: 'cascade' }),
    openingId: uuid('opening_id')
      .notNull()
      .references(() => openings.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.openingId] })],
);

/** An invited company and its answer (coming / not coming). */
export const matchEventCompanies = pgTable(
  'match_event_companies',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => matchEvents.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    response: text('response').$type<EventResponse>().notNull().default('pending'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.companyId] }), index('match_event_companies_company_idx').on(t.companyId)],
);

/** An invited young person and their answer. */
export const matchEventYouth = pgTable(
  'match_event_youth',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => matchEvents.id, { onDelete: 'cascade' }),
    youthId: uuid('youth_id')
      .notNull()
      .references(() => youth.id, { onDelete: 'cascade' }),
    response: text('response').$type<EventResponse>().notNull().default('pending'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.youthId] }), index('match_event_youth_youth_idx').on(t.youthId)],
);
