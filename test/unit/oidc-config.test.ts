import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/app/config.ts';
import { cprDigits } from '../../src/modules/accounts/oidc.service.ts';

const issuer = 'https://broker.mitid.example/op';

describe('configuration of sign-in through OpenID Connect (#18, decision 0028)', () => {
  it('is off unless configured, and takes defaults for the label and the scopes', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    expect(loadConfig({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'nextwork' }).oidc).toEqual({
      issuer,
      clientId: 'nextwork',
      clientSecret: undefined,
      label: 'MitID',
      scopes: 'openid',
      cprClaim: undefined,
    });
    expect(
      loadConfig({
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: 'nextwork',
        OIDC_CLIENT_SECRET: 'secret',
        OIDC_LABEL: 'NemLog-in',
        OIDC_SCOPES: 'openid mitid ssn',
        OIDC_CPR_CLAIM: 'dk.cpr',
      }).oidc,
    ).toMatchObject({ label: 'NemLog-in', scopes: 'openid mitid ssn', cprClaim: 'dk.cpr', clientSecret: 'secret' });
  });

  it('stops the start with one clear line on a bad value', () => {
    const line = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        return (err as Error).message;
      }
      throw new Error('expected a ConfigError');
    };
    expect(line({ OIDC_ISSUER: 'http://idp.example', OIDC_CLIENT_ID: 'x' })).toBe(
      'Invalid configuration: OIDC_ISSUER must be an https:// URL (http:// only for localhost) (got "http://idp.example")',
    );
    expect(line({ OIDC_ISSUER: 'not a url', OIDC_CLIENT_ID: 'x' })).toMatch(
      /^Invalid configuration: OIDC_ISSUER must be an https:\/\/ URL/,
    );
    expect(line({ OIDC_ISSUER: issuer })).toBe(
      'Invalid configuration: OIDC_ISSUER and OIDC_CLIENT_ID are both required for sign-in with OpenID Connect (OIDC_ISSUER given)',
    );
    expect(line({ OIDC_CLIENT_ID: 'x', OIDC_CPR_CLAIM: 'cpr' })).toMatch(/OIDC_ISSUER and OIDC_CLIENT_ID are both required/);
    expect(line({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'x', OIDC_SCOPES: 'profile email' })).toBe(
      'Invalid configuration: OIDC_SCOPES must include openid (got "profile email")',
    );
    expect(line({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'x', OIDC_SCOPES: 'openid  profile' })).toMatch(/OIDC_SCOPES must be scope names/);
    expect(line({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'x', OIDC_LABEL: 'x'.repeat(41) })).toMatch(/OIDC_LABEL must be at most 40/);
  });

  it('accepts http:// only for a provider on this machine (tests, development)', () => {
    expect(loadConfig({ OIDC_ISSUER: 'http://127.0.0.1:4455', OIDC_CLIENT_ID: 'x' }).oidc?.issuer).toBe('http://127.0.0.1:4455');
    expect(loadConfig({ OIDC_ISSUER: 'http://localhost:4455/op', OIDC_CLIENT_ID: 'x' }).oidc?.issuer).toBe('http://localhost:4455/op');
    expect(() => loadConfig({ OIDC_ISSUER: 'http://localhost.evil.example', OIDC_CLIENT_ID: 'x' })).toThrow(ConfigError);
  });

  it('reads a CPR claim with or without the dash, and nothing else', () => {
    expect(cprDigits('0101901234')).toBe('0101901234');
    expect(cprDigits(' 010190-1234 ')).toBe('0101901234');
    for (const bad of ['01019-01234', '010190123', '01019012345', 101901234, undefined, null, ['0101901234']])
      expect(cprDigits(bad)).toBeUndefined();
  });
});
