import { Faker, base, da } from '@faker-js/faker';
import { addDays, addMonths, localDate } from '../../platform/dates.ts';
import type { Sealer } from '../../platform/crypto/sealed.ts';
import type { Db } from '../../platform/db/client.ts';
import { youth, youthExitFollowups, youthExits, youthStatusHistory } from '../youth/youth.schema.ts';
import { type ExitKind, type FollowupOutcome, followupMonths } from '../youth/youth.values.ts';
import { demoYouth } from './demo-texts.ts';

/** Where the demo's former young people went (#16): most to a job or education. */
const kinds: ExitKind[] = ['job', 'job', 'job', 'job_subsidy', 'education', 'education', 'other_programme', 'dropped_out', 'moved', 'job'];
const outcomes: FollowupOutcome[] = ['job', 'job', 'education', 'job', 'benefits', 'other'];

/**
 * Former young people in each demo municipality (#16): ended, with their exit and the follow-ups
 * that are due (a few left open, so the team's home lists them). Beside the 42 in the network, so the
 * demo's other figures stay as they were; from its own random stream.
 */
export async function seedExits(tx: Db, now: Date, sealer: Sealer, ms: { id: string; slug: string; former: number }[]): Promise<void> {
  const faker = new Faker({ locale: [da, base], seed: 2029 });
  const today = localDate(now);
  for (const m of ms) {
    for (let i = 0; i < m.former; i++) {
      const name = `${faker.person.firstName()} ${faker.person.lastName()}`;
      const person = { name, email: `tidligere.${i}@${m.slug}.nextwork.test` };
      const exitedOn = addDays(today, -(20 + ((i * 37) % 330)));
      const row = { ...demoYouth(faker, person, '', m.id, now, sealer), userId: null };
      const [y] = await tx
        .insert(youth)
        .values({ ...row, referredOn: addDays(exitedOn, -150), status: 'ended', statusSince: new Date(`${exitedOn}T10:00:00Z`) })
        .returning({ id: youth.id });
      const kind = kinds[i % kinds.length]!;
      const at = new Date(`${exitedOn}T10:00:00Z`);
      await tx.insert(youthStatusHistory).values({ youthId: y!.id, fromStatus: 'in_network', toStatus: 'ended', reason: kind, at });
      await tx.insert(youthExits).values({ youthId: y!.id, municipalityId: m.id, kind, exitedOn, recordedAt: at });
      if (kind === 'moved') continue;
      const due = followupMonths.filter((n) => addMonths(exitedOn, n) <= today);
      // The latest due follow-up of every third one is still to be done.
      const recorded = i % 3 === 0 ? due.slice(0, -1) : due;
      if (recorded.length)
        await tx.insert(youthExitFollowups).values(
          recorded.map((months, k) => ({
            youthId: y!.id,
            months,
            outcome: outcomes[(i + k) % outcomes.length]!,
            recordedAt: new Date(`${addMonths(exitedOn, months)}T10:00:00Z`),
          })),
        );
    }
  }
}
