import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../src/platform/access/policy.ts';
import { type Role, municipalRoles } from '../../src/platform/access/roles.ts';
import { AppError } from '../../src/platform/errors.ts';
import { type TestContext, auditFor, createTestContext, ctx, makeMunicipality, makeUser } from '../support/context.ts';

let t: TestContext;
let home: string;
let away: string;
const actors = new Map<Role, Actor>();
let youthHome: Actor;
let youthAway: Actor;
let companyContactHome: Actor;

beforeAll(async () => {
  t = await createTestContext();
  home = (await makeMunicipality(t, 'Hjemby')).id;
  away = (await makeMunicipality(t, 'Udeby')).id;
  for (const role of municipalRoles) actors.set(role, await makeUser(t, [{ role, municipalityId: home }]));
  for (const role of ['programme_lead', 'researcher', 'system_admin'] as const)
    actors.set(role, await makeUser(t, [{ role, municipalityId: null }]));
  youthHome = actors.get('youth')!;
  companyContactHome = actors.get('company_contact')!;
  youthAway = await makeUser(t, [{ role: 'youth', municipalityId: away }]);
});
afterAll(() => t.close());

async function outcome(p: Promise<unknown>): Promise<'allowed' | 'denied'> {
  try {
    await p;
    return 'allowed';
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return 'denied';
    throw err;
  }
}

// role → [read a young person, read a company contact, list people, team dashboard, read audit log, create municipality]
const table: Record<Role, [string, string, string, string, string, string]> = {
  youth: ['denied', 'denied', 'denied', 'denied', 'denied', 'denied'],
  company_contact: ['denied', 'denied', 'denied', 'denied', 'denied', 'denied'],
  youth_counsellor: ['allowed', 'allowed', 'allowed', 'allowed', 'denied', 'denied'],
  network_consultant: ['allowed', 'allowed', 'allowed', 'allowed', 'denied', 'denied'],
  psychologist: ['allowed', 'allowed', 'allowed', 'allowed', 'denied', 'denied'],
  entrepreneur: ['denied', 'allowed', 'allowed', 'allowed', 'denied', 'denied'],
  team_leader: ['allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'denied'],
  caseworker: ['denied', 'denied', 'denied', 'denied', 'denied', 'denied'],
  municipality_admin: ['allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'denied'],
  education_contact: ['denied', 'denied', 'denied', 'denied', 'denied', 'denied'],
  ngo_coordinator: ['denied', 'denied', 'denied', 'denied', 'denied', 'denied'],
  labour_market_leader: ['denied', 'denied', 'denied', 'denied', 'denied', 'denied'],
  programme_lead: ['denied', 'denied', 'denied', 'denied', 'denied', 'denied'],
  researcher: ['denied', 'denied', 'denied', 'denied', 'denied', 'denied'],
  system_admin: ['denied', 'denied', 'denied', 'denied', 'allowed', 'allowed'],
};

describe('permission table: role × action in the own municipality', () => {
  for (const [role, expected] of Object.entries(table) as [Role, string[]][]) {
    it(`${role}`, async () => {
      const actor = actors.get(role)!;
      const s = t.services;
      const got = [
        await outcome(s.people.get(ctx(actor), home, youthHome.userId)),
        await outcome(s.people.get(ctx(actor), home, companyContactHome.userId)),
        await outcome(s.people.list(ctx(actor), { municipalityId: home }, 'da')),
        await outcome(s.dashboard.team(ctx(actor), home)),
        await outcome(s.auditLog.listForMunicipality(ctx(actor), home)),
        await outcome(s.municipalities.create(ctx(actor), { name: `Ny ${role}`, code: String(500 + Object.keys(table).indexOf(role)) })),
      ];
      expect(got).toEqual(expected);
    });
  }
});

describe('another municipality', () => {
  it('every role of one municipality gets not found for the other, and the denial is audited', async () => {
    for (const role of municipalRoles) {
      const c = ctx(actors.get(role)!);
      await expect(outcome(t.services.people.get(c, away, youthAway.userId))).resolves.toBe('denied');
      const [event] = await auditFor(t, c.requestId!);
      expect(event).toMatchObject({
        action: 'person.read',
        outcome: 'denied',
        municipalityId: away,
        subjectUserId: youthAway.userId,
        actorUserId: actors.get(role)!.userId,
      });
    }
  });

  it('reaching with the own municipality id for a person in another also looks like not found', async () => {
    const c = ctx(actors.get('team_leader')!);
    await expect(outcome(t.services.people.get(c, home, youthAway.userId))).resolves.toBe('denied');
    await expect(outcome(t.services.people.get(c, home, 'not-a-uuid'))).resolves.toBe('denied');
  });

  it('lists and dashboards of the other municipality are denied', async () => {
    const c = ctx(actors.get('team_leader')!);
    await expect(outcome(t.services.people.list(c, { municipalityId: away }, 'da'))).resolves.toBe('denied');
    await expect(outcome(t.services.dashboard.team(c, away))).resolves.toBe('denied');
  });
});

describe('audit', () => {
  it('records every read of a young person, and the young person can read who saw them', async () => {
    const leader = actors.get('team_leader')!;
    const c = ctx(leader);
    await t.services.people.get(c, home, youthHome.userId);
    const events = await auditFor(t, c.requestId!);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'person.read',
      outcome: 'allowed',
      actorRole: 'team_leader',
      subjectUserId: youthHome.userId,
    });
    const mine = await t.services.auditLog.listAboutMe(ctx(youthHome));
    expect(mine.some((e) => e.event.requestId === c.requestId && e.actorName === leader.name)).toBe(true);
  });

  it('listing people audits each person shown', async () => {
    const c = ctx(actors.get('youth_counsellor')!);
    const page = await t.services.people.list(c, { municipalityId: home, pageSize: 5 }, 'da');
    const events = await auditFor(t, c.requestId!);
    const byText = (a: string | null, b: string | null) => String(a).localeCompare(String(b));
    expect(events.map((e) => e.subjectUserId).sort(byText)).toEqual(page.people.map((p) => p.id).sort(byText));
  });

  it('audit rows cannot be changed or deleted', async () => {
    const refusal = async (statement: ReturnType<typeof sql>) => {
      try {
        await t.database.db.execute(statement);
        return 'changed';
      } catch (err) {
        const e = err as { message: string; cause?: { message?: string } };
        return e.cause?.message ?? e.message;
      }
    };
    expect(await refusal(sql`update audit_events set action = 'x'`)).toContain('append-only');
    expect(await refusal(sql`delete from audit_events`)).toContain('append-only');
    const { rows } = (await t.database.db.execute(sql`select count(*)::int as n from audit_events where action = 'x'`)) as {
      rows: { n: number }[];
    };
    expect(rows[0]!.n).toBe(0);
  });
});
