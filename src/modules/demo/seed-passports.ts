import { and, asc, eq, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { internships } from '../internships/internships.schema.ts';
import { passportConsents, passports } from '../passport/passport.schema.ts';

interface SeedInput {
  municipalityId: string;
  demoYouthId: string;
  educationContactUserId: string;
}

/**
 * ViVirk'R's competence passport in the demo: one young person in an internship (not the demo
 * young person, who writes their own in the journey) has written it with their education
 * institution and shared it with their internship's supervisor and the education contact.
 */
export async function seedPassports(tx: Db, now: Date, input: SeedInput): Promise<void> {
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
