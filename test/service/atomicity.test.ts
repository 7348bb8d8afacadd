import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { oneTimeTokens } from '../../src/modules/accounts/accounts.schema.ts';
import { companies, companyStatusHistory, openings } from '../../src/modules/companies/companies.schema.ts';
import { staffTime } from '../../src/modules/evaluation/costs.schema.ts';
import { trialParticipants, trials } from '../../src/modules/evaluation/trials.schema.ts';
import { municipalities } from '../../src/modules/municipalities/municipalities.schema.ts';
import { outboxMessages } from '../../src/platform/mail/mail.schema.ts';
import { auditEvents } from '../../src/platform/audit/audit.schema.ts';
import { withAuditRefused } from '../support/atomicity.ts';
import { type TestContext, createTestContext, ctx, makeMunicipality, makeUser } from '../support/context.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

/** The database error the refusal causes (drizzle wraps it). */
const auditRefused = { cause: { message: 'audit refused (test)' } };

const company = (name: string) => ({
  name,
  cvr: '10150817',
  tradeSection: 'C',
  address: 'Bagervej 1',
  postalCode: '4000',
  area: 'Roskilde',
  size: '1-9',
  whyJoined: 'Vi vil give unge en chance.',
});

describe('a write and its audit entry are one transaction (#19.10)', () => {
  it('a company is not created without its audit entry, nor its status changed without history and audit', async () => {
    const m = await makeMunicipality(t);
    const entrepreneur = await makeUser(t, [{ role: 'entrepreneur', municipalityId: m.id }]);
    await expect(
      withAuditRefused(t, 'company.create', () => t.services.companies.create(ctx(entrepreneur), m.id, company('Bageriet'))),
    ).rejects.toMatchObject(auditRefused);
    expect(await t.database.db.select().from(companies).where(eq(companies.municipalityId, m.id))).toEqual([]);

    const created = await t.services.companies.create(ctx(entrepreneur), m.id, company('Bageriet'));
    const before = await t.database.db.select().from(companyStatusHistory).where(eq(companyStatusHistory.companyId, created.id));
    await expect(
      withAuditRefused(t, 'company.status', () =>
        t.services.companies.setStatus(ctx(entrepreneur), created.id, { status: 'active', note: 'Klar' }),
      ),
    ).rejects.toMatchObject(auditRefused);
    const [after] = await t.database.db.select().from(companies).where(eq(companies.id, created.id));
    expect(after!.networkStatus).toBe(created.networkStatus);
    expect(await t.database.db.select().from(companyStatusHistory).where(eq(companyStatusHistory.companyId, created.id))).toEqual(before);
  });

  it('an opening, an invitation (and its mail), a municipality, a time entry, a trial and an assignment leave nothing without their audit entry', async () => {
    t.clock.set('2026-03-02T09:00:00Z');
    const m = await makeMunicipality(t);
    const entrepreneur = await makeUser(t, [{ role: 'entrepreneur', municipalityId: m.id }]);
    const leader = await makeUser(t, [{ role: 'team_leader', municipalityId: m.id }]);
    const consultant = await makeUser(t, [{ role: 'network_consultant', municipalityId: m.id }]);
    const researcher = await makeUser(t, [{ role: 'researcher', municipalityId: null }]);
    const admin = await makeUser(t, [{ role: 'system_admin', municipalityId: null }]);
    const c = await t.services.companies.create(ctx(entrepreneur), m.id, company('Værkstedet'));
    const opening = {
      title: 'Hjælper i værkstedet',
      tasks: 'Du hjælper med at rydde op og klargøre værktøj til svendene.',
      place: 'Roskilde',
      weeklyHours: '20',
      durationMonths: '3',
      seats: '1',
      startFrom: '2026-04-01',
      learning: 'Værktøj',
    };
    await expect(
      withAuditRefused(t, 'opening.create', () => t.services.openings.create(ctx(entrepreneur), c.id, opening)),
    ).rejects.toMatchObject(auditRefused);
    expect(await t.database.db.select().from(openings).where(eq(openings.companyId, c.id))).toEqual([]);

    const invite = { name: 'Ny Ung', email: 'atomisk@ung.test', role: 'youth', municipalityId: m.id };
    await expect(withAuditRefused(t, 'person.invite', () => t.services.accounts.invite(ctx(leader), invite, 'da'))).rejects.toMatchObject(
      auditRefused,
    );
    expect(await t.database.db.select().from(oneTimeTokens).where(eq(oneTimeTokens.email, invite.email))).toEqual([]);
    expect(await t.database.db.select().from(outboxMessages).where(eq(outboxMessages.to, invite.email))).toEqual([]);

    await expect(
      withAuditRefused(t, 'municipality.create', () => t.services.municipalities.create(ctx(admin), { name: 'Atomkommune', code: '999' })),
    ).rejects.toMatchObject(auditRefused);
    expect(await t.database.db.select().from(municipalities).where(eq(municipalities.name, 'Atomkommune'))).toEqual([]);

    await expect(
      withAuditRefused(t, 'time.log', () =>
        t.services.staffTime.log(ctx(consultant), m.id, { kind: 'entry', on: '2026-03-02', activity: 'admin', hours: '2' }),
      ),
    ).rejects.toMatchObject(auditRefused);
    expect(await t.database.db.select().from(staffTime).where(eq(staffTime.municipalityId, m.id))).toEqual([]);

    const design = { name: 'Forsøget', ratioTreatment: '1', ratioControl: '1', blockMultiplier: '2', stratifyBy: ['gender'] };
    await expect(withAuditRefused(t, 'trial.create', () => t.services.trials.create(ctx(researcher), m.id, design))).rejects.toMatchObject(
      auditRefused,
    );
    expect(await t.database.db.select().from(trials).where(eq(trials.municipalityId, m.id))).toEqual([]);
    const trial = await t.services.trials.create(ctx(researcher), m.id, design);
    const referral = {
      firstName: 'Ung',
      lastName: 'Atom',
      cpr: '1506054123',
      email: 'atom@trial.test',
      referringCaseworker: 'Jens',
      referredOn: '2026-03-02',
      hoursPossible: '20',
      eligibilityNote: '',
      gender: 'female',
      monthsOnBenefits: '6',
      education: 'none',
    };
    await expect(
      withAuditRefused(t, 'trial.assign', () => t.services.trials.intake(ctx(consultant), m.id, referral, 'da')),
    ).rejects.toMatchObject(auditRefused);
    expect(await t.database.db.select().from(trialParticipants).where(eq(trialParticipants.trialId, trial.id))).toEqual([]);
  });

  it('a refusal is audited even when it happens inside a transaction that is rolled back', async () => {
    const m = await makeMunicipality(t);
    const other = await makeMunicipality(t);
    const stranger = await makeUser(t, [{ role: 'entrepreneur', municipalityId: other.id }]);
    const c = ctx(stranger);
    await expect(t.services.audit.atomically(() => t.services.companies.create(c, m.id, company('Fremmed')))).rejects.toMatchObject({
      code: 'not_found',
    });
    const entries = await t.database.db.select().from(auditEvents).where(eq(auditEvents.requestId, c.requestId!));
    expect(entries.map((e) => e.outcome)).toEqual(['denied']);
  });
});
