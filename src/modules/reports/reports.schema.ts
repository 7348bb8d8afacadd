import { sql } from 'drizzle-orm';
import { boolean, check, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.schema.ts';
import { municipalities } from '../municipalities/municipalities.schema.ts';
import { youth } from '../youth/youth.schema.ts';
import type { Dimension } from '../movement/movement.values.ts';
import type { ReportStatus } from './reports.values.ts';

/** The facts of a period, gathered when the report is drafted (and again on each save of a draft). */
export interface ReportFacts {
  group: { sessions: number; present: number; absentNotice: number; absent: number };
  internships: { company: string; title: string; from: string; to: string | null; daysPresent: number; daysAbsent: number }[];
  recognitions: { company: string; weekStart: string; text: string }[];
  movements: {
    dimension: Dimension;
    from: number | null;
    to: number | null;
    youthTo: number | null;
    reason: string;
  }[];
  assessments: number;
}

export const movementReports = pgTable(
  'movement_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    youthId: uuid('youth_id')
      .notNull()
      .references(() => youth.id, { onDelete: 'cascade' }),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    status: text('status').$type<ReportStatus>().notNull().default('draft'),
    facts: jsonb('facts').$type<ReportFacts>().notNull(),
    /** The counsellor's words about the period. */
    summary: text('summary').notNull().default(''),
    nextSteps: text('next_steps').notNull().default(''),
    youthComment: text('youth_comment').notNull().default(''),
    youthConfirmedAt: timestamp('youth_confirmed_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedByUserId: uuid('approved_by_user_id').references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** The young person held this one report back from the caseworker (before it was sent). */
    heldBackAt: timestamp('held_back_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('movement_reports_period_idx').on(t.youthId, t.periodStart),
    index('movement_reports_municipality_idx').on(t.municipalityId, t.status),
    check('movement_reports_status_check', sql`status in ('draft', 'approved', 'held', 'sent')`),
  ],
);

/** The young person's choice: may the 6-weekly reports go to the caseworker? Off until they say yes. */
export const reportConsents = pgTable('report_consents', {
  youthId: uuid('youth_id')
    .primaryKey()
    .references(() => youth.id, { onDelete: 'cascade' }),
  toCaseworker: boolean('to_caseworker').notNull(),
  decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
});
