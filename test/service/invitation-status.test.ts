import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../src/platform/audit/audit.schema.ts';
import { youth, youthStatusHistory } from '../../src/modules/youth/youth.schema.ts';
import { type TestContext, createTestContext, ctx, failure } from '../support/context.ts';
import { makeNetwork } from '../support/internships.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-03-02T09:00:00Z'));

type Network = Awaited<ReturnType<typeof makeNetwork>>;
let serial = 7100;

/** A referral as the team makes it: the record is `referred`, an invitation link is sent. */
async function refer(n: Network, firstName: string) {
  const s = serial++;
  return t.services.youth.refer(
    ctx(n.counsellor),
    n.m,
    {
      firstName,
      lastName: 'Jensen',
      cpr: `150605${s}`,
      email: `${firstName.toLowerCase()}${s}@nextwork.test`,
      referringCaseworker: 'Jens Jobcenter',
      referredOn: '2026-03-02',
      hoursPossible: '20',
      eligibilityNote: '',
    },
    'da',
  );
}

const accept = (link: string) =>
  t.services.accounts.acceptInvitation(ctx(null), link.split('/invitations/')[1]!, {
    password: 'mit gode kodeord',
    passwordRepeat: 'mit gode kodeord',
  });

const plan = (n: Network, youthIds: string[]) => ({
  title: 'Match-event i Roskilde',
  date: '2026-03-12',
  startTime: '09:30',
  endTime: '12:00',
  place: 'Jobcentret',
  openingIds: [n.opening.id],
  youthIds,
});

describe('a referred young person who accepts the invitation', () => {
  it('is starting in the network: the move is in the history by the young person, with its reason, and audited', async () => {
    const n = await makeNetwork(t);
    const { youth: y, link } = await refer(n, 'Sara');
    t.clock.set('2026-03-03T10:00:00Z');
    const { user } = await accept(link);

    const view = await t.services.youth.get(ctx(n.counsellor), y.id);
    expect(view.status).toBe('starting');
    expect(view.statusSince.toISOString()).toBe('2026-03-03T10:00:00.000Z');
    expect(view.history.map((h) => [h.fromStatus, h.toStatus, h.reason, h.byUserId])).toEqual([
      ['referred', 'starting', 'invitation_accepted', user.id],
      [null, 'referred', '', n.counsellor.userId],
    ]);
    expect(view.history[0]!.byName).toBe('Sara Jensen');
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'youth.status'), eq(auditEvents.targetId, y.id)));
    expect(audit.map((a) => [a.actorUserId, a.actorRole, a.details])).toEqual([
      [user.id, 'youth', { from: 'referred', to: 'starting', reason: 'invitation_accepted' }],
    ]);
  });

  it('moves only from referred, and only once', async () => {
    const n = await makeNetwork(t);
    const paused = await refer(n, 'Peter');
    await t.services.youth.setStatus(ctx(n.counsellor), paused.youth.id, { status: 'paused' });
    await accept(paused.link);
    expect((await t.services.youth.get(ctx(n.counsellor), paused.youth.id)).status).toBe('paused');

    const { youth: y, link } = await refer(n, 'Lise');
    const { user } = await accept(link);
    const invitation = { youthId: y.id } as Parameters<typeof t.services.youth.acceptedInvitation>[0];
    const own = ctx({ userId: user.id, name: user.name, email: user.email, memberships: [] });
    // The hook again (as a second acceptance would run it): nothing more happens.
    await t.services.youth.acceptedInvitation(invitation, user.id, own);
    const rows = await t.database.db.select().from(youthStatusHistory).where(eq(youthStatusHistory.youthId, y.id));
    expect(rows.map((r) => r.toStatus).sort()).toEqual(['referred', 'starting']);
    // Someone else's account cannot take over a linked record, nor move it.
    await t.database.db.update(youth).set({ status: 'referred' }).where(eq(youth.id, y.id));
    const other = await t.services.accounts.acceptInvitation(
      ctx(null),
      (
        await t.services.accounts.invite(
          ctx(n.counsellor),
          { name: 'Xenia Andersen', email: 'xenia@nextwork.test', role: 'youth', municipalityId: n.m },
          'da',
        )
      ).link.split('/invitations/')[1]!,
      { password: 'mit gode kodeord', passwordRepeat: 'mit gode kodeord' },
    );
    await t.services.youth.acceptedInvitation(invitation, other.user.id, own);
    const [row] = await t.database.db.select().from(youth).where(eq(youth.id, y.id));
    expect([row!.userId, row!.status]).toEqual([user.id, 'referred']);
  });

  it('can be invited to a match event at once; the form names who cannot be invited yet, and why', async () => {
    const n = await makeNetwork(t);
    const waiting = await refer(n, 'Sara');
    const joined = await refer(n, 'Ali');
    await accept(joined.link);

    const choices = await t.services.matchEvents.choices(ctx(n.consultant), n.m);
    expect(choices.youth.map((y) => y.label)).toEqual(['Ali Jensen']);
    expect(choices.unavailable).toEqual([{ id: waiting.youth.id, name: 'Sara Jensen', why: 'not_accepted' }]);

    const refused = await failure(t.services.matchEvents.create(ctx(n.consultant), n.m, plan(n, [waiting.youth.id, joined.youth.id])));
    expect(refused.code).toBe('invalid');
    expect(refused.messageKey).toBe('events.cannot_invite_chosen');
    expect(refused.params).toEqual({ names: 'Sara Jensen' });
    expect(refused.fields).toEqual({ youthIds: 'validation.event_youth_unavailable' });

    const event = await t.services.matchEvents.create(ctx(n.consultant), n.m, plan(n, [joined.youth.id]));
    expect((await t.services.matchEvents.get(ctx(n.consultant), event.id)).youth.map((y) => y.firstName)).toEqual(['Ali']);
  });
});
