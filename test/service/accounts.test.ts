import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc } from 'drizzle-orm';
import { outboxMessages } from '../../src/platform/mail/mail.schema.ts';
import { AppError } from '../../src/platform/errors.ts';
import { TEST_PASSWORD, type TestContext, createTestContext, ctx, makeMunicipality, makeUser } from '../support/context.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return err instanceof AppError ? err.code : String(err);
  }
};

async function lastMail() {
  const [m] = await t.database.db.select().from(outboxMessages).orderBy(desc(outboxMessages.at)).limit(1);
  return m!;
}

describe('password sign-in', () => {
  it('signs in with the right password and resolves the session to the actor', async () => {
    const m = await makeMunicipality(t);
    const user = await makeUser(t, [{ role: 'team_leader', municipalityId: m.id }]);
    const { sessionToken } = await t.services.accounts.signInWithPassword(
      ctx(null),
      { email: user.email.toUpperCase(), password: TEST_PASSWORD },
      '10.0.0.1',
    );
    const resolved = await t.services.accounts.resolveSession(sessionToken);
    expect(resolved?.actor.userId).toBe(user.userId);
    expect(resolved?.actor.memberships).toEqual([{ role: 'team_leader', municipalityId: m.id }]);
  });

  it('refuses a wrong password and an unknown email with the same error', async () => {
    const user = await makeUser(t, []);
    await expect(
      code(t.services.accounts.signInWithPassword(ctx(null), { email: user.email, password: 'wrong' }, '10.0.0.2')),
    ).resolves.toBe('invalid');
    await expect(
      code(t.services.accounts.signInWithPassword(ctx(null), { email: 'nobody@nextwork.test', password: 'wrong' }, '10.0.0.2')),
    ).resolves.toBe('invalid');
  });

  it('backs off after five failures for an account, even with the right password', async () => {
    const user = await makeUser(t, []);
    for (let i = 0; i < 5; i++)
      await code(t.services.accounts.signInWithPassword(ctx(null), { email: user.email, password: 'wrong' }, `10.1.0.${i}`));
    await expect(
      code(t.services.accounts.signInWithPassword(ctx(null), { email: user.email, password: TEST_PASSWORD }, '10.1.1.1')),
    ).resolves.toBe('rate_limited');
    t.clock.advanceMinutes(1);
    await expect(
      code(t.services.accounts.signInWithPassword(ctx(null), { email: user.email, password: TEST_PASSWORD }, '10.1.1.1')),
    ).resolves.toBe('ok');
  });

  it('backs off per IP across many accounts', async () => {
    for (let i = 0; i < 20; i++)
      await code(t.services.accounts.signInWithPassword(ctx(null), { email: `spray${i}@nextwork.test`, password: 'x' }, '10.9.9.9'));
    const user = await makeUser(t, []);
    await expect(
      code(t.services.accounts.signInWithPassword(ctx(null), { email: user.email, password: TEST_PASSWORD }, '10.9.9.9')),
    ).resolves.toBe('rate_limited');
  });

  it('rejects invalid input without writing a session', async () => {
    await expect(
      code(t.services.accounts.signInWithPassword(ctx(null), { email: 'not-an-email', password: '' }, '10.0.0.3')),
    ).resolves.toBe('invalid');
  });
});

describe('sessions', () => {
  it('end after 30 idle minutes and after 12 hours in all', async () => {
    const user = await makeUser(t, []);
    const { sessionToken } = await t.services.accounts.signInWithPassword(
      ctx(null),
      { email: user.email, password: TEST_PASSWORD },
      '10.2.0.1',
    );
    t.clock.advanceMinutes(29);
    expect(await t.services.accounts.resolveSession(sessionToken)).not.toBeNull();
    t.clock.advanceMinutes(31);
    expect(await t.services.accounts.resolveSession(sessionToken)).toBeNull();

    const second = await t.services.accounts.signInWithPassword(ctx(null), { email: user.email, password: TEST_PASSWORD }, '10.2.0.1');
    for (let i = 0; i < 24; i++) {
      t.clock.advanceMinutes(29);
      await t.services.accounts.resolveSession(second.sessionToken);
    }
    t.clock.advanceMinutes(29);
    expect(await t.services.accounts.resolveSession(second.sessionToken)).toBeNull();
  });

  it('sign-out ends the session; each sign-in gets a new session id', async () => {
    const user = await makeUser(t, []);
    const a = await t.services.accounts.signInWithPassword(ctx(null), { email: user.email, password: TEST_PASSWORD }, '10.3.0.1');
    const b = await t.services.accounts.signInWithPassword(ctx(null), { email: user.email, password: TEST_PASSWORD }, '10.3.0.1');
    expect(a.sessionToken).not.toBe(b.sessionToken);
    const resolved = await t.services.accounts.resolveSession(a.sessionToken);
    await t.services.accounts.signOut(ctx(resolved!.actor), resolved!.sessionId);
    expect(await t.services.accounts.resolveSession(a.sessionToken)).toBeNull();
    expect(await t.services.accounts.resolveSession(b.sessionToken)).not.toBeNull();
  });

  it('the expiry job removes idle sessions', async () => {
    const user = await makeUser(t, []);
    const { sessionToken } = await t.services.accounts.signInWithPassword(
      ctx(null),
      { email: user.email, password: TEST_PASSWORD },
      '10.4.0.1',
    );
    t.clock.advanceMinutes(45);
    const removed = await t.services.accounts.expireSessions();
    expect(removed.sessions).toBeGreaterThanOrEqual(1);
    expect(await t.services.accounts.resolveSession(sessionToken)).toBeNull();
  });
});

describe('sign-in links', () => {
  it('sends a single-use link that expires after 15 minutes', async () => {
    const user = await makeUser(t, []);
    await t.services.accounts.requestSignInLink(ctx(null), { email: user.email }, '10.5.0.1', 'da');
    const mail = await lastMail();
    expect(mail.to).toBe(user.email);
    const token = /\/sign-in\/link\/([\w-]+)/.exec(mail.text)![1]!;
    const { user: signedIn } = await t.services.accounts.signInWithLink(ctx(null), token);
    expect(signedIn.id).toBe(user.userId);
    await expect(code(t.services.accounts.signInWithLink(ctx(null), token))).resolves.toBe('not_found');

    await t.services.accounts.requestSignInLink(ctx(null), { email: user.email }, '10.5.0.1', 'en');
    const late = /\/sign-in\/link\/([\w-]+)/.exec((await lastMail()).text)![1]!;
    t.clock.advanceMinutes(16);
    await expect(code(t.services.accounts.signInWithLink(ctx(null), late))).resolves.toBe('not_found');
  });

  it('answers the same for unknown emails and sends nothing', async () => {
    const before = await lastMail().catch(() => undefined);
    await t.services.accounts.requestSignInLink(ctx(null), { email: 'unknown@nextwork.test' }, '10.5.0.2', 'da');
    expect((await lastMail().catch(() => undefined))?.id).toBe(before?.id);
  });
});

describe('invitations', () => {
  it('a team leader invites a counsellor, who sets a password and holds the role', async () => {
    const m = await makeMunicipality(t);
    const leader = await makeUser(t, [{ role: 'team_leader', municipalityId: m.id }]);
    await t.services.accounts.invite(
      ctx(leader),
      { name: 'Sara Holm', email: 'sara@nextwork.test', role: 'youth_counsellor', municipalityId: m.id },
      'da',
    );
    const mail = await lastMail();
    expect(mail.text).toContain('Ungevejleder');
    const token = /\/invitations\/([\w-]+)/.exec(mail.text)![1]!;
    await expect(
      code(t.services.accounts.acceptInvitation(ctx(null), token, { password: 'short', passwordRepeat: 'short' })),
    ).resolves.toBe('invalid');
    await expect(
      code(
        t.services.accounts.acceptInvitation(ctx(null), token, { password: 'a good long password', passwordRepeat: 'different one here' }),
      ),
    ).resolves.toBe('invalid');
    const { sessionToken } = await t.services.accounts.acceptInvitation(ctx(null), token, {
      password: 'a good long password',
      passwordRepeat: 'a good long password',
    });
    const resolved = await t.services.accounts.resolveSession(sessionToken);
    expect(resolved?.actor.memberships).toEqual([{ role: 'youth_counsellor', municipalityId: m.id }]);
    await expect(
      code(
        t.services.accounts.acceptInvitation(ctx(null), token, {
          password: 'a good long password',
          passwordRepeat: 'a good long password',
        }),
      ),
    ).resolves.toBe('not_found');
  });

  it("an accepted invitation shows at once in a signed-in user's roles (no stale session cache)", async () => {
    const m = await makeMunicipality(t);
    const leader = await makeUser(t, [{ role: 'team_leader', municipalityId: m.id }]);
    const user = await makeUser(t, [{ role: 'youth_counsellor', municipalityId: m.id }]);
    const { sessionToken } = await t.services.accounts.signInWithPassword(
      ctx(null),
      { email: user.email, password: TEST_PASSWORD },
      '10.6.0.1',
    );
    expect((await t.services.accounts.resolveSession(sessionToken))?.actor.memberships).toHaveLength(1);
    await t.services.accounts.invite(
      ctx(leader),
      { name: user.name, email: user.email, role: 'network_consultant', municipalityId: m.id },
      'da',
    );
    const token = /\/invitations\/([\w-]+)/.exec((await lastMail()).text)![1]!;
    await t.services.accounts.acceptInvitation(ctx(null), token, {
      password: 'another long password',
      passwordRepeat: 'another long password',
    });
    const roles = (await t.services.accounts.resolveSession(sessionToken))?.actor.memberships.map((x) => x.role).sort();
    expect(roles).toEqual(['network_consultant', 'youth_counsellor']);
  });

  it('refuses roles the inviter may not grant and other municipalities, as not found', async () => {
    const m = await makeMunicipality(t);
    const other = await makeMunicipality(t);
    const consultant = await makeUser(t, [{ role: 'network_consultant', municipalityId: m.id }]);
    const invite = (input: Record<string, string>) => code(t.services.accounts.invite(ctx(consultant), input, 'da'));
    expect(await invite({ name: 'Ny Leder', email: 'x@nextwork.test', role: 'team_leader', municipalityId: m.id })).toBe('not_found');
    expect(await invite({ name: 'Ny Ung', email: 'y@nextwork.test', role: 'youth', municipalityId: other.id })).toBe('not_found');
    expect(await invite({ name: 'Ny Ung', email: 'y@nextwork.test', role: 'youth', municipalityId: m.id })).toBe('ok');
    expect(await invite({ name: 'x', email: 'bad', role: 'nope', municipalityId: m.id })).toBe('invalid');
  });
});
