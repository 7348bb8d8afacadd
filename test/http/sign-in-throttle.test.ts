import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { signInThrottle } from '../../src/modules/accounts/accounts.schema.ts';
import { buildServer, type App } from '../../src/app/server.ts';
import { TEST_PASSWORD, type TestContext, createTestContext, makeMunicipality, makeUser } from '../support/context.ts';
import { Browser, testServer } from '../support/http.ts';

let t: TestContext;
let app: App;
beforeAll(async () => {
  t = await createTestContext();
  app = await testServer(t);
});
afterAll(async () => {
  await app.close();
  await t.close();
});

/** A password sign-in from a given socket address, with a forged X-Forwarded-For and the browser's cookies. */
async function signIn(target: App, b: Browser, email: string, password: string, remoteAddress: string, forwardedFor?: string) {
  const csrf = await b.csrf();
  return target.inject({
    method: 'POST',
    url: '/sign-in',
    remoteAddress,
    payload: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
    headers: {
      cookie: b.header,
      'content-type': 'application/x-www-form-urlencoded',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
  });
}

describe('sign-in throttling (#19.4)', () => {
  it('ignores X-Forwarded-For unless a proxy is configured, so a rotating header does not escape the per-IP limit', async () => {
    const b = new Browser(app);
    let last = 0;
    for (let i = 0; i < 22; i++) {
      const res = await signIn(app, b, `nobody-${i}@throttle.test`, 'wrong-password', '192.0.2.10', `198.51.100.${i}`);
      last = res.statusCode;
      if (last === 429) {
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        break;
      }
    }
    expect(last).toBe(429);

    const behindProxy = await buildServer(t.services, {
      sessionSecret: 's'.repeat(40),
      secureCookies: false,
      logLevel: 'silent',
      logger: false,
      trustProxy: 1,
    });
    try {
      await signIn(behindProxy, new Browser(behindProxy), 'nobody@throttle.test', 'wrong-password', '192.0.2.20', '203.0.113.9');
      const counted = await t.database.db
        .select()
        .from(signInThrottle)
        .where(and(eq(signInThrottle.kind, 'ip'), eq(signInThrottle.key, '203.0.113.9')));
      expect(counted).toHaveLength(1); // the proxy's word is taken only when configured
    } finally {
      await behindProxy.close();
    }
  });

  it('an account locked by someone else’s guesses still lets its owner in from a device used before, with Retry-After for others', async () => {
    const m = await makeMunicipality(t);
    const owner = await makeUser(t, [{ role: 'youth', municipalityId: m.id }]);
    const mine = new Browser(app);
    expect((await signIn(app, mine, owner.email, TEST_PASSWORD, '192.0.2.30')).statusCode).toBe(303);
    for (const c of (await signIn(app, mine, owner.email, TEST_PASSWORD, '192.0.2.30')).cookies as { name: string; value: string }[])
      mine.cookies.set(c.name, c.value);
    expect(mine.cookies.get('nw_device')).toBeTruthy();

    const attacker = new Browser(app);
    for (let i = 0; i < 7; i++) await signIn(app, attacker, owner.email, `guess-${i}`, `192.0.2.${40 + i}`);
    const refused = await signIn(app, attacker, owner.email, TEST_PASSWORD, '192.0.2.60');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // A forged note does not.
    const forger = new Browser(app);
    forger.cookies.set(
      'nw_device',
      mine.cookies.get('nw_device')!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
    );
    expect((await signIn(app, forger, owner.email, TEST_PASSWORD, '192.0.2.61')).statusCode).toBe(429);
    // The owner's browser carries the signed device note: the correct password still works.
    expect((await signIn(app, mine, owner.email, TEST_PASSWORD, '192.0.2.31')).statusCode).toBe(303);
  });

  it('rotates the CSRF cookie at sign-in', async () => {
    const m = await makeMunicipality(t);
    const user = await makeUser(t, [{ role: 'youth', municipalityId: m.id }]);
    const b = new Browser(app);
    await b.csrf();
    const before = b.cookies.get('nw_csrf');
    const res = await signIn(app, b, user.email, TEST_PASSWORD, '192.0.2.70');
    expect(res.statusCode).toBe(303);
    const after = (res.cookies as { name: string; value: string }[]).find((c) => c.name === 'nw_csrf')?.value;
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
  });
});
