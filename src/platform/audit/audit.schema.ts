import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role'),
    municipalityId: uuid('municipality_id'),
    action: text('action').notNull(),
    outcome: text('outcome').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    /** The person the data is about (a young person, a user), so they can read their own trail. */
    subjectUserId: uuid('subject_user_id'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_municipality_at_idx').on(t.municipalityId, t.at),
    index('audit_subject_idx').on(t.subjectUserId, t.at),
    index('audit_actor_idx').on(t.actorUserId, t.at),
  ],
);
