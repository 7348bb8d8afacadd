import http from 'node:http';
import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1 at a random port, for tests: one
 * client, accounts with an optional CPR claim, and an interaction that signs in whichever account
 * the test names next (instead of a login form), consent included.
 */
export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The account the next interaction signs in. */
  signInNext(accountId: string): void;
  addAccount(accountId: string, claims?: { cpr?: string }): void;
  close(): Promise<void>;
}

export const CPR_CLAIM = 'cpr';

export async function startTestProvider(redirectBase: string): Promise<TestProvider> {
  const accounts = new Map<string, { cpr?: string }>();
  let next: string | undefined;
  let handler: http.RequestListener = (_req, res) => res.end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'nextwork-test';
  const clientSecret = 'a-test-client-secret-of-some-length';
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${redirectBase}/sign-in/oidc/callback`],
        post_logout_redirect_uris: [`${redirectBase}/sign-in`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['test-cookie-key-test-cookie-key'] },
    claims: { openid: ['sub'], [CPR_CLAIM]: [CPR_CLAIM] },
    scopes: ['openid', CPR_CLAIM],
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, id: string) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...(account.cpr ? { [CPR_CLAIM]: account.cpr } : {}) }) };
    },
  });
  const callback = provider.callback();
  handler = (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return callback(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      const accountId = next;
      if (!accountId) {
        await provider.interactionFinished(
          req,
          res,
          { error: 'access_denied', error_description: 'cancelled' },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
    })().catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  };
  return {
    issuer,
    clientId,
    clientSecret,
    signInNext: (id) => {
      next = id;
    },
    addAccount: (id, claims = {}) => accounts.set(id, claims),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A browser at the provider: follows its redirects with its cookies until the way back to `until`. */
export async function throughProvider(start: string, until: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = start;
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(until)) return new URL(url);
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider answered ${res.status} at ${url}: ${(await res.text()).slice(0, 300)}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects at the provider');
}
