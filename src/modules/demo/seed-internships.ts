import type { Faker } from '@faker-js/faker';
import { addDays, addMonths, localDate, weekStart } from '../../platform/dates.ts';
import { notAfter } from './timing.ts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { users } from '../accounts/accounts.schema.ts';
import { type Attendance, internshipEvents, internshipFeedback, internships, youthCheckins } from '../internships/internships.schema.ts';
import type { AttendanceValue } from '../internships/internships.values.ts';
import { defaultModelRules } from '../municipalities/model-rules.ts';

const recognitions = [
  'Tog selv fat i opvasken, da det blev travlt.',
  'Mødte til tiden hver dag og sagde godmorgen til alle.',
  'Spurgte, da noget var uklart, i stedet for at gætte.',
  'Hjalp en kunde med at finde den rigtige vare.',
  'Lærte at bruge kassen på to dage.',
  'Holdt værkstedet ryddeligt uden at blive bedt om det.',
  'Var god til at samarbejde med de andre på holdet.',
];

const demoDayOne = {
  firstDayTime: '09:00',
  whatToBring: 'Praktisk tøj og sko, du kan gå i hele dagen.\nMadpakke og en drikkedunk.\nDit sygesikringskort til kontrakten.',
};

interface SeedInput {
  municipalityId: string;
  consultantUserId: string;
  youth: { id: string; status: string }[];
  openings: { id: string; companyId: string; title: string; supervisorUserId: string | null; weeklyHours: number }[];
}

/**
 * Demo internships that make the team's pages tell a story: running internships with weekly
 * feedback and check-ins (one with absences, one with a concern, one with a falling trend),
 * completed ones for the days-to-start figures, and open start clocks at different days.
 */
export async function seedInternships(tx: Db, faker: Faker, now: Date, input: SeedInput): Promise<void> {
  const today = localDate(now);
  const thisWeek = weekStart(today);
  const withSupervisor = input.openings.filter((o) => o.supervisorUserId);
  let next = 0;
  const opening = () => withSupervisor[next++ % withSupervisor.length]!;
  const base = (youthId: string, o: SeedInput['openings'][number]) => ({
    municipalityId: input.municipalityId,
    youthId,
    companyId: o.companyId,
    openingId: o.id,
    supervisorUserId: o.supervisorUserId,
    consultantUserId: input.consultantUserId,
    weeklyHours: Math.max(15, o.weeklyHours),
    tasks: o.title,
    createdAt: now,
    updatedAt: now,
  });
  const at = (date: string) => notAfter(now, new Date(`${date}T10:00:00Z`));
  // A start later than the municipality's promise (the seeds' 14 days) carries the team's reason, as the rules require.
  const lateReason = (chosenOn: string, start: string) =>
    start > addDays(chosenOn, defaultModelRules.startWithinDays) ? 'Virksomheden holdt ferielukket de første uger.' : '';

  const running = input.youth.filter((y) => y.status === 'in_internship');
  for (const [n, y] of running.entries()) {
    const o = opening();
    const firstDay = addDays(thisWeek, -7 * faker.number.int({ min: 2, max: 10 }));
    const chosenOn = addDays(firstDay, -faker.number.int({ min: 3, max: 17 }));
    const [row] = await tx
      .insert(internships)
      .values({
        ...base(y.id, o),
        status: 'active',
        chosenAt: at(chosenOn),
        youthConfirmedAt: at(chosenOn),
        agreedStart: firstDay,
        startLateReason: lateReason(chosenOn, firstDay),
        firstDay,
        plannedEnd: addMonths(firstDay, 3),
        vitasStatus: 'approved',
        vitasReference: `VITAS-${faker.string.numeric(6)}`,
        vitasSentOn: addDays(chosenOn, 1),
        vitasApprovedOn: addDays(chosenOn, 3),
        // The demo young person's internship shows the practical facts of day one.
        ...(n === 0 ? demoDayOne : {}),
      })
      .returning({ id: internships.id });
    if (n === 0) {
      // Their supervisor and consultant have chosen to show a phone number ("Mine folk").
      if (o.supervisorUserId) await tx.update(users).set({ phone: '12345678', showPhone: true }).where(eq(users.id, o.supervisorUserId));
      await tx.update(users).set({ phone: '87654321', showPhone: true }).where(eq(users.id, input.consultantUserId));
    }
    await tx.insert(internshipEvents).values([
      { internshipId: row!.id, kind: 'planned', toStatus: 'planned', at: at(chosenOn) },
      { internshipId: row!.id, kind: 'first_day', fromStatus: 'awaiting_approval', toStatus: 'active', note: firstDay, at: at(firstDay) },
    ]);
    const weeks: string[] = [];
    for (let w = weekStart(firstDay); w < thisWeek; w = addDays(w, 7)) weeks.push(w);
    await tx.insert(internshipFeedback).values(
      weeks.map((w, k) => {
        const recent = k >= weeks.length - 2;
        const day = (): AttendanceValue =>
          faker.helpers.weightedArrayElement([
            { weight: 20, value: 'met' },
            { weight: 1, value: 'sick' },
            { weight: 1, value: 'absent_notice' },
          ]);
        const attendance: Attendance = { mon: day(), tue: day(), wed: day(), thu: day(), fri: day() };
        // The second running internship shows two absences without notice lately.
        if (n === 1 && recent) attendance.tue = 'absent_no_notice';
        return {
          internshipId: row!.id,
          weekStart: w,
          attendance,
          didWell: faker.helpers.arrayElement(recognitions),
          concern: n === 2 && k === weeks.length - 1 ? 'Virker træt og stille i denne uge. Måske en snak?' : '',
          submittedAt: at(addDays(w, 4)),
        };
      }),
    );
    // Check-ins for the last four weeks; the fourth running internship shows a falling trend.
    const trend = n === 3 ? [8, 7, 5, 3] : [6, 7, 7, 8].map((s) => Math.min(10, s + faker.number.int({ min: -1, max: 1 })));
    await tx.insert(youthCheckins).values(
      trend.map((s, k) => ({
        youthId: y.id,
        weekStart: addDays(thisWeek, -7 * (3 - k)),
        wellbeing: s,
        workplace: s,
        network: Math.min(10, s + 1),
        submittedAt: at(addDays(thisWeek, -7 * (3 - k) + 4)),
      })),
    );
  }

  // Earlier internships, completed: the days-to-start figures draw on these.
  const inNetwork = input.youth.filter((y) => y.status === 'in_network');
  for (const y of inNetwork.filter((_, i) => i % 2 === 0)) {
    const o = opening();
    const firstDay = addDays(today, -faker.number.int({ min: 120, max: 300 }));
    const chosenOn = addDays(firstDay, -faker.number.int({ min: 2, max: 20 }));
    await tx.insert(internships).values({
      ...base(y.id, o),
      status: 'completed',
      chosenAt: at(chosenOn),
      youthConfirmedAt: at(chosenOn),
      agreedStart: firstDay,
      startLateReason: lateReason(chosenOn, firstDay),
      firstDay,
      plannedEnd: addMonths(firstDay, 3),
      actualEnd: addMonths(firstDay, 3),
      vitasStatus: 'approved',
      vitasReference: `VITAS-${faker.string.numeric(6)}`,
    });
  }

  // Open start clocks: chosen 2, 8, 12 and 16 days ago (the last is overdue).
  for (const [k, y] of inNetwork
    .filter((_, i) => i % 2 === 1)
    .slice(0, 4)
    .entries()) {
    const o = opening();
    const chosenOn = addDays(today, -[2, 8, 12, 16][k]!);
    await tx.insert(internships).values({
      ...base(y.id, o),
      status: k < 2 ? 'planned' : 'awaiting_approval',
      chosenAt: at(chosenOn),
      youthConfirmedAt: at(chosenOn),
      agreedStart: addDays(chosenOn, 10),
      plannedEnd: addMonths(addDays(chosenOn, 10), 3),
      vitasStatus: k < 2 ? 'not_sent' : 'awaiting',
      vitasReference: k < 2 ? '' : `VITAS-${faker.string.numeric(6)}`,
      vitasSentOn: k < 2 ? null : addDays(chosenOn, 1),
    });
  }
}
