import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createServices, type Services } from '../../src/app/services.ts';
import type { Listener } from '../../src/platform/db/listen.ts';
import { followSessionChanges } from '../../src/modules/accounts/session-cache.ts';
import { memberships } from '../../src/modules/accounts/accounts.schema.ts';
import { companies, companyContacts } from '../../src/modules/companies/companies.schema.ts';
import { driver } from '../support/db.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';
import { TEST_PASSWORD, type TestContext, createTestContext, ctx, makeMunicipality, makeUser } from '../support/context.ts';

// Two web servers on one PostgreSQL database: `a` caches sessions and follows the change notices,
// `b` makes the changes. Each change must reach `a` at once, not after the cache's 30 s.
describe.runIf(driver === 'postgres')('the session cache across servers (PostgreSQL change notices)', () => {
  let t: TestContext;
  let a: Services;
  let b: Services;
  let notices: Listener | undefined;

  beforeAll(async () => {
    t = await createTestContext();
    a = t.services;
    b = createServices(t.database, t.clock, {
      baseUrl: 'http://localhost:3000',
      smtpUrl: undefined,
      mailFrom: 'nextwork <test@nextwork.test>',
      demo: false,
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      dataKey: randomBytes(32),
    });
    notices = await followSessionChanges(t.database, a.sessionCache);
  });
  afterAll(async () => {
    await notices?.close();
    b.mailer.close();
    await t.close();
  });

  const soon = async (check: () => Promise<boolean>) => {
    const start = Date.now();
    while (!(await check())) {
      if (Date.now() - start > 10_000) throw new Error('not within 10 s'); // far below the cache's 30 s, with room for a busy machine
      await new Promise((r) => setTimeout(r, 20));
    }
    return Date.now() - start;
  };

  async function signedIn() {
    const m = await makeMunicipality(t);
    const user = await makeUser(t, [{ role: 'network_consultant', municipalityId: m.id }]);
    const { sessionToken } = await b.accounts.signInWithPassword(ctx(null), { email: user.email, password: TEST_PASSWORD }, '127.0.0.1');
    const resolved = (await a.accounts.resolveSession(sessionToken))!;
    expect(a.sessionCache.enabled).toBe(true);
    expect(a.sessionCache.get(resolved.sessionId)).toBeDefined(); // cached by `a`
    return { m, user, sessionToken, resolved };
  }

  it('a sign-out on another server ends the session here at once', async () => {
    const { sessionToken, resolved } = await signedIn();
    await b.accounts.signOut(ctx(resolved.actor), resolved.sessionId);
    expect(await soon(async () => (await a.accounts.resolveSession(sessionToken)) === null)).toBeLessThan(10_000);
  });

  it('a new role or company on another server shows here at once', async () => {
    const { m, user, sessionToken } = await signedIn();
    // Written outside the accounts repository (as other modules and servers do): the triggers tell.
    await t.database.db.insert(memberships).values({ userId: user.userId, role: 'team_leader', municipalityId: m.id });
    expect(
      await soon(async () => (await a.accounts.resolveSession(sessionToken))!.actor.memberships.some((r) => r.role === 'team_leader')),
    ).toBeLessThan(10_000);
    const [c] = await t.database.db
      .insert(companies)
      .values({ municipalityId: m.id, name: 'Notice ApS', nameSort: 'notice aps', cvr: '10000025', tradeSection: 'G', area: 'Roskilde' })
      .returning();
    await t.database.db.insert(companyContacts).values({ companyId: c!.id, userId: user.userId });
    expect(
      await soon(async () => (await a.accounts.resolveSession(sessionToken))!.actor.companyIds?.includes(c!.id) === true),
    ).toBeLessThan(10_000);
  });

  it('a disabled user is signed out here at once', async () => {
    const { user, sessionToken } = await signedIn();
    await t.database.db.execute(sql`update users set disabled_at = now() where id = ${user.userId}`);
    expect(await soon(async () => (await a.accounts.resolveSession(sessionToken)) === null)).toBeLessThan(10_000);
  });

  it('while the notices are lost the cache is off, and it comes back when they are', async () => {
    const { sessionToken, resolved } = await signedIn();
    await t.database.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = 'nextwork listen nw_session_changes'`,
    );
    expect(await soon(async () => !a.sessionCache.enabled)).toBeLessThan(10_000);
    expect(a.sessionCache.get(resolved.sessionId)).toBeUndefined();
    // Off, every lookup reads the database: a sign-out meanwhile is seen.
    await b.accounts.signOut(ctx(resolved.actor), resolved.sessionId);
    expect(await a.accounts.resolveSession(sessionToken)).toBeNull();
    expect(await soon(async () => a.sessionCache.enabled)).toBeLessThan(10_000); // reconnected
    const again = await signedIn();
    await b.accounts.signOut(ctx(again.resolved.actor), again.resolved.sessionId);
    expect(await soon(async () => (await a.accounts.resolveSession(again.sessionToken)) === null)).toBeLessThan(10_000);
  });

  it('while the listening connection is silent (packets dropped, nothing closed) the cache is off within two heartbeats', async () => {
    // A third server, `c`, listens through a proxy that can freeze its connection.
    const HEARTBEAT_MS = 250;
    const server = new URL(t.database.url!);
    const proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    const viaProxy = new URL(server);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const c = createServices(t.database, t.clock, b.settings);
    const lost: unknown[] = [];
    const cNotices = await followSessionChanges({ ...t.database, url: viaProxy.toString() }, c.sessionCache, (err) => lost.push(err), {
      heartbeatMs: HEARTBEAT_MS,
    });
    try {
      await soon(async () => c.sessionCache.enabled);
      const { sessionToken, resolved } = await signedIn();
      await c.accounts.resolveSession(sessionToken);
      // Heartbeats come and go, their own and the other server's: nothing cached is cleared for them.
      await new Promise((r) => setTimeout(r, 3 * HEARTBEAT_MS));
      expect(c.sessionCache.get(resolved.sessionId)).toBeDefined();
      expect(a.sessionCache.get(resolved.sessionId)).toBeDefined();

      proxy.freeze();
      const frozenAt = Date.now();
      await b.accounts.signOut(ctx(resolved.actor), resolved.sessionId); // its notice cannot reach `c`
      await soon(async () => !c.sessionCache.enabled);
      // Two heartbeats (500 ms) when the machine is idle; the bound leaves room for a busy one and is still far below the 29 s a half-dead connection used to give.
      expect(Date.now() - frozenAt).toBeLessThan(5_000);
      expect(lost).toEqual([expect.objectContaining({ message: `no heartbeat back for ${2 * HEARTBEAT_MS} ms` })]);
      expect(c.sessionCache.get(resolved.sessionId)).toBeUndefined();
      expect(await c.accounts.resolveSession(sessionToken)).toBeNull();

      // A new connection (new connections pass the proxy) is trusted once a heartbeat is back.
      await soon(async () => c.sessionCache.enabled);
      const again = await signedIn();
      await c.accounts.resolveSession(again.sessionToken);
      expect(c.sessionCache.get(again.resolved.sessionId)).toBeDefined();
      await b.accounts.signOut(ctx(again.resolved.actor), again.resolved.sessionId);
      expect(await soon(async () => (await c.accounts.resolveSession(again.sessionToken)) === null)).toBeLessThan(10_000);
    } finally {
      await cNotices?.close();
      c.mailer.close();
      await proxy.close();
    }
  });
});
