import { and, asc, eq, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { internships } from '../internships/internships.schema.ts';
import { movementAssessments } from '../movement/movement.schema.ts';
import { passportConsents, passports } from '../passport/passport.schema.ts';
import { educationInstitutions, institutionContacts, partnershipYouth, partnerships } from '../partners/partners.schema.ts';
import { youth } from '../youth/youth.schema.ts';

interface SeedInput {
  municipalityId: string;
  demoYouthId: string;
  educationContactUserId: string;
  teamLeaderUserId: string;
}

/**
 * ViVirk'R's competence passport in the demo: one young person in an internship (not the demo
 * young person, who writes their own in the journey) has written it with their education
 * institution and shared it with their internship's supervisor and the education contact.
 */
export async function seedPassports(tx: Db, now: Date, input: SeedInput): Promise<void> {
  await seedPartnership(tx, now, input);
  const [i] = await tx
    .select({ youthId: internships.youthId, supervisorUserId: internships.supervisorUserId })
    .from(internships)
    .where(
      and(
        eq(internships.municipalityId, input.municipalityId),
        ne(internships.youthId, input.demoYouthId),
        isNotNull(internships.supervisorUserId),
      ),
    )
    .orderBy(asc(internships.chosenAt))
    .limit(1);
  if (!i?.supervisorUserId) return;
  const [p] = await tx
    .insert(passports)
    .values({
      municipalityId: input.municipalityId,
      youthId: i.youthId,
      strengths: [
        { what: 'Holder orden på værktøj og materialer', where: 'Værkstedet på STU', when: 'Hele 2025' },
        { what: 'Møder til tiden og siger til, hvis noget er svært', where: 'Praktik i en byggemarkedskæde', when: 'Efteråret 2025' },
        { what: 'Kan følge en tegning trin for trin', where: 'Træværkstedet', when: 'Foråret 2026' },
      ],
      support: 'En fast person at spørge, og at opgaverne bliver vist én gang, før jeg selv prøver.',
      accommodations: 'Korte pauser. Arbejdstid fra kl. 8 til 13 i starten.',
      notWorking: 'Mange nye opgaver på én gang og beskeder, der kun bliver sagt i forbifarten.',
      ownWords: 'Jeg kan godt lide at se, hvad jeg har lavet, når dagen er slut.',
      updatedByUserId: input.educationContactUserId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: passports.id });
  await tx.insert(passportConsents).values([
    { passportId: p!.id, recipientUserId: i.supervisorUserId, grantedAt: now },
    { passportId: p!.id, recipientUserId: input.educationContactUserId, grantedAt: now },
  ]);
}

const ownScores = (direction: number) => ({ direction, persistence: 5, curiosity: 5, resilience: 5, selfEsteem: 5 });

/**
 * A ViVirk'R partnership with an STU: the demo education contact is its contact, four young people
 * at different stages — two rated their direction higher since the start (closer to the labour
 * market), one the same, one not yet rated.
 */
async function seedPartnership(tx: Db, now: Date, input: SeedInput): Promise<void> {
  const [stu] = await tx
    .insert(educationInstitutions)
    .values({ municipalityId: input.municipalityId, name: 'STU-skolen', createdAt: now })
    .returning({ id: educationInstitutions.id });
  await tx.insert(institutionContacts).values({ institutionId: stu!.id, userId: input.educationContactUserId });
  const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const [p] = await tx
    .insert(partnerships)
    .values({
      municipalityId: input.municipalityId,
      institutionId: stu!.id,
      startsOn: day(120),
      endsOn: day(-245),
      targetYouth: 10,
      status: 'active',
      developmentGroup: 'Kontakt på STU-skolen\nTeamleder i NExTWORK\nSagsbehandler i jobcentret\nEn virksomhed fra netværket',
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: partnerships.id });
  const members = await tx
    .select({ id: youth.id })
    .from(youth)
    .where(and(eq(youth.municipalityId, input.municipalityId), ne(youth.id, input.demoYouthId), isNotNull(youth.userId)))
    .orderBy(asc(youth.referredOn), asc(youth.id))
    .limit(4);
  if (!members.length) return;
  await tx
    .insert(partnershipYouth)
    .values(members.map((m) => ({ partnershipId: p!.id, youthId: m.id, addedAt: now, addedByUserId: input.teamLeaderUserId })));
  const ratings: [number, number][] = [
    [3, 7],
    [4, 6],
    [5, 5],
  ];
  await tx
    .insert(movementAssessments)
    .values(
      members.slice(0, ratings.length).flatMap((m, i) => [
        {
          municipalityId: input.municipalityId,
          youthId: m.id,
          assessedOn: day(110),
          source: 'youth' as const,
          scores: ownScores(ratings[i]![0]),
          createdAt: now,
        },
        {
          municipalityId: input.municipalityId,
          youthId: m.id,
          assessedOn: day(5),
          source: 'youth' as const,
          scores: ownScores(ratings[i]![1]),
          createdAt: now,
        },
      ]),
    )
    .onConflictDoNothing();
}
