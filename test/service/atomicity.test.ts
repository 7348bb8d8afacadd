import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { companies, companyStatusHistory } from '../../src/modules/companies/companies.schema.ts';
import { auditEvents } from '../../src/platform/audit/audit.schema.ts';
import { withAuditRefused } from '../support/atomicity.ts';
import { type TestContext, createTestContext, ctx, makeMunicipality, makeUser } from '../support/context.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

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
    ).rejects.toThrow();
    expect(await t.database.db.select().from(companies).where(eq(companies.municipalityId, m.id))).toEqual([]);

    const created = await t.services.companies.create(ctx(entrepreneur), m.id, company('Bageriet'));
    const before = await t.database.db.select().from(companyStatusHistory).where(eq(companyStatusHistory.companyId, created.id));
    await expect(
      withAuditRefused(t, 'company.status', () =>
        t.services.companies.setStatus(ctx(entrepreneur), created.id, { status: 'active', note: 'Klar' }),
      ),
    ).rejects.toThrow();
    const [after] = await t.database.db.select().from(companies).where(eq(companies.id, created.id));
    expect(after!.networkStatus).toBe(created.networkStatus);
    expect(await t.database.db.select().from(companyStatusHistory).where(eq(companyStatusHistory.companyId, created.id))).toEqual(before);
  });

  it('a refusal is audited even when it happens inside a transaction that is rolled back', async () => {
    const m = await makeMunicipality(t);
    const other = await makeMunicipality(t);
    const stranger = await makeUser(t, [{ role: 'entrepreneur', municipalityId: other.id }]);
    const c = ctx(stranger);
    await expect(t.services.audit.atomically(() => t.services.companies.create(c, m.id, company('Fremmed')))).rejects.toThrow();
    const entries = await t.database.db.select().from(auditEvents).where(eq(auditEvents.requestId, c.requestId!));
    expect(entries.map((e) => e.outcome)).toEqual(['denied']);
  });
});
