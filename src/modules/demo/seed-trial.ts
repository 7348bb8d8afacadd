import type { Faker } from '@faker-js/faker';
import type { Sealer } from '../../platform/crypto/sealed.ts';
import { eq } from 'drizzle-orm';
import { addDays, addMonths, localDate, weekStart } from '../../platform/dates.ts';
import { staffTime, trialEconomics } from '../evaluation/costs.schema.ts';
import { activities } from '../evaluation/costs.values.ts';
import type { Db } from '../../platform/db/client.ts';
import { stratumOf } from '../evaluation/analysis.ts';
import { cprFor } from '../youth/cpr.ts';
import { type ChainedRecord, assignmentAt, chain } from '../evaluation/randomisation.ts';
import { type Baseline, trialOutcomes, trialParticipants, trials } from '../evaluation/trials.schema.ts';
import { horizons } from '../evaluation/trials.values.ts';
import { type OutcomeStatus, educationLevels } from '../evaluation/trials.values.ts';
import { notAfter } from './timing.ts';

/** The demo trial's seed (a real trial's is random and sealed; this one is fixed so the demo is the same every time). */
const DEMO_SEED = 'demo-trial-seed-2024';
const PARTICIPANTS = 320;
/** The simulated true effect on the share in a job or education, by horizon (percentage points / 100). */
const TRUE_EFFECT: Record<number, number> = { 3: 0.04, 6: 0.08, 12: 0.1, 24: 0.09 };
const BASE: Record<number, number> = { 3: 0.12, 6: 0.2, 12: 0.3, 24: 0.38 };

/**
 * A finished demo trial in one municipality: 320 young people randomised 1:1 in permuted blocks of
 * 4 within age band × gender over 18 months, chained like real assignments, with outcomes
 * simulated at every horizon that has passed (a modest true effect, people who took up the
 * programme 85 % of the NExTWORK arm). No names; CPR numbers are made up but valid (birth date, century and sex agree with the
 * baseline), sealed like real ones.
 */
export async function seedTrial(
  tx: Db,
  faker: Faker,
  now: Date,
  sealer: Sealer,
  m: { id: string; code: string; teamUserIds: string[]; youthIds: string[] },
): Promise<void> {
  const [trial] = await tx
    .insert(trials)
    .values({
      municipalityId: m.id,
      name: 'NExTWORK-forsøget 2024–2025 (demo)',
      status: 'closed',
      ratioTreatment: 1,
      ratioControl: 1,
      blockMultiplier: 2,
      stratifyBy: ['ageBand', 'gender'],
      seedSealed: sealer.seal(DEMO_SEED),
      startedOn: localDate(addMonthsTo(now, -30)),
      createdAt: addMonthsTo(now, -30),
    })
    .returning();
  const design = { seed: DEMO_SEED, ratio: [1, 1] as [number, number], multiplier: 2 };
  const counts = new Map<string, number>();
  let previous: ChainedRecord | undefined;
  const today = localDate(now);
  const start = addMonthsTo(now, -30).getTime();
  const span = 18 * 30 * 86_400_000;
  const participantRows: (typeof trialParticipants.$inferInsert)[] = [];
  const outcomeRows: { sequence: number; horizon: number; status: OutcomeStatus; at: Date }[] = [];
  for (let i = 0; i < PARTICIPANTS; i++) {
    const assignedAt = new Date(start + Math.round((span * i) / PARTICIPANTS) + faker.number.int({ min: 0, max: 86_400_000 }));
    const baseline: Baseline = {
      age: faker.number.int({ min: 18, max: 29 }),
      gender: faker.helpers.weightedArrayElement([
        { value: 'female' as const, weight: 45 },
        { value: 'male' as const, weight: 52 },
        { value: 'other' as const, weight: 3 },
      ]),
      monthsOnBenefits: faker.number.int({ min: 3, max: 60 }),
      education: faker.helpers.arrayElement(educationLevels),
    };
    const stratum = stratumOf(m.code, ['ageBand', 'gender'], baseline);
    const n = counts.get(stratum) ?? 0;
    counts.set(stratum, n + 1);
    const arm = assignmentAt(design, `${trial!.id}/${stratum}`, n);
    // A valid CPR number for this age and sex on the day of assignment, so the demo shows the real re-identification risk.
    const birth = faker.date.birthdate({ mode: 'age', min: baseline.age, max: baseline.age, refDate: assignedAt });
    const digits = cprFor(
      new Date(Date.UTC(birth.getUTCFullYear(), birth.getUTCMonth(), birth.getUTCDate())),
      baseline.gender,
      faker.number.int({ min: 0, max: 999_999 }),
    );
    const subject = sealer.lookupHash(digits);
    previous = chain(previous, { stratum, subject, arm, at: assignedAt.toISOString() });
    const tookUp = arm === 'nextwork' ? faker.number.float() < 0.85 : null;
    participantRows.push({
      trialId: trial!.id,
      sequence: previous.sequence,
      stratum,
      arm,
      assignedAt,
      subjectHash: subject,
      previousHash: previous.previousHash,
      hash: previous.hash,
      cprSealed: sealer.seal(digits),
      baseline,
      tookUp,
    });
    // Outcomes: a person-level propensity (fewer months on benefits and more education help), plus the effect for those who took up.
    const propensity = (4 - baseline.monthsOnBenefits / 20 + educationLevels.indexOf(baseline.education)) / 40;
    for (const h of horizons) {
      const due = addMonths(localDate(assignedAt), h);
      if (due > today) continue;
      const p = BASE[h]! + propensity + (tookUp ? TRUE_EFFECT[h]! / 0.85 : 0);
      const good = faker.number.float() < p;
      const status: OutcomeStatus =
        faker.number.float() < 0.04
          ? 'unknown'
          : good
            ? faker.helpers.arrayElement(['job_ordinary', 'job_subsidised', 'education'] as const)
            : faker.helpers.arrayElement(['benefits', 'benefits', 'internship', 'other'] as const);
      outcomeRows.push({ sequence: previous.sequence, horizon: h, status, at: notAfter(now, new Date(`${due}T10:00:00Z`)) });
    }
  }
  // The municipality's young people on the platform stand in for the last NExTWORK participants, so the dose has content.
  const linkable = [...m.youthIds];
  for (const row of [...participantRows].reverse()) if (row.arm === 'nextwork' && linkable.length) row.youthId = linkable.shift()!;
  const inserted = await tx
    .insert(trialParticipants)
    .values(participantRows)
    .returning({ id: trialParticipants.id, sequence: trialParticipants.sequence });
  const idOf = new Map(inserted.map((r) => [r.sequence, r.id]));
  await tx.insert(trialOutcomes).values(
    outcomeRows.map((o) => ({
      participantId: idOf.get(o.sequence)!,
      horizon: o.horizon,
      status: o.status,
      source: 'import' as const,
      recordedAt: o.at,
    })),
  );
}

function addMonthsTo(at: Date, months: number): Date {
  return new Date(`${addMonths(localDate(at), months)}T09:00:00Z`);
}

/** Weekly staff-time estimates over the trial period (about four full-time posts), and the prices. */
export async function seedTrialCosts(tx: Db, faker: Faker, now: Date, m: { id: string; teamUserIds: string[] }): Promise<void> {
  const [trial] = await tx.select().from(trials).where(eq(trials.municipalityId, m.id)).limit(1);
  if (!trial) return;
  const rows: (typeof staffTime.$inferInsert)[] = [];
  const end = addMonths(trial.startedOn, 18);
  for (let week = weekStart(trial.startedOn); week <= end; week = addDays(week, 7))
    for (const userId of m.teamUserIds.slice(0, 5))
      rows.push({
        municipalityId: m.id,
        userId,
        kind: 'week',
        on: week,
        activity: faker.helpers.arrayElement(activities),
        minutes: faker.number.int({ min: 22, max: 32 }) * 60,
        createdAt: now,
      });
  await tx.insert(staffTime).values(rows);
  await tx.insert(trialEconomics).values({
    trialId: trial.id,
    hourlyCost: 450,
    otherCosts: 350_000,
    benefitsPerYear: 160_000,
    taxesPerYear: 60_000,
    effectYears: 10,
    horizon: 12,
    updatedAt: now,
  });
}
