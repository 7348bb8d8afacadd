import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.schema.ts';
import { municipalities } from '../municipalities/municipalities.schema.ts';
import { youth } from '../youth/youth.schema.ts';
import type { Dimension } from './movement.values.ts';

export const assessmentSources = ['counsellor', 'youth'] as const;
export type AssessmentSource = (typeof assessmentSources)[number];
export type Scores = Record<Dimension, number>;
export type Reasons = Partial<Record<Dimension, string>>;

/**
 * One scoring of the five movements (1–10) on a day: by the counsellor, with a short reason for
 * each, or by the young person beside it. One per source per day; scoring again replaces it.
 */
export const movementAssessments = pgTable(
  'movement_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    youthId: uuid('youth_id')
      .notNull()
      .references(() => youth.id, { onDelete: 'cascade' }),
    assessedOn: date('assessed_on').notNull(),
    source: text('source').$type<AssessmentSource>().notNull(),
    scores: jsonb('scores').$type<Scores>().notNull(),
    reasons: jsonb('reasons').$type<Reasons>().notNull().default({}),
    authorUserId: uuid('author_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('movement_assessments_day_idx').on(t.youthId, t.assessedOn, t.source),
    index('movement_assessments_municipality_idx').on(t.municipalityId, t.assessedOn),
    check('movement_assessments_source_check', sql`source in ('counsellor', 'youth')`),
  ],
);
