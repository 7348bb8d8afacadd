import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../src/platform/access/policy.ts';
import { municipalRoles } from '../../src/platform/access/roles.ts';
import { auditEvents } from '../../src/platform/audit/audit.schema.ts';
import { supportNotes } from '../../src/modules/support/support.schema.ts';
import { type TestContext, createTestContext, ctx, failure, makeUser } from '../support/context.ts';
import { makeNetwork } from '../support/internships.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-03-02T09:00:00Z'));

const note = (kind: 'team' | 'psychologist') => ({
  kind,
  heldOn: '2026-03-02',
  conversation: 'meeting',
  note: `En ${kind}-samtale.`,
  nextStep: 'Ses igen mandag.',
});

describe('1:1 notes and psychologist notes', () => {
  it('psychologist notes are readable by psychologists only — every other role, the team leader and administrators included, gets not found, audited', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const psychologist = await makeUser(t, [{ role: 'psychologist', municipalityId: n.m }]);
    const team = await t.services.supportNotes.add(ctx(n.counsellor), amina.id, note('team'));
    const secret = await t.services.supportNotes.add(ctx(psychologist), amina.id, note('psychologist'));
    const other = await makeNetwork(t);
    const otherPsychologist = await makeUser(t, [{ role: 'psychologist', municipalityId: other.m }]);

    // role → [read team notes, read psychologist notes]
    const expected: Record<string, [boolean, boolean]> = {
      youth: [false, false],
      company_contact: [false, false],
      youth_counsellor: [true, false],
      network_consultant: [true, false],
      psychologist: [true, true],
      entrepreneur: [true, false],
      team_leader: [true, false],
      caseworker: [false, false],
      municipality_admin: [true, false],
      education_contact: [false, false],
      ngo_coordinator: [false, false],
      labour_market_leader: [false, false],
    };
    for (const role of municipalRoles) {
      const actor: Actor = await makeUser(t, [{ role, municipalityId: n.m }]);
      const read = async (id: string) => {
        const c = ctx(actor);
        try {
          await t.services.supportNotes.get(c, id);
          return true;
        } catch {
          const [denied] = await t.database.db
            .select()
            .from(auditEvents)
            .where(and(eq(auditEvents.requestId, c.requestId!), eq(auditEvents.outcome, 'denied')));
          expect(denied, `${role}: the denial is audited`).toMatchObject({ targetId: id });
          return false;
        }
      };
      expect([role, await read(team.id), await read(secret.id)]).toEqual([role, ...expected[role]!]);
    }
    for (const actor of [otherPsychologist, amina.actor, n.supervisor]) {
      expect((await failure(t.services.supportNotes.get(ctx(actor), secret.id))).code).toBe('not_found');
    }
    // The list shows each role only the kinds it may read.
    expect((await t.services.supportNotes.list(ctx(n.consultant), amina.id)).notes.map((x) => x.kind)).toEqual(['team']);
    expect((await t.services.supportNotes.list(ctx(psychologist), amina.id)).notes.map((x) => x.kind).sort()).toEqual([
      'psychologist',
      'team',
    ]);
    // Reading is audited with the young person as subject.
    const c = ctx(psychologist);
    await t.services.supportNotes.get(c, secret.id);
    const [read] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.requestId, c.requestId!));
    expect(read).toMatchObject({ action: 'note.read_psychologist', subjectUserId: amina.actor.userId });
  });

  it('only psychologists write psychologist notes; bad input changes nothing', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const leader = await makeUser(t, [{ role: 'team_leader', municipalityId: n.m }]);
    expect((await failure(t.services.supportNotes.add(ctx(leader), amina.id, note('psychologist')))).code).toBe('not_found');
    expect(
      (await failure(t.services.supportNotes.add(ctx(n.counsellor), amina.id, { ...note('team'), note: '', conversation: 'x' }))).fields,
    ).toEqual({
      note: 'validation.required',
      conversation: 'validation.conversation',
    });
    expect(
      (await failure(t.services.supportNotes.add(ctx(n.counsellor), amina.id, { ...note('team'), heldOn: '2026-03-03' }))).fields,
    ).toEqual({
      heldOn: 'validation.date_future',
    });
    expect(await t.database.db.select().from(supportNotes).where(eq(supportNotes.youthId, amina.id))).toEqual([]);
  });

  it('the young person sees that psychologist notes exist and when, asks to read them, and reads them once a psychologist agrees', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const psychologist = await makeUser(t, [{ role: 'psychologist', municipalityId: n.m }]);
    await t.services.supportNotes.add(ctx(psychologist), amina.id, note('psychologist'));
    await t.services.supportNotes.add(ctx(n.counsellor), amina.id, note('team'));
    const before = await t.services.supportNotes.mine(ctx(amina.actor));
    expect(before).toMatchObject({ dates: ['2026-03-02'], notes: [], requests: [] });
    expect((await failure(t.services.supportNotes.answerReadRequest(ctx(psychologist), amina.id, { answer: 'granted' }))).messageKey).toBe(
      'errors.read_request_none',
    );
    await t.services.supportNotes.askToRead(ctx(amina.actor));
    expect((await failure(t.services.supportNotes.askToRead(ctx(amina.actor)))).messageKey).toBe('errors.read_request_open');
    // Only a psychologist answers; the team leader cannot.
    const leader = await makeUser(t, [{ role: 'team_leader', municipalityId: n.m }]);
    expect((await failure(t.services.supportNotes.answerReadRequest(ctx(leader), amina.id, { answer: 'granted' }))).code).toBe('not_found');
    expect((await failure(t.services.supportNotes.answerReadRequest(ctx(psychologist), amina.id, { answer: 'maybe' }))).fields).toEqual({
      answer: 'validation.read_answer',
    });
    await t.services.supportNotes.answerReadRequest(ctx(psychologist), amina.id, {
      answer: 'granted',
      text: 'Vi kan også læse dem sammen.',
    });
    const after = await t.services.supportNotes.mine(ctx(amina.actor));
    expect(after.notes.map((x) => [x.kind, x.note])).toEqual([['psychologist', 'En psychologist-samtale.']]); // never the team's notes
    expect(after.requests[0]).toMatchObject({ answer: 'granted', answerText: 'Vi kan også læse dem sammen.' });
    // A company contact is no young person: not found.
    expect((await failure(t.services.supportNotes.mine(ctx(n.supervisor)))).code).toBe('not_found');
  });

  it('a young person writes to the team, or "only for my counsellor": then only the counsellor of their group reads it', async () => {
    const n = await makeNetwork(t);
    const people = [];
    for (const name of ['Amina', 'Bo', 'Cia', 'Dan', 'Eli', 'Fay']) people.push(await n.young(name));
    const amina = people[0]!;
    // Without a group counsellor, "only for my counsellor" is refused and nothing is written.
    const none = await failure(t.services.supportNotes.writeOwn(ctx(amina.actor), { note: 'Kun til dig.', onlyCounsellor: 'on' }));
    expect(none.fields).toEqual({ onlyCounsellor: 'validation.no_counsellor' });
    expect((await failure(t.services.supportNotes.writeOwn(ctx(amina.actor), { note: ' ' }))).fields).toEqual({
      note: 'validation.required',
    });
    expect(await t.database.db.select().from(supportNotes).where(eq(supportNotes.youthId, amina.id))).toEqual([]);

    await t.services.groups.createProposed(ctx(n.counsellor), n.m); // the counsellor who creates the group is its counsellor
    const open = await t.services.supportNotes.writeOwn(ctx(amina.actor), { note: 'Jeg vil gerne prøve et køkken.' });
    const secret = await t.services.supportNotes.writeOwn(ctx(amina.actor), { note: 'Min mor er syg.', onlyCounsellor: 'on' });
    expect(secret.onlyForUserId).toBe(n.counsellor.userId);
    expect((await t.services.supportNotes.mine(ctx(amina.actor))).own.map((x) => x.note).sort()).toEqual([
      'Jeg vil gerne prøve et køkken.',
      'Min mor er syg.',
    ]);

    // The group's counsellor reads both; the consultant, the team leader, another counsellor and a psychologist only the open one.
    expect((await t.services.supportNotes.list(ctx(n.counsellor), amina.id)).notes.map((x) => x.id).sort()).toEqual(
      [open.id, secret.id].sort(),
    );
    expect((await t.services.supportNotes.get(ctx(n.counsellor), secret.id)).note).toBe('Min mor er syg.');
    const leader = await makeUser(t, [{ role: 'team_leader', municipalityId: n.m }]);
    const otherCounsellor = await makeUser(t, [{ role: 'youth_counsellor', municipalityId: n.m }]);
    const psychologist = await makeUser(t, [{ role: 'psychologist', municipalityId: n.m }]);
    for (const actor of [n.consultant, leader, otherCounsellor, psychologist]) {
      expect((await t.services.supportNotes.list(ctx(actor), amina.id)).notes.map((x) => x.id)).toEqual([open.id]);
      const c = ctx(actor);
      expect((await failure(t.services.supportNotes.get(c, secret.id))).code).toBe('not_found');
      const denied = await t.database.db.select().from(auditEvents).where(eq(auditEvents.requestId, c.requestId!));
      expect(denied.map((e) => [e.action, e.outcome, e.subjectUserId])).toEqual([['note.private', 'denied', amina.actor.userId]]);
    }
  });
});
