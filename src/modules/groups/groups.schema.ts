import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.schema.ts';
import { municipalities } from '../municipalities/municipalities.schema.ts';
import { youth } from '../youth/youth.schema.ts';
import { companies } from '../companies/companies.schema.ts';
import type { GroupAttendance, PostKind, SessionTheme } from './groups.values.ts';

/**
 * A network group: 7–8 young people (the municipality's sizes, at most 9) who meet every week with
 * their counsellor — any team member the group is assigned to. An empty group can be archived: it
 * leaves the lists but keeps its sessions and history.
 */
export const networkGroups = pgTable(
  'network_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    name: text('name').notNull(),
    counsellorUserId: uuid('counsellor_user_id').references(() => users.id),
    /** When the group meets each week: ISO weekday (1 = Monday), local time "HH:MM", place. */
    meetsWeekday: integer('meets_weekday'),
    meetsAt: text('meets_at'),
    meetsPlace: text('meets_place').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    index('network_groups_municipality_idx').on(t.municipalityId),
    check('network_groups_weekday_check', sql`meets_weekday between 1 and 7`),
  ],
);

/** Who is in a group, and since when; a young person is in one group at a time. */
export const groupMembers = pgTable(
  'group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => networkGroups.id, { onDelete: 'cascade' }),
    youthId: uuid('youth_id')
      .notNull()
      .references(() => youth.id, { onDelete: 'cascade' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.youthId, t.joinedAt] }),
    uniqueIndex('group_members_one_group_idx')
      .on(t.youthId)
      .where(sql`left_at is null`),
  ],
);

/** A weekly group session: date, place, theme, and who came. */
export const groupSessions = pgTable(
  'group_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => networkGroups.id, { onDelete: 'cascade' }),
    heldOn: date('held_on').notNull(),
    place: text('place').notNull(),
    theme: text('theme').$type<SessionTheme>().notNull(),
    note: text('note').notNull().default(''),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('group_sessions_day_idx').on(t.groupId, t.heldOn)],
);

/**
 * A company visiting a group's weekly meeting (seed 001: about every 6 weeks), planned ahead for
 * the day the group meets; the company's contacts see the invitation on their home.
 */
export const groupSessionGuests = pgTable(
  'group_session_guests',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => networkGroups.id, { onDelete: 'cascade' }),
    heldOn: date('held_on').notNull(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    note: text('note').notNull().default(''),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.heldOn] }), index('group_session_guests_company_idx').on(t.companyId, t.heldOn)],
);

export const sessionAttendance = pgTable(
  'session_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => groupSessions.id, { onDelete: 'cascade' }),
    youthId: uuid('youth_id')
      .notNull()
      .references(() => youth.id, { onDelete: 'cascade' }),
    status: text('status').$type<GroupAttendance>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.youthId] })],
);

/** The young person's check-in at the end of a session: how was today's meeting, 0–10. */
export const sessionCheckins = pgTable(
  'session_checkins',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => groupSessions.id, { onDelete: 'cascade' }),
    youthId: uuid('youth_id')
      .notNull()
      .references(() => youth.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    comment: text('comment').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.youthId] }), check('session_checkins_score_check', sql`score between 0 and 10`)],
);

/**
 * The group space between sessions: wins and questions shared with the group only. The counsellor
 * can hide a post (it stays, marked hidden, for the record).
 */
export const groupPosts = pgTable(
  'group_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => networkGroups.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').$type<PostKind>().notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenByUserId: uuid('hidden_by_user_id').references(() => users.id),
  },
  (t) => [index('group_posts_group_idx').on(t.groupId, t.createdAt)],
);

/**
 * Replies to a post in the group space, one level deep, by a member or the group's counsellor.
 * Seen by the same people as the posts; the counsellor can hide a reply (kept, marked hidden).
 */
export const groupPostReplies = pgTable(
  'group_post_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id')
      .notNull()
      .references(() => groupPosts.id, { onDelete: 'cascade' }),
    /** The post's group, kept here so every read and write is scoped to one group. */
    groupId: uuid('group_id')
      .notNull()
      .references(() => networkGroups.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenByUserId: uuid('hidden_by_user_id').references(() => users.id),
  },
  (t) => [index('group_post_replies_post_idx').on(t.postId, t.createdAt), index('group_post_replies_group_idx').on(t.groupId)],
);
