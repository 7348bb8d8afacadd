import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import type { Actor } from '../../src/platform/access/policy.ts';
import { outboxMessages } from '../../src/platform/mail/mail.schema.ts';
import { auditEvents } from '../../src/platform/audit/audit.schema.ts';
import { youth } from '../../src/modules/youth/youth.schema.ts';
import { translate } from '../../src/platform/i18n/i18n.ts';
import { type TestContext, createTestContext, ctx, failure, makeMunicipality, makeUser } from '../support/context.ts';
import { tinyPng } from '../support/images.ts';

let t: TestContext;
let m: string;
let counsellor: Actor;
beforeAll(async () => {
  t = await createTestContext();
  m = (await makeMunicipality(t, 'Roskilde')).id;
  counsellor = await makeUser(t, [{ role: 'youth_counsellor', municipalityId: m }]);
});
afterAll(() => t.close());

let serial = 1000;
const referral = (over: Record<string, string> = {}) => ({
  firstName: 'Amina',
  lastName: 'Hansen',
  cpr: `150605-4${serial++}`.slice(0, 11),
  email: `amina${serial}@nextwork.test`,
  phone: '20 30 40 50',
  referringCaseworker: 'Jens Jobcenter',
  referredOn: '2026-03-02',
  hoursPossible: '20',
  eligibilityNote: 'Kan 20 timer om ugen.',
  ...over,
});

describe('referral and intake', () => {
  it('stores the CPR number sealed, shows it masked, invites by email with a link, and the invitation links the account', async () => {
    const { youth: y, link } = await t.services.youth.refer(ctx(counsellor), m, referral({ cpr: '150605-4321' }), 'da');
    const [row] = await t.database.db.select().from(youth).where(eq(youth.id, y.id));
    expect(row!.cprSealed).not.toContain('1506054321');
    expect(row!.birthDate).toBe('2005-06-15');
    const view = await t.services.youth.get(ctx(counsellor), y.id);
    expect(view.cprMasked).toBe('150605-****');
    expect(JSON.stringify(view)).not.toContain('4321');
    const [mail] = await t.database.db.select().from(outboxMessages).orderBy(desc(outboxMessages.at)).limit(1);
    expect(mail!.to).toBe(y.email);
    expect(mail!.text).toContain(link);
    // No CPR anywhere in the audit log.
    const audit = await t.database.db.select().from(auditEvents);
    expect(JSON.stringify(audit)).not.toContain('4321');

    const token = link.split('/invitations/')[1]!;
    const { sessionToken } = await t.services.accounts.acceptInvitation(ctx(null), token, {
      password: 'mit gode kodeord',
      passwordRepeat: 'mit gode kodeord',
    });
    const me = (await t.services.accounts.resolveSession(sessionToken))!.actor;
    expect((await t.services.youth.myProfile(ctx(me))).id).toBe(y.id);
  });

  it('refuses bad CPR numbers, ages outside 18–29, too few hours and a second referral of the same person', async () => {
    expect(
      (await failure(t.services.youth.refer(ctx(counsellor), m, referral({ cpr: '310205-4321', hoursPossible: '10' }), 'da'))).fields,
    ).toEqual({
      cpr: 'validation.cpr',
      hoursPossible: 'validation.hours_possible',
    });
    const young = await failure(t.services.youth.refer(ctx(counsellor), m, referral({ cpr: '150615-4321' }), 'da'));
    expect(young.fields).toEqual({ cpr: 'errors.youth_age_born' });
    // The message names the birth date the CPR number gives (#15).
    expect(young.params).toMatchObject({ born: '2015-06-15', min: 18, max: 29 });
    expect(translate('da', young.messageKey, young.params)).toMatch(
      /^Personen er født 15\. juni 2015 og er \d+ år\. NExTWORK er for unge på 18–29 år\.$/,
    );
    const dup = await failure(t.services.youth.refer(ctx(counsellor), m, referral({ cpr: '1506054321' }), 'da'));
    expect(dup.code).toBe('conflict');
    expect((await t.services.youth.list(ctx(counsellor), m)).youth).toHaveLength(1);
  });

  it('keeps the status history with reasons and counts places against capacity', async () => {
    const { youth: y } = await t.services.youth.refer(ctx(counsellor), m, referral({ cpr: '010101-4000' }), 'da');
    await t.services.youth.setStatus(ctx(counsellor), y.id, { status: 'starting' });
    await t.services.youth.setStatus(ctx(counsellor), y.id, { status: 'in_network' });
    expect((await failure(t.services.youth.setStatus(ctx(counsellor), y.id, { status: 'ended' }))).fields).toEqual({
      reason: 'validation.end_reason',
    });
    await t.services.youth.setStatus(ctx(counsellor), y.id, { status: 'ended', reason: 'job', note: 'Fast job hos bageren' });
    const view = await t.services.youth.get(ctx(counsellor), y.id);
    expect(view.history.map((h) => h.toStatus)).toEqual(['ended', 'in_network', 'starting', 'referred']);
    expect(view.history[0]!.reason).toBe('job: Fast job hos bageren');
    expect(await t.services.youth.capacity(ctx(counsellor), m)).toEqual({ used: 1, capacity: 45, full: false });
  });
});

describe('the profile in their own words, and who sees what', () => {
  it('companies see first name, interests and strengths by default; more only when the young person shares it', async () => {
    const { youth: y, link } = await t.services.youth.refer(
      ctx(counsellor),
      m,
      referral({ cpr: '020202-4000', firstName: 'Bo', lastName: 'Skov' }),
      'da',
    );
    const { sessionToken } = await t.services.accounts.acceptInvitation(ctx(null), link.split('/invitations/')[1]!, {
      password: 'mit gode kodeord',
      passwordRepeat: 'mit gode kodeord',
    });
    const me = (await t.services.accounts.resolveSession(sessionToken))!.actor;
    await t.services.youth.updateMyProfile(ctx(me), {
      wishToTry: 'Lager og logistik',
      goodAt: 'At holde orden',
      mattersAtWork: 'Rolige kolleger',
      practicalHours: 'Formiddage',
      practicalTransport: 'Cykel',
      canStartOn: '2026-04-01',
      share_interests: 'on',
      share_strengths: 'on',
    });
    await t.services.youth.setStatus(ctx(counsellor), y.id, { status: 'in_network' });
    const contact = await makeUser(t, [{ role: 'company_contact', municipalityId: m }]);
    const seen = (await t.services.youth.directory(ctx(contact), m)).find((v) => v.id === y.id)!;
    expect(seen).toEqual({ id: y.id, firstName: 'Bo', wishToTry: 'Lager og logistik', goodAt: 'At holde orden' });
    expect(await t.services.youth.previewAsCompany(ctx(me))).toEqual(seen);

    await t.services.youth.updateMyProfile(ctx(me), {
      wishToTry: 'Lager',
      goodAt: 'Orden',
      mattersAtWork: 'Ro',
      practicalHours: '',
      practicalTransport: '',
      share_values: 'on',
      share_fullName: 'on',
    });
    expect((await t.services.youth.directory(ctx(contact), m)).find((v) => v.id === y.id)).toEqual({
      id: y.id,
      firstName: 'Bo',
      lastName: 'Skov',
      mattersAtWork: 'Ro',
    });
  });

  it('a young person edits only their own profile; companies cannot read the team view; other municipalities see nothing', async () => {
    const someoneElse = await makeUser(t, [{ role: 'youth', municipalityId: m }]);
    expect((await failure(t.services.youth.updateMyProfile(ctx(someoneElse), { wishToTry: 'x' }))).code).toBe('not_found');
    const y = (await t.services.youth.list(ctx(counsellor), m)).youth[0]!;
    const contact = await makeUser(t, [{ role: 'company_contact', municipalityId: m }]);
    expect((await failure(t.services.youth.get(ctx(contact), y.id))).code).toBe('not_found');
    const stranger = await makeUser(t, [{ role: 'youth_counsellor', municipalityId: (await makeMunicipality(t)).id }]);
    expect((await failure(t.services.youth.get(ctx(stranger), y.id))).code).toBe('not_found');
    expect((await failure(t.services.youth.directory(ctx(stranger), m))).code).toBe('not_found');
    expect((await failure(t.services.youth.refer(ctx(contact), m, referral(), 'da'))).code).toBe('not_found');
  });

  it('a photo: only real images, shown to companies only when shared, to the team always, never to other municipalities', async () => {
    const { youth: y, link } = await t.services.youth.refer(ctx(counsellor), m, referral({ cpr: '050505-4000' }), 'da');
    const { sessionToken } = await t.services.accounts.acceptInvitation(ctx(null), link.split('/invitations/')[1]!, {
      password: 'mit gode kodeord',
      passwordRepeat: 'mit gode kodeord',
    });
    const me = (await t.services.accounts.resolveSession(sessionToken))!.actor;
    const png = tinyPng();
    expect((await failure(t.services.youth.setMyPhoto(ctx(me), Buffer.from('<svg onload=alert(1)>')))).fields).toEqual({
      photo: 'validation.photo_type',
    });
    expect((await failure(t.services.youth.setMyPhoto(ctx(me), Buffer.alloc(2_000_000, 0xff)))).fields).toEqual({
      photo: 'validation.file_too_large',
    });
    await t.services.youth.setMyPhoto(ctx(me), png);
    expect((await t.services.youth.photo(ctx(me), y.id)).contentType).toBe('image/png');
    expect((await t.services.youth.photo(ctx(counsellor), y.id)).bytes.equals(png)).toBe(true);
    const contact = await makeUser(t, [{ role: 'company_contact', municipalityId: m }]);
    expect((await failure(t.services.youth.photo(ctx(contact), y.id))).code).toBe('not_found');
    await t.services.youth.updateMyProfile(ctx(me), {
      wishToTry: '',
      goodAt: '',
      mattersAtWork: '',
      practicalHours: '',
      practicalTransport: '',
      share_photo: 'on',
    });
    expect((await t.services.youth.photo(ctx(contact), y.id)).contentType).toBe('image/png');
    expect((await t.services.youth.previewAsCompany(ctx(me))).photoUrl).toMatch(new RegExp(`^/youth/${y.id}/photo`));
    const stranger = await makeUser(t, [{ role: 'company_contact', municipalityId: (await makeMunicipality(t)).id }]);
    expect((await failure(t.services.youth.photo(ctx(stranger), y.id))).code).toBe('not_found');
    await t.services.youth.deleteMyPhoto(ctx(me));
    expect((await failure(t.services.youth.photo(ctx(counsellor), y.id))).code).toBe('not_found');
  });

  it('rejects oversized text and changes nothing', async () => {
    const { link } = await t.services.youth.refer(ctx(counsellor), m, referral({ cpr: '030303-4000' }), 'da');
    const { sessionToken } = await t.services.accounts.acceptInvitation(ctx(null), link.split('/invitations/')[1]!, {
      password: 'mit gode kodeord',
      passwordRepeat: 'mit gode kodeord',
    });
    const me = (await t.services.accounts.resolveSession(sessionToken))!.actor;
    const err = await failure(
      t.services.youth.updateMyProfile(ctx(me), {
        wishToTry: 'x'.repeat(1001),
        goodAt: '',
        mattersAtWork: '',
        practicalHours: '',
        practicalTransport: '',
      }),
    );
    expect(err.fields).toEqual({ wishToTry: 'validation.text_long' });
    expect((await t.services.youth.myProfile(ctx(me))).wishToTry).toBe('');
  });
});
