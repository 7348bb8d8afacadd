import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/platform/access/policy.ts';
import { mayReadOutboxMessage, outboxAudience } from '../../src/platform/mail/outbox-audience.ts';
import { type TestContext, createTestContext, ctx, failure, makeMunicipality, makeUser } from '../support/context.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ demo: true });
});
afterAll(() => t.close());

describe('the development outbox (#19.2)', () => {
  it('shows an administrator only mail to their own municipality’s people, never another administrator’s links', async () => {
    const roskilde = await makeMunicipality(t);
    const vejle = await makeMunicipality(t);
    const roskildeAdmin = await makeUser(t, [{ role: 'municipality_admin', municipalityId: roskilde.id }]);
    const otherRoskildeAdmin = await makeUser(t, [{ role: 'municipality_admin', municipalityId: roskilde.id }]);
    const vejleAdmin = await makeUser(t, [{ role: 'municipality_admin', municipalityId: vejle.id }]);
    const systemAdmin = await makeUser(t, [{ role: 'system_admin', municipalityId: null }]);
    const researcher = await makeUser(t, [{ role: 'researcher', municipalityId: null }]);
    const consultant = await makeUser(t, [{ role: 'network_consultant', municipalityId: roskilde.id }]);
    const both = await makeUser(t, [
      { role: 'youth_counsellor', municipalityId: roskilde.id },
      { role: 'youth_counsellor', municipalityId: vejle.id },
    ]);
    const signInLinkFor = (a: Actor) => t.services.accounts.requestSignInLink(ctx(null), { email: a.email }, `10.9.${Math.random()}`, 'da');
    for (const a of [roskildeAdmin, otherRoskildeAdmin, vejleAdmin, systemAdmin, researcher, consultant, both]) await signInLinkFor(a);
    // An invitation to an address without an account: a young person of Roskilde, and a new Roskilde administrator.
    const leader = await makeUser(t, [{ role: 'team_leader', municipalityId: roskilde.id }]);
    await t.services.accounts.invite(
      ctx(leader),
      { name: 'Ny Ung', email: 'ny.ung@outbox.test', role: 'youth', municipalityId: roskilde.id },
      'da',
    );
    await t.services.accounts.invite(
      ctx(systemAdmin),
      { name: 'Ny Admin', email: 'ny.admin@outbox.test', role: 'municipality_admin', municipalityId: roskilde.id },
      'da',
    );

    const seen = async (a: Actor) => new Set((await t.services.outbox.list(ctx(a))).map((m) => m.to));
    const roskildeSees = await seen(roskildeAdmin);
    expect(roskildeSees).toContain(consultant.email);
    expect(roskildeSees).toContain('ny.ung@outbox.test');
    for (const hidden of [roskildeAdmin, otherRoskildeAdmin, vejleAdmin, systemAdmin, researcher, both])
      expect(roskildeSees).not.toContain(hidden.email);
    expect(roskildeSees).not.toContain('ny.admin@outbox.test');
    const vejleSees = await seen(vejleAdmin);
    expect(
      [...vejleSees].filter((e) => [consultant.email, 'ny.ung@outbox.test', roskildeAdmin.email, systemAdmin.email].includes(e)),
    ).toEqual([]);
    const all = await seen(systemAdmin);
    for (const a of [roskildeAdmin, vejleAdmin, systemAdmin, researcher, consultant, both]) expect(all).toContain(a.email);
    expect((await failure(t.services.outbox.list(ctx(consultant)))).code).toBe('not_found');
  });

  it('places a recipient by every membership held or invited to', () => {
    const admin = [{ role: 'municipality_admin' as const, municipalityId: 'a' }];
    expect(outboxAudience([])).toEqual({ municipalityId: null, privileged: true });
    expect(outboxAudience([{ role: 'youth', municipalityId: 'a' }])).toEqual({ municipalityId: 'a', privileged: false });
    expect(outboxAudience([{ role: 'youth', municipalityId: 'a' }, ...admin])).toEqual({ municipalityId: 'a', privileged: true });
    expect(
      outboxAudience([
        { role: 'youth', municipalityId: 'a' },
        { role: 'youth', municipalityId: 'b' },
      ]).privileged,
    ).toBe(true);
    expect(outboxAudience([{ role: 'researcher', municipalityId: null }]).privileged).toBe(true);
    expect(mayReadOutboxMessage(admin, { municipalityId: 'a', privileged: false })).toBe(true);
    expect(mayReadOutboxMessage(admin, { municipalityId: 'b', privileged: false })).toBe(false);
    expect(mayReadOutboxMessage(admin, { municipalityId: 'a', privileged: true })).toBe(false);
    expect(mayReadOutboxMessage([{ role: 'team_leader', municipalityId: 'a' }], { municipalityId: 'a', privileged: false })).toBe(false);
    expect(mayReadOutboxMessage([{ role: 'system_admin', municipalityId: null }], { municipalityId: null, privileged: true })).toBe(true);
  });
});
