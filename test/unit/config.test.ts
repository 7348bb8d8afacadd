import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/app/config.ts';

describe('configuration', () => {
  it('defaults to embedded mode on port 3000 with demo data', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, databaseUrl: undefined, demo: true, baseUrl: 'http://localhost:3000', secureCookies: false });
  });

  it('turns demo off by default on a PostgreSQL server and cookies secure on https', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u@db/x',
      BASE_URL: 'https://nextwork.roskilde.dk/',
      DATA_KEY: 'ab'.repeat(32),
      SESSION_SECRET: 's'.repeat(32),
    });
    expect(c).toMatchObject({
      demo: false,
      secureCookies: true,
      baseUrl: 'https://nextwork.roskilde.dk',
      databasePoolSize: 20,
      trustProxy: false,
    });
    expect(c.dataKey).toHaveLength(32);
  });

  it('trusts X-Forwarded-For only from the proxies configured (#19.4)', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.0.0.0/24' }).trustProxy).toBe('10.0.0.5,10.0.0.0/24');
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be between 0 and 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres/],
    [{ DATABASE_POOL_SIZE: '0' }, /DATABASE_POOL_SIZE must be between 1 and 200/],
    [{ DATABASE_POOL_SIZE: 'many' }, /DATABASE_POOL_SIZE must be a whole number/],
    [{ BASE_URL: 'ftp://x' }, /BASE_URL must be an http/],
    [{ SMTP_URL: 'mail.example' }, /SMTP_URL must be an smtp/],
    [{ SESSION_SECRET: 'short' }, /SESSION_SECRET must be at least 32 characters/],
    [{ DEMO: 'maybe' }, /DEMO must be one of/],
    [{ NODE_ENV: 'production' }, /SESSION_SECRET is required/],
    [{ DATABASE_URL: 'postgres://u@db/x' }, /DATA_KEY is required with DATABASE_URL/],
    [{ DATA_KEY: 'tooshort' }, /DATA_KEY must be 32 bytes/],
    [{ DATABASE_URL: 'postgres://u@db/x', DATA_KEY: 'ab'.repeat(32) }, /SESSION_SECRET is required with DATABASE_URL/],
    [{ TRUST_PROXY: 'true' }, /TRUST_PROXY must be the number of proxies/],
    [{ TRUST_PROXY: '10.0.0.5; rm' }, /TRUST_PROXY must be the number of proxies/],
  ])('refuses %o with one clear line', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
