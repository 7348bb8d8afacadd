import type { Faker } from '@faker-js/faker';
import { and, eq } from 'drizzle-orm';
import { addDays, daysBetween, localDate } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/client.ts';
import { type GroupSizes, proposeGroups } from '../groups/grouping.ts';
import { groupableStatuses } from '../groups/groups.repository.ts';
import { groupMembers, groupPostReplies, groupPosts, groupSessions, networkGroups, sessionAttendance } from '../groups/groups.schema.ts';
import { isoWeekday } from '../groups/schedule.ts';
import { MovementRepository } from '../movement/movement.repository.ts';
import { movementAssessments } from '../movement/movement.schema.ts';
import { type Dimension, dimensions } from '../movement/movement.values.ts';
import { lastEndedPeriod } from '../reports/report-cycle.ts';
import { ReportsRepository } from '../reports/reports.repository.ts';
import { movementReports, reportConsents } from '../reports/reports.schema.ts';
import { notAfter } from './timing.ts';

const reasons: Record<Dimension, string[]> = {
  direction: [
    'Ved nu, at køkkenet er det næste at prøve.',
    'Har selv fundet to praktiksteder at se på.',
    'Er stadig i tvivl, men har sagt det højt i gruppen.',
  ],
  persistence: [
    'Mødte op hver uge, også i den svære uge.',
    'Holdt fast i praktikken trods lange dage.',
    'Gav op en gang, men kom tilbage.',
  ],
  curiosity: ['Spurgte selv til nye opgaver på værkstedet.', 'Sagde ja til at prøve kassen.', 'Vil gerne se et lager næste gang.'],
  resilience: [
    'Kom igen efter en afvisning og prøvede igen.',
    'Tog en dårlig dag som noget at lære af.',
    'Talte om et nederlag i gruppen.',
  ],
  selfEsteem: [
    'Fortæller nu selv om sine styrker.',
    'Tog ordet i gruppen for første gang.',
    'Siger selv: »De har brug for mig på lageret.«',
  ],
};
const posts = [
  ['win', 'Jeg fik min første løn i dag!'],
  ['question', 'Er der nogen, der ved, hvordan man får et buskort billigere?'],
  ['win', 'Min chef sagde, at jeg var god til kunderne.'],
  ['question', 'Hvad siger I, når I skal melde afbud?'],
] as const;
/** Replies to the posts above: [post index, who, text]. */
const replies = [
  [0, 'member', 'Tillykke! Det er fortjent.'],
  [1, 'member', 'Spørg i billetautomaten efter ungdomskort – det er billigere.'],
  [1, 'counsellor', 'Godt spørgsmål. Jeg tager det med til mødet på torsdag, så vi kan kigge på det sammen.'],
  [3, 'counsellor', 'Ring til din kontaktperson i virksomheden før kl. 8, og sig, hvornår du regner med at være tilbage.'],
] as const;

interface Input {
  municipalityId: string;
  area: string;
  /** Who leads the groups, in turn (any team member: the counsellor is an assignment). */
  counsellorUserIds: string[];
  /** The municipality's group sizes (its settings). */
  sizes: GroupSizes;
  youth: { id: string; status: string; referredOn: string; userId: string | null }[];
  /** The demo young person's record: gets a report to read, and one already sent with consent. */
  demoYouthId: string;
}

/**
 * Demo network groups with a weekly time and place, four weeks of sessions with attendance, a few
 * posts in the group space, movement scores every three weeks since referral, and the 6-weekly
 * reports as the cycle would have left them (drafts; the demo young person's approved and sent).
 */
export async function seedGroups(tx: Db, faker: Faker, now: Date, input: Input): Promise<void> {
  const today = localDate(now);
  const groupable = input.youth.filter((y) => (groupableStatuses as readonly string[]).includes(y.status));
  const active = input.youth.filter((y) => y.status === 'in_network' || y.status === 'in_internship');
  const proposal = proposeGroups(
    groupable.map((y) => ({ id: y.id, inInternship: y.status === 'in_internship' })),
    input.sizes,
  );
  for (const [i, members] of proposal.entries()) {
    const weekday = [2, 4][i % 2]!;
    const [group] = await tx
      .insert(networkGroups)
      .values({
        municipalityId: input.municipalityId,
        name: `Gruppe ${i + 1}`,
        counsellorUserId: input.counsellorUserIds[i % input.counsellorUserIds.length]!,
        meetsWeekday: weekday,
        meetsAt: i % 2 ? '10:00' : '14:00',
        meetsPlace: `Ungehuset, ${input.area}`,
        createdAt: new Date(now.getTime() - 110 * 86_400_000),
      })
      .returning();
    await tx.insert(groupMembers).values(members.map((m) => ({ groupId: group!.id, youthId: m.id, joinedAt: group!.createdAt })));
    const joined = new Map(members.map((m) => [m.id, input.youth.find((y) => y.id === m.id)!.referredOn]));
    // Fifteen weeks of sessions on the group's weekday, before today (two report periods and more).
    const lastDay = addDays(today, -((isoWeekday(today) - weekday + 7) % 7 || 7));
    for (let w = 14; w >= 0; w--) {
      const heldOn = addDays(lastDay, -7 * w);
      // Only the members referred by then were there to attend.
      const there = members.filter((m) => joined.get(m.id)! <= heldOn);
      if (!there.length) continue;
      const [session] = await tx
        .insert(groupSessions)
        .values({
          groupId: group!.id,
          heldOn,
          place: group!.meetsPlace,
          theme: (['work_experiences', 'setbacks', 'next_steps'] as const)[w % 3]!,
          createdByUserId: group!.counsellorUserId,
          createdAt: new Date(`${heldOn}T15:30:00Z`),
        })
        .returning();
      await tx.insert(sessionAttendance).values(
        there.map((m) => ({
          sessionId: session!.id,
          youthId: m.id,
          status: faker.helpers.weightedArrayElement([
            { value: 'present' as const, weight: 8 },
            { value: 'absent_notice' as const, weight: 1 },
            { value: 'absent' as const, weight: 1 },
          ]),
        })),
      );
    }
    if (i === 0) {
      const authors = members.flatMap((m) => input.youth.find((y) => y.id === m.id)?.userId ?? []);
      const inserted = await tx
        .insert(groupPosts)
        .values(
          posts.map(([kind, body], k) => ({
            groupId: group!.id,
            authorUserId: authors[k % authors.length]!,
            kind,
            body,
            createdAt: new Date(now.getTime() - (posts.length - k) * 86_400_000),
          })),
        )
        .returning({ id: groupPosts.id, createdAt: groupPosts.createdAt });
      // Replies, one level: members answer each other, the counsellor answers a question.
      await tx.insert(groupPostReplies).values(
        replies.map(([post, by, body], k) => ({
          postId: inserted[post]!.id,
          groupId: group!.id,
          authorUserId: by === 'counsellor' ? group!.counsellorUserId! : authors[(post + 1 + k) % authors.length]!,
          body,
          createdAt: new Date(inserted[post]!.createdAt.getTime() + (k + 1) * 3_600_000),
        })),
      );
    }
  }

  // Movement every three weeks since referral, drifting upwards with some noise.
  const scoreRows = active.flatMap((y) => {
    const start = faker.number.int({ min: 3, max: 5 });
    const times = Math.floor(daysBetween(y.referredOn, today) / 21);
    return Array.from({ length: times }, (_, k) => {
      const assessedOn = addDays(y.referredOn, 21 * (k + 1));
      const scores = Object.fromEntries(
        dimensions.map((d) => [d, Math.max(1, Math.min(10, start + Math.round(k * 0.6) + faker.number.int({ min: -1, max: 1 })))]),
      ) as Record<Dimension, number>;
      return {
        municipalityId: input.municipalityId,
        youthId: y.id,
        assessedOn,
        source: 'counsellor' as const,
        scores,
        reasons: Object.fromEntries(dimensions.map((d) => [d, faker.helpers.arrayElement(reasons[d])])),
        authorUserId: input.counsellorUserIds[0]!,
        createdAt: notAfter(now, new Date(`${assessedOn}T12:00:00Z`)),
      };
    });
  });
  if (scoreRows.length) await tx.insert(movementAssessments).values(scoreRows);
  const ownLatest = scoreRows.filter((r) => r.youthId === input.demoYouthId).at(-1);
  if (ownLatest)
    await tx.insert(movementAssessments).values({
      ...ownLatest,
      source: 'youth',
      scores: Object.fromEntries(dimensions.map((d) => [d, Math.min(10, ownLatest.scores[d] + 1)])) as Record<Dimension, number>,
      reasons: {},
    });

  // Reports: the latest ended period of everyone, as drafts; the demo young person's two latest with words.
  const repo = new ReportsRepository(tx, new MovementRepository(tx));
  for (const y of active) {
    const period = lastEndedPeriod(y.referredOn, today);
    if (!period) continue;
    const facts = await repo.facts(y.id, period, tx);
    await repo.insertDraft({
      municipalityId: input.municipalityId,
      youthId: y.id,
      periodStart: period.start,
      periodEnd: period.end,
      facts,
      createdAt: now,
      updatedAt: now,
    });
  }
  const demo = input.youth.find((y) => y.id === input.demoYouthId)!;
  const latest = lastEndedPeriod(demo.referredOn, today);
  const before = latest && lastEndedPeriod(demo.referredOn, latest.end);
  const words = {
    summary: 'Er kommet godt i gang i praktikken og tager mere ordet i gruppen. Har selv fundet ud af, at kunderne er det sjoveste.',
    nextSteps: 'Tale med virksomheden om en forlængelse. Prøve kassen en dag om ugen.',
    approvedByUserId: input.counsellorUserIds[0]!,
  };
  if (before) {
    const facts = await repo.facts(demo.id, before, tx);
    await tx.insert(movementReports).values({
      municipalityId: input.municipalityId,
      youthId: demo.id,
      periodStart: before.start,
      periodEnd: before.end,
      facts,
      ...words,
      status: 'sent',
      youthComment: 'Jeg vil gerne fortsætte i praktikken.',
      youthConfirmedAt: notAfter(now, new Date(`${addDays(before.end, 4)}T16:00:00Z`)),
      approvedAt: notAfter(now, new Date(`${addDays(before.end, 3)}T12:00:00Z`)),
      sentAt: notAfter(now, new Date(`${addDays(before.end, 4)}T16:00:00Z`)),
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(reportConsents).values({ youthId: demo.id, toCaseworker: true, decidedAt: new Date(`${before.start}T12:00:00Z`) });
  }
  if (latest)
    await tx
      .update(movementReports)
      .set({ ...words, status: 'approved', approvedAt: now, updatedAt: now })
      .where(eqReport(demo.id, latest.start));
}

const eqReport = (youthId: string, periodStart: string) =>
  and(eq(movementReports.youthId, youthId), eq(movementReports.periodStart, periodStart));
