import { eq } from 'drizzle-orm';
import type { Actor } from '../../src/platform/access/policy.ts';
import { companyContacts } from '../../src/modules/companies/companies.schema.ts';
import { youth } from '../../src/modules/youth/youth.schema.ts';
import { type TestContext, ctx, makeMunicipality, makeUser } from './context.ts';

let cprSerial = 4000;

/**
 * A small network to run internships in: a team, a company with a supervisor and a published
 * opening, and young people with accounts. Each call makes a fresh municipality.
 */
export async function makeNetwork(t: TestContext) {
  const m = (await makeMunicipality(t)).id;
  const consultant = await makeUser(t, [{ role: 'network_consultant', municipalityId: m }], { name: 'Nina Konsulent' });
  const counsellor = await makeUser(t, [{ role: 'youth_counsellor', municipalityId: m }]);
  const entrepreneur = await makeUser(t, [{ role: 'entrepreneur', municipalityId: m }]);
  const company = await t.services.companies.create(ctx(entrepreneur), m, {
    name: 'Roskilde Kraftvarmeværk',
    cvr: '10150817',
    tradeSection: 'D',
    address: 'Energivej 1',
    postalCode: '4000',
    area: 'Roskilde',
    size: '50-249',
    whyJoined: 'Vi vil give unge en chance.',
  });
  const supervisorUser = await makeUser(t, [{ role: 'company_contact', municipalityId: m }], { name: 'Søren Vejleder' });
  await t.database.db.insert(companyContacts).values({ companyId: company.id, userId: supervisorUser.userId });
  const supervisor: Actor = { ...supervisorUser, companyIds: [company.id] };
  const opening = await t.services.openings.create(ctx(entrepreneur), company.id, {
    title: 'Hjælper på kraftvarmeværket',
    tasks: 'Du hjælper teknikerne med at tjekke pumper og holde værkstedet ryddeligt.',
    place: 'Energivej 1, Roskilde',
    weeklyHours: '20',
    durationMonths: '3',
    seats: '2',
    startFrom: '2026-03-01',
    learning: 'Sikkerhed og værktøj.',
    supervisorUserId: supervisorUser.userId,
    published: 'on',
  });

  /** A referred young person with an account, in the network. */
  async function young(firstName = 'Amina'): Promise<{ id: string; actor: Actor }> {
    const serial = cprSerial++;
    const { youth: y } = await t.services.youth.refer(
      ctx(counsellor),
      m,
      {
        firstName,
        lastName: 'Hansen',
        cpr: `150605${serial}`,
        email: `${firstName.toLowerCase()}${serial}@nextwork.test`,
        referringCaseworker: 'Jens Jobcenter',
        referredOn: '2026-03-02',
        hoursPossible: '20',
        eligibilityNote: '',
      },
      'da',
    );
    const actor = await makeUser(t, [{ role: 'youth', municipalityId: m }], { name: `${firstName} Hansen` });
    await t.database.db.update(youth).set({ userId: actor.userId, status: 'in_network' }).where(eq(youth.id, y.id));
    return { id: y.id, actor };
  }

  return { m, consultant, counsellor, entrepreneur, company, supervisor, opening, young };
}

/** Plans, approves and starts an internship on the clock's current day. */
export async function startedInternship(t: TestContext, n: Awaited<ReturnType<typeof makeNetwork>>, youthId: string) {
  const today = t.clock.now().toISOString().slice(0, 10);
  const i = await t.services.internships.plan(ctx(n.consultant), n.m, {
    youthId,
    openingId: n.opening.id,
    chosenOn: today,
    agreedStart: today,
    weeklyHours: '20',
  });
  await t.services.internships.recordVitas(ctx(n.consultant), i.id, { step: 'sent', on: today, reference: 'VITAS-1234' });
  await t.services.internships.recordVitas(ctx(n.consultant), i.id, { step: 'approved', on: today });
  await t.services.internships.recordFirstDay(ctx(n.consultant), i.id, { firstDay: today });
  return i;
}
