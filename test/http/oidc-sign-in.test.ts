import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { buildServer, type App } from '../../src/app/server.ts';
import { createServices, type Services } from '../../src/app/services.ts';
import { oidcIdentities, users } from '../../src/modules/accounts/accounts.schema.ts';
import { youth } from '../../src/modules/youth/youth.schema.ts';
import { auditEvents } from '../../src/platform/audit/audit.schema.ts';
import { type TestContext, createTestContext, ctx, makeMunicipality, makeUser } from '../support/context.ts';
import { Browser, testServer } from '../support/http.ts';
import { CPR_CLAIM, type TestProvider, startTestProvider, throughProvider } from '../support/oidc-provider.ts';

const BASE = 'http://localhost:3000';

let t: TestContext;
let provider: TestProvider;
let services: Services;
let app: App;
let m: string;
let counsellor: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  t = await createTestContext({ baseUrl: BASE });
  provider = await startTestProvider(BASE);
  // The same database and data key, with a provider configured as OIDC_* would.
  services = createServices(t.database, t.clock, {
    ...t.services.settings,
    oidc: {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      label: 'MitID',
      scopes: `openid ${CPR_CLAIM}`,
      cprClaim: CPR_CLAIM,
    },
  });
  app = await buildServer(services, { sessionSecret: 's'.repeat(40), secureCookies: false, logLevel: 'silent', logger: false });
  await app.ready();
  m = (await makeMunicipality(t)).id;
  counsellor = await makeUser(t, [{ role: 'youth_counsellor', municipalityId: m }]);
});
afterAll(async () => {
  await app?.close();
  await provider?.close();
  await t?.close();
});

let serial = 5000;
/** A referred young person; with an account when `withAccount`. Returns the CPR number as written at referral. */
async function young(withAccount = true, municipalityId = m) {
  const cpr = `150605${serial++}`;
  const { youth: y } = await t.services.youth.refer(
    ctx(counsellor),
    municipalityId,
    {
      firstName: 'Amina',
      lastName: 'Hansen',
      cpr,
      email: `amina${serial}@nextwork.test`,
      referringCaseworker: 'Jens Jobcenter',
      referredOn: '2026-03-02',
      hoursPossible: '20',
      eligibilityNote: '',
    },
    'da',
  );
  if (!withAccount) return { cpr, youthId: y.id, userId: undefined };
  const actor = await makeUser(t, [{ role: 'youth', municipalityId }], { name: 'Amina Hansen' });
  await t.database.db.update(youth).set({ userId: actor.userId }).where(eq(youth.id, y.id));
  return { cpr, youthId: y.id, userId: actor.userId };
}

/** Starts at `start` in nextwork, signs in at the provider as `accountId`, and comes back: the callback's answer. */
async function viaProvider(b: Browser, accountId: string | undefined, start = '/sign-in/oidc') {
  provider.signInNext(accountId as string);
  const leave = await b.get(start);
  expect(leave.statusCode).toBe(303);
  expect(leave.headers.location).toMatch(new RegExp(`^${provider.issuer}/auth\\?`));
  const back = await throughProvider(String(leave.headers.location), `${BASE}/`);
  return { back, res: await b.get(back.pathname + back.search) };
}

async function signedInAs(b: Browser): Promise<string | undefined> {
  const token = b.cookies.get('nw_session');
  return token ? (await services.accounts.resolveSession(token))?.actor.userId : undefined;
}

const audited = (action: string, subjectUserId: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.subjectUserId, subjectUserId)));

describe('sign-in with MitID through OpenID Connect (#18), against a real provider', () => {
  it('shows the button only when a provider is configured', async () => {
    const page = await new Browser(app).get('/sign-in');
    expect(page.body).toContain('Log ind med MitID');
    expect(page.body).toContain('href="/sign-in/oidc"');
    const plain = await testServer(t);
    try {
      expect((await new Browser(plain).get('/sign-in')).body).not.toContain('/sign-in/oidc');
      expect((await new Browser(plain).get('/sign-in/oidc')).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('recognises a young person by the CPR claim against the sealed hash, records the link, and signs them in without a password', async () => {
    const y = await young();
    provider.addAccount('mitid-amina', { cpr: `${y.cpr.slice(0, 6)}-${y.cpr.slice(6)}` }); // the claim with a dash
    const b = new Browser(app);
    const { res } = await viaProvider(b, 'mitid-amina', '/sign-in/oidc?next=%2Fmessages');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/messages');
    expect(await signedInAs(b)).toBe(y.userId);
    expect(b.cookies.has('nw_oidc')).toBe(false); // the flow's cookie is spent

    const [link] = await t.database.db.select().from(oidcIdentities).where(eq(oidcIdentities.userId, y.userId!));
    expect(link).toMatchObject({ issuer: provider.issuer, subject: 'mitid-amina', linkedBy: 'cpr' });
    expect(JSON.stringify(link)).not.toContain(y.cpr.slice(6)); // no CPR number stored with the link
    const signIns = await audited('account.sign_in', y.userId!);
    expect(signIns.at(-1)).toMatchObject({ outcome: 'allowed', details: { method: 'oidc', by: 'cpr', issuer: provider.issuer } });
    expect(await audited('account.oidc_link', y.userId!)).toHaveLength(1);
    expect(JSON.stringify(await audited('account.sign_in', y.userId!))).not.toContain(y.cpr.slice(6));

    // The next time, the link is enough: no second link is recorded.
    const again = new Browser(app);
    expect((await viaProvider(again, 'mitid-amina')).res.headers.location).toBe('/dashboard');
    expect(await signedInAs(again)).toBe(y.userId);
    expect(await audited('account.oidc_link', y.userId!)).toHaveLength(1);
  });

  it('an unknown person gets the same clear page whether their CPR number is unknown, has no account, or is missing — and nothing is created', async () => {
    const noAccount = await young(false);
    provider.addAccount('mitid-stranger', { cpr: '0101900001' });
    provider.addAccount('mitid-not-invited', { cpr: noAccount.cpr });
    provider.addAccount('mitid-no-cpr');
    const [before] = await t.database.db.select({ n: count() }).from(users);
    const [linksBefore] = await t.database.db.select({ n: count() }).from(oidcIdentities);
    const answers: string[] = [];
    for (const who of ['mitid-stranger', 'mitid-not-invited', 'mitid-no-cpr']) {
      const b = new Browser(app);
      const { res } = await viaProvider(b, who);
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('Vi kunne ikke finde en konto til dig');
      expect(res.body).toContain('href="/sign-in"');
      expect(b.cookies.has('nw_session')).toBe(false);
      answers.push(/<main[\s\S]*<\/main>/.exec(res.body)?.[0] ?? res.body);
    }
    expect(new Set(answers).size).toBe(1); // the three answers are the same page
    expect((await t.database.db.select({ n: count() }).from(users))[0]).toEqual(before);
    expect((await t.database.db.select({ n: count() }).from(oidcIdentities))[0]).toEqual(linksBefore);
    const refused = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'account.sign_in'), eq(auditEvents.outcome, 'failed')));
    expect(refused.filter((e) => (e.details as { reason?: string }).reason === 'unknown').length).toBeGreaterThanOrEqual(3);
  });

  it('refuses the same CPR number on two accounts (two municipalities) rather than guess', async () => {
    const a = await young();
    const other = (await makeMunicipality(t)).id;
    const { youth: y2 } = await t.services.youth.refer(
      ctx(await makeUser(t, [{ role: 'youth_counsellor', municipalityId: other }])),
      other,
      {
        firstName: 'Amina',
        lastName: 'Hansen',
        cpr: a.cpr,
        email: `twin${serial}@nextwork.test`,
        referringCaseworker: 'Jens',
        referredOn: '2026-03-02',
        hoursPossible: '20',
        eligibilityNote: '',
      },
      'da',
    );
    const second = await makeUser(t, [{ role: 'youth', municipalityId: other }]);
    await t.database.db.update(youth).set({ userId: second.userId }).where(eq(youth.id, y2.id));
    provider.addAccount('mitid-twin', { cpr: a.cpr });
    const b = new Browser(app);
    expect((await viaProvider(b, 'mitid-twin')).res.statusCode).toBe(404);
    expect(b.cookies.has('nw_session')).toBe(false);
  });

  it('a staff member links their account once under their profile, then signs in with it; unlinking ends that', async () => {
    const staff = await makeUser(t, [{ role: 'network_consultant', municipalityId: m }]);
    provider.addAccount('idp-staff-1');
    const b = new Browser(app);
    await b.signIn(staff.email);
    expect((await b.get('/me/contact')).body).toContain('href="/me/sign-in"');
    const page = await b.get('/me/sign-in');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Forbind med MitID');

    const { res } = await viaProvider(b, 'idp-staff-1', '/me/sign-in/link');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/me/sign-in');
    expect(await signedInAs(b)).toBe(staff.userId); // still the same session
    const linked = await b.get('/me/sign-in');
    expect(linked.body).toContain('Din konto er forbundet med MitID siden');
    expect(linked.body).toContain('Fjern forbindelsen til MitID');
    expect(await audited('account.oidc_link', staff.userId)).toMatchObject([{ outcome: 'allowed', details: { by: 'link' } }]);

    const fresh = new Browser(app);
    expect((await viaProvider(fresh, 'idp-staff-1')).res.headers.location).toBe('/dashboard');
    expect(await signedInAs(fresh)).toBe(staff.userId);

    // Another account cannot take the same login.
    const other = await makeUser(t, [{ role: 'network_consultant', municipalityId: m }]);
    const o = new Browser(app);
    await o.signIn(other.email);
    const taken = await viaProvider(o, 'idp-staff-1', '/me/sign-in/link');
    expect(taken.res.statusCode).toBe(409);
    expect(taken.res.body).toContain('allerede forbundet med en anden konto');

    expect((await b.post('/me/sign-in/unlink', {})).statusCode).toBe(303);
    expect(await t.database.db.select().from(oidcIdentities).where(eq(oidcIdentities.userId, staff.userId))).toHaveLength(0);
    expect(await audited('account.oidc_unlink', staff.userId)).toHaveLength(1);
    const after = new Browser(app);
    expect((await viaProvider(after, 'idp-staff-1')).res.statusCode).toBe(404);
  });

  it('linking needs a signed-in person', async () => {
    const res = await new Browser(app).get('/me/sign-in/link');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/sign-in\?next=/);
  });

  describe('refused answers (nothing signed in, each audited)', () => {
    let y: Awaited<ReturnType<typeof young>>;
    beforeAll(async () => {
      y = await young();
      provider.addAccount('mitid-refused', { cpr: y.cpr });
    });

    const refusedFor = async (reason: string) =>
      (
        await t.database.db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, 'account.sign_in'), eq(auditEvents.outcome, 'failed')))
      ).filter((e) => (e.details as { reason?: string }).reason === reason);

    it('a wrong state', async () => {
      const b = new Browser(app);
      provider.signInNext('mitid-refused');
      const leave = await b.get('/sign-in/oidc');
      const back = await throughProvider(String(leave.headers.location), `${BASE}/`);
      back.searchParams.set('state', 'not-the-state');
      const res = await b.get(back.pathname + back.search);
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('kunne ikke godkendes');
      expect(b.cookies.has('nw_session')).toBe(false);
      expect((await refusedFor('OAUTH_INVALID_RESPONSE')).some((e) => /"state"/.test(String(e.details!.detail)))).toBe(true);
    });

    it('a wrong nonce (the ID token was not issued for this browser’s request)', async () => {
      const b = new Browser(app);
      provider.signInNext('mitid-refused');
      const leave = await b.get('/sign-in/oidc');
      const flow = JSON.parse(services.sealer.open(b.cookies.get('nw_oidc')!)) as { nonce: string };
      b.cookies.set('nw_oidc', services.sealer.seal(JSON.stringify({ ...flow, nonce: 'another-nonce' })));
      const back = await throughProvider(String(leave.headers.location), `${BASE}/`);
      const res = await b.get(back.pathname + back.search);
      expect(res.statusCode).toBe(422);
      expect(b.cookies.has('nw_session')).toBe(false);
      expect((await refusedFor('OAUTH_JWT_CLAIM_COMPARISON_FAILED')).length).toBeGreaterThanOrEqual(1);
    });

    it('a wrong issuer', async () => {
      const b = new Browser(app);
      provider.signInNext('mitid-refused');
      const leave = await b.get('/sign-in/oidc');
      const back = await throughProvider(String(leave.headers.location), `${BASE}/`);
      expect(back.searchParams.get('iss')).toBe(provider.issuer);
      back.searchParams.set('iss', 'https://evil.example');
      const res = await b.get(back.pathname + back.search);
      expect(res.statusCode).toBe(422);
      expect(b.cookies.has('nw_session')).toBe(false);
      expect((await refusedFor('OAUTH_INVALID_RESPONSE')).some((e) => /"iss"/.test(String(e.details!.detail)))).toBe(true);
    });

    it('an answer brought to another browser, and a code used twice', async () => {
      const b = new Browser(app);
      const { back, res } = await viaProvider(b, 'mitid-refused');
      expect(res.statusCode).toBe(303);
      const elsewhere = await new Browser(app).get(back.pathname + back.search);
      expect(elsewhere.statusCode).toBe(422);
      expect(elsewhere.body).toContain('startet i en anden browser');
      expect((await refusedFor('no_flow')).length).toBeGreaterThanOrEqual(1);
      const replay = await b.get(back.pathname + back.search); // the flow's cookie is spent
      expect(replay.statusCode).toBe(422);
    });

    it('cancelled at the provider', async () => {
      const b = new Browser(app);
      const { res } = await viaProvider(b, undefined);
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('Login blev afbrudt');
      expect((await refusedFor('access_denied')).length).toBeGreaterThanOrEqual(1);
    });

    it('a disabled account', async () => {
      const d = await young();
      provider.addAccount('mitid-disabled', { cpr: d.cpr });
      await t.database.db.update(users).set({ disabledAt: t.clock.now() }).where(eq(users.id, d.userId!));
      const b = new Browser(app);
      expect((await viaProvider(b, 'mitid-disabled')).res.statusCode).toBe(404);
      expect(b.cookies.has('nw_session')).toBe(false);
    });
  });

  it('sign-out ends the local session and goes on to the provider’s end-session page', async () => {
    const y = await young();
    provider.addAccount('mitid-leaving', { cpr: y.cpr });
    const b = new Browser(app);
    await viaProvider(b, 'mitid-leaving');
    const token = b.cookies.get('nw_session')!;
    const out = await b.post('/sign-out', {});
    expect(out.statusCode).toBe(303);
    const there = new URL(String(out.headers.location));
    expect(there.origin + there.pathname).toBe(`${provider.issuer}/session/end`);
    expect(there.searchParams.get('client_id')).toBe(provider.clientId);
    expect(there.searchParams.get('post_logout_redirect_uri')).toBe(`${BASE}/sign-in`);
    expect(await services.accounts.resolveSession(token)).toBeNull();
    // The provider knows the way back (its confirmation page answers).
    expect((await fetch(there, { redirect: 'manual' })).status).toBe(200);

    // A password session signs out locally only.
    const staff = await makeUser(t, [{ role: 'network_consultant', municipalityId: m }]);
    const p = new Browser(app);
    await p.signIn(staff.email);
    expect((await p.post('/sign-out', {})).headers.location).toBe('/sign-in');
  });
});
