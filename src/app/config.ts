import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], {
    error: 'must be one of true, false, 1, 0, yes, no, on, off',
  })
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 200')
    .max(200, 'must be between 1 and 200')
    .default(20),
  BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('nextwork <no-reply@nextwork.localhost>'),
  ACCESSIBILITY_EMAIL: z.email('must be an email address').default('tilgaengelighed@nextwork.localhost'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  DEMO: booleanFlag.optional(),
  DATA_KEY: z
    .string()
    .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, 'must be 32 bytes as 64 hex characters or base64')
    .optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number({ error: 'must be a number' })
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number({ error: 'must be a number' })
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  MAX_CONCURRENT_REQUESTS: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 100000')
    .max(100_000, 'must be between 1 and 100000')
    .optional(),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/,
      'must be the number of proxies in front (e.g. 1) or their addresses (e.g. 10.0.0.5,10.0.0.6 or 10.0.0.0/24)',
    )
    .optional(),
  OIDC_ISSUER: z
    .url({ protocol: /^https?$/, error: 'must be an https:// URL (http:// only for localhost)' })
    .refine((v) => v.startsWith('https://') || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(v), {
      error: 'must be an https:// URL (http:// only for localhost)',
    })
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_LABEL: z.string().min(1).max(40, 'must be at most 40 characters').default('MitID'),
  OIDC_SCOPES: z
    .string()
    .regex(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, 'must be scope names separated by single spaces')
    .refine((v) => v.split(' ').includes('openid'), { error: 'must include openid' })
    .default('openid'),
  OIDC_CPR_CLAIM: z.string().min(1).max(200).optional(),
  SMS_GATEWAY_URL: z
    .url({ protocol: /^https?$/, error: 'must be an https:// URL (http:// only for localhost)' })
    .refine((v) => v.startsWith('https://') || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(v), {
      error: 'must be an https:// URL (http:// only for localhost)',
    })
    .optional(),
  SMS_GATEWAY_TOKEN: z.string().min(8, 'must be at least 8 characters').optional(),
  SMS_SENDER: z
    .string()
    .regex(/^[A-Za-z0-9]{1,11}$|^\+\d{8,15}$/, 'must be 1–11 letters or digits, or a phone number such as +4512345678')
    .default('NExTWORK'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Connections each server keeps to a PostgreSQL server. */
  databasePoolSize: number;
  baseUrl: string;
  secureCookies: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Where people write about accessibility barriers (the accessibility statement). */
  accessibilityEmail: string;
  sessionSecret: string;
  /** Encrypts CPR numbers at rest; undefined in embedded mode until boot reads or creates one. */
  dataKey: Buffer | undefined;
  demo: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  logLevel: string;
  production: boolean;
  /**
   * Which X-Forwarded-For entries to believe (Fastify's trustProxy): false (the default: the
   * client's address is the socket's), a number of proxy hops, or the proxies' addresses.
   */
  trustProxy: false | number | string;
  /** Requests a server works on at once; the rest get 503 at once. */
  maxConcurrentRequests: number;
  /** Sign-in through OpenID Connect (MitID through a broker, NemLog-in, the municipality's IdP); decision 0028. */
  oidc: OidcConfig | undefined;
  /** Text messages through an SMS gateway; undefined: they land in the development outbox. */
  sms: { url: string; token: string; sender: string } | undefined;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  /** The button's text: "Log ind med {label}". */
  label: string;
  scopes: string;
  /** The claim holding a CPR number (young people are recognised by it); none: only linked accounts. */
  cprClaim: string | undefined;
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError with one line saying what is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`Invalid configuration: ${name} ${issue.message} (got "${String(cleaned[name] ?? '')}")`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (e.DATABASE_URL && !e.DATA_KEY) {
    throw new ConfigError('Invalid configuration: DATA_KEY is required with DATABASE_URL (32 bytes, e.g. from: openssl rand -hex 32)');
  }
  if ((production || e.DATABASE_URL) && !e.SESSION_SECRET) {
    // A generated secret would change at every restart (and differ between servers), breaking open forms and sign-in links.
    throw new ConfigError(
      `Invalid configuration: SESSION_SECRET is required ${e.DATABASE_URL ? 'with DATABASE_URL' : 'when NODE_ENV=production'} (at least 32 characters, e.g. from: openssl rand -hex 32)`,
    );
  }
  const oidcSet = Object.keys(cleaned).filter((k) => ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_CPR_CLAIM'].includes(k));
  if (oidcSet.length && (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID)) {
    throw new ConfigError(
      `Invalid configuration: OIDC_ISSUER and OIDC_CLIENT_ID are both required for sign-in with OpenID Connect (${oidcSet.join(', ')} given)`,
    );
  }
  if (Boolean(e.SMS_GATEWAY_URL) !== Boolean(e.SMS_GATEWAY_TOKEN)) {
    throw new ConfigError('Invalid configuration: SMS_GATEWAY_URL and SMS_GATEWAY_TOKEN go together (the gateway and its bearer token)');
  }
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    baseUrl,
    secureCookies: baseUrl.startsWith('https://'),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    accessibilityEmail: e.ACCESSIBILITY_EMAIL,
    sessionSecret: e.SESSION_SECRET ?? randomBytes(32).toString('hex'),
    dataKey: e.DATA_KEY ? Buffer.from(e.DATA_KEY, e.DATA_KEY.length === 64 ? 'hex' : 'base64') : undefined,
    demo: e.DEMO ?? !e.DATABASE_URL,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    logLevel: e.LOG_LEVEL,
    production,
    // One per pooled connection: at 1,000 connections the admitted requests' p95 was 415 ms, against
    // 4.6 s with three per connection and 8.7 s (39 % unanswered) without a limit (bench/overload.ts).
    maxConcurrentRequests: e.MAX_CONCURRENT_REQUESTS ?? (e.DATABASE_URL ? e.DATABASE_POOL_SIZE : 16),
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            label: e.OIDC_LABEL,
            scopes: e.OIDC_SCOPES,
            cprClaim: e.OIDC_CPR_CLAIM,
          }
        : undefined,
    sms:
      e.SMS_GATEWAY_URL && e.SMS_GATEWAY_TOKEN ? { url: e.SMS_GATEWAY_URL, token: e.SMS_GATEWAY_TOKEN, sender: e.SMS_SENDER } : undefined,
    trustProxy:
      e.TRUST_PROXY === undefined ? false : /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY.replace(/\s+/g, ''),
  };
}
