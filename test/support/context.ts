import { AppError } from '../../src/platform/errors.ts';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createServices, type Services } from '../../src/app/services.ts';
import type { Actor } from '../../src/platform/access/policy.ts';
import type { Role } from '../../src/platform/access/roles.ts';
import type { Context } from '../../src/platform/audit/audit.service.ts';
import { auditEvents } from '../../src/platform/audit/audit.schema.ts';
import { MovableClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/db/client.ts';
import { memberships, users } from '../../src/modules/accounts/accounts.schema.ts';
import { hashPassword } from '../../src/modules/accounts/accounts.service.ts';
import { municipalities } from '../../src/modules/municipalities/municipalities.schema.ts';
import { testDatabase } from './db.ts';

export const TEST_PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | undefined;

export interface TestContext {
  database: Database;
  services: Services;
  clock: MovableClock;
  close(): Promise<void>;
}

export async function createTestContext(options: { smtpUrl?: string; demo?: boolean; baseUrl?: string } = {}): Promise<TestContext> {
  const database = await testDatabase();
  const clock = new MovableClock();
  const services = createServices(database, clock, {
    baseUrl: options.baseUrl ?? 'http://localhost:3000',
    smtpUrl: options.smtpUrl,
    mailFrom: 'nextwork <test@nextwork.test>',
    demo: options.demo ?? false,
    sessionIdleMinutes: 30,
    sessionAbsoluteHours: 12,
    dataKey: randomBytes(32),
  });
  return {
    database,
    services,
    clock,
    async close() {
      services.mailer.close();
      await database.close();
    },
  };
}

let codeSeq = 100;
const unique = () => randomBytes(4).toString('hex');

/** A fresh municipality: each test works in its own tenant, so tests need no cleanup. */
export async function makeMunicipality(t: TestContext, name = `Kommune ${unique()}`) {
  const [m] = await t.database.db
    .insert(municipalities)
    .values({ name, code: String(codeSeq++) })
    .returning();
  return m!;
}

/** A user holding roles; creates a municipality when a municipal role is given without one. */
export async function makeUser(
  t: TestContext,
  roles: { role: Role; municipalityId: string | null }[],
  values: { email?: string; name?: string } = {},
): Promise<Actor> {
  const email = values.email ?? `user-${unique()}@nextwork.test`;
  const [user] = await t.database.db
    .insert(users)
    .values({
      email,
      name: values.name ?? `Person ${unique()}`,
      passwordHash: await (passwordHash ??= hashPassword(TEST_PASSWORD)),
      createdAt: t.clock.now(),
    })
    .returning();
  if (roles.length) await t.database.db.insert(memberships).values(roles.map((r) => ({ userId: user!.id, ...r })));
  return { userId: user!.id, name: user!.name, email: user!.email, memberships: roles };
}

export const ctx = (actor: Actor | null): Context => ({ actor, requestId: `test-${unique()}` });

export async function auditFor(t: TestContext, requestId: string) {
  return t.database.db.select().from(auditEvents).where(eq(auditEvents.requestId, requestId));
}

/** The AppError a service call fails with; fails the test when it succeeds or throws anything else. */
export async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError, but the call succeeded');
}
