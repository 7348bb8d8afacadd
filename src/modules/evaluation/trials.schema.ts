import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.schema.ts';
import { municipalities } from '../municipalities/municipalities.schema.ts';
import { youth } from '../youth/youth.schema.ts';
import type { TargetGroup } from '../youth/youth.values.ts';
import { educationLevels, genders, type OutcomeStatus, type StrataFactor } from './trials.values.ts';

/** Baseline covariates recorded at intake, before assignment (for balance and covariate adjustment). */
export interface Baseline {
  age: number;
  gender: (typeof genders)[number];
  monthsOnBenefits: number;
  education: (typeof educationLevels)[number];
  /** The target group at referral (youth.values: targetGroups); absent in baselines recorded before it. */
  targetGroup?: TargetGroup | null;
}

/**
 * A municipality's intake run as a trial: each referred, eligible young person is assigned to
 * NExTWORK or to the control group (the ordinary offer). The seed is sealed with DATA_KEY and
 * shown only to researchers.
 */
export const trials = pgTable(
  'trials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    name: text('name').notNull(),
    status: text('status').$type<'recruiting' | 'closed'>().notNull().default('recruiting'),
    ratioTreatment: integer('ratio_treatment').notNull(),
    ratioControl: integer('ratio_control').notNull(),
    /** Ratio units per permuted block (block size = multiplier × (treatment + control)). */
    blockMultiplier: integer('block_multiplier').notNull(),
    stratifyBy: jsonb('stratify_by').$type<StrataFactor[]>().notNull(),
    seedSealed: text('seed_sealed').notNull(),
    startedOn: date('started_on').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('trials_one_recruiting_idx')
      .on(t.municipalityId)
      .where(sql`status = 'recruiting'`),
    check(
      'trials_ratio_check',
      sql`ratio_treatment between 1 and 5 and ratio_control between 1 and 5 and block_multiplier between 1 and 10`,
    ),
  ],
);

export const arms = ['nextwork', 'control'] as const;

/**
 * One randomised young person: the assignment as a link in a tamper-evident chain (each record
 * carries the hash of the one before; the subject is the keyed CPR hash, never the number). The
 * NExTWORK arm links to the young person's record; the control group keeps only what follow-up
 * needs: the sealed CPR number for linking to the jobcentre's outcome data.
 */
export const trialParticipants = pgTable(
  'trial_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trialId: uuid('trial_id')
      .notNull()
      .references(() => trials.id, { onDelete: 'cascade' }),
    sequence: integer('sequence').notNull(),
    stratum: text('stratum').notNull(),
    arm: text('arm').$type<(typeof arms)[number]>().notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    subjectHash: text('subject_hash').notNull(),
    /**
     * The participant's id in research exports: random (gen_random_uuid at randomisation), kept
     * only here, so a recipient cannot compute it from a CPR number (decision 0014).
     */
    researchId: uuid('research_id').notNull().defaultRandom(),
    previousHash: text('previous_hash').notNull(),
    hash: text('hash').notNull(),
    cprSealed: text('cpr_sealed').notNull(),
    baseline: jsonb('baseline').$type<Baseline>().notNull(),
    youthId: uuid('youth_id').references(() => youth.id, { onDelete: 'set null' }),
    /** Whether a NExTWORK participant started in the programme (for the effect on participants). */
    tookUp: boolean('took_up'),
    assignedByUserId: uuid('assigned_by_user_id').references(() => users.id),
  },
  (t) => [
    uniqueIndex('trial_participants_sequence_idx').on(t.trialId, t.sequence),
    uniqueIndex('trial_participants_subject_idx').on(t.trialId, t.subjectHash),
    uniqueIndex('trial_participants_research_idx').on(t.researchId),
    index('trial_participants_stratum_idx').on(t.trialId, t.stratum),
    check('trial_participants_arm_check', sql`arm in ('nextwork', 'control')`),
  ],
);

/** Status 3, 6, 12 and 24 months after assignment, entered by the team or imported from the jobcentre. */
export const trialOutcomes = pgTable(
  'trial_outcomes',
  {
    participantId: uuid('participant_id')
      .notNull()
      .references(() => trialParticipants.id, { onDelete: 'cascade' }),
    horizon: integer('horizon').notNull(),
    status: text('status').$type<OutcomeStatus>().notNull(),
    source: text('source').$type<'team' | 'import'>().notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('trial_outcomes_horizon_idx').on(t.participantId, t.horizon),
    check('trial_outcomes_horizon_check', sql`horizon in (3, 6, 12, 24)`),
  ],
);
