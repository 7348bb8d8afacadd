import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/platform/access/policy.ts';
import { municipalRoles } from '../../src/platform/access/roles.ts';
import { libraryEntries } from '../../src/modules/library/library.schema.ts';
import { LIBRARY_PDF_MAX_BYTES } from '../../src/modules/library/library.values.ts';
import { type TestContext, auditFor, createTestContext, ctx, failure, makeMunicipality, makeUser } from '../support/context.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-03-02T09:00:00Z'));

const method = {
  kind: 'method',
  title: 'Første møde med en ny virksomhed',
  body: 'Start med kaffe.\n\n- Lyt\n- Spørg',
  tags: 'Virksomheder, første møde',
};
const pdf = (size = 2000) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 32)]);

async function people() {
  const roskilde = await makeMunicipality(t);
  const vejle = await makeMunicipality(t);
  const consultant = await makeUser(t, [{ role: 'network_consultant', municipalityId: roskilde.id }], { name: 'Mette Konsulent' });
  const vejleCounsellor = await makeUser(t, [{ role: 'youth_counsellor', municipalityId: vejle.id }]);
  const lead = await makeUser(t, [{ role: 'programme_lead', municipalityId: null }]);
  return { roskilde, vejle, consultant, vejleCounsellor, lead };
}

const reads = async (actor: Actor, id: string) => {
  try {
    await t.services.library.get(ctx(actor), id);
    return true;
  } catch (err) {
    expect((err as { code?: string }).code).toBe('not_found');
    return false;
  }
};

describe('the shared learning library (#16)', () => {
  it('every municipality’s team reads what one publishes; companies, young people and caseworkers never do', async () => {
    const p = await people();
    const entry = await t.services.library.publish(ctx(p.consultant), method, { name: 'guide.pdf', bytes: pdf() });
    expect(entry.municipalityId).toBe(p.roskilde.id);
    expect(entry.tags).toEqual(['virksomheder', 'første møde']);
    expect(await reads(p.vejleCounsellor, entry.id)).toBe(true);
    expect(await reads(p.lead, entry.id)).toBe(true);
    const found = await t.services.library.search(ctx(p.vejleCounsellor), { q: 'kaffe' });
    expect(found.entries.map((e) => e.id)).toContain(entry.id);
    expect(found.entries.find((e) => e.id === entry.id)?.authorName).toBe('Mette Konsulent');
    // Every role outside the teams, in Roskilde itself.
    for (const role of municipalRoles.filter((r) =>
      ['youth', 'company_contact', 'caseworker', 'education_contact', 'ngo_coordinator'].includes(r),
    )) {
      const outsider = await makeUser(t, [{ role, municipalityId: p.roskilde.id }]);
      expect(await reads(outsider, entry.id), role).toBe(false);
      const c = ctx(outsider);
      expect((await failure(t.services.library.search(c, {}))).code).toBe('not_found');
      expect((await failure(t.services.library.pdf(ctx(outsider), entry.id))).code).toBe('not_found');
      expect((await failure(t.services.library.publish(ctx(outsider), method))).code).toBe('not_found');
      expect((await auditFor(t, c.requestId!)).map((a) => [a.action, a.outcome])).toEqual([['library.read', 'denied']]);
    }
    expect((await t.services.library.pdf(ctx(p.vejleCounsellor), entry.id)).name).toBe('guide.pdf');
  });

  it('search: every word in the title, text or tags; one tag; pinned first', async () => {
    const p = await people();
    const word = `ord${Date.now()}`;
    const a = await t.services.library.publish(ctx(p.consultant), { ...method, title: `Holdstart ${word}`, tags: 'hold' });
    t.clock.advance(60_000);
    const b = await t.services.library.publish(ctx(p.vejleCounsellor), {
      ...method,
      title: 'Check-in på holdet',
      body: `Runde ${word} med 100% ærlighed`,
      tags: 'hold, check-in',
    });
    const ids = async (q: { q?: string; tag?: string }) =>
      (await t.services.library.search(ctx(p.lead), q)).entries.map((e) => e.id).filter((id) => [a.id, b.id].includes(id));
    expect(await ids({ q: word })).toEqual([b.id, a.id]); // newest first
    expect(await ids({ q: `${word} holdstart` })).toEqual([a.id]);
    expect(await ids({ q: `${word} 100%` })).toEqual([b.id]); // % is a letter, not a wildcard
    expect(await ids({ q: `${word} _00` })).toEqual([]);
    expect(await ids({ q: word, tag: 'Check-in' })).toEqual([b.id]);
    await t.services.library.pin(ctx(p.lead), a.id, true);
    expect(await ids({ q: word })).toEqual([a.id, b.id]);
    const tags = (await t.services.library.search(ctx(p.lead), {})).tags;
    expect(tags.find((x) => x.tag === 'hold')?.entries).toBeGreaterThanOrEqual(2);
  });

  it('the programme lead pins and archives; an author edits and archives their own; others change nothing', async () => {
    const p = await people();
    const entry = await t.services.library.publish(ctx(p.consultant), method);
    expect((await failure(t.services.library.pin(ctx(p.consultant), entry.id, true))).code).toBe('not_found');
    expect((await failure(t.services.library.update(ctx(p.vejleCounsellor), entry.id, { ...method, title: 'Kapret' }))).code).toBe(
      'not_found',
    );
    expect((await failure(t.services.library.archive(ctx(p.vejleCounsellor), entry.id, true))).code).toBe('not_found');
    await t.services.library.update(
      ctx(p.consultant),
      entry.id,
      { ...method, title: 'Første møde, 2. udgave' },
      { pdf: { name: 'a.pdf', bytes: pdf() } },
    );
    const c = ctx(p.lead);
    await t.services.library.pin(c, entry.id, true);
    expect((await auditFor(t, c.requestId!)).map((a) => [a.action, a.details])).toEqual([['library.pin', { pinned: true }]]);
    await t.services.library.archive(ctx(p.consultant), entry.id, true);
    // Archived: out of the library, in the archive for curators; readable by its author and curators only.
    expect((await t.services.library.search(ctx(p.lead), {})).entries.map((e) => e.id)).not.toContain(entry.id);
    expect((await t.services.library.search(ctx(p.lead), { archived: true })).entries.map((e) => e.id)).toContain(entry.id);
    expect((await failure(t.services.library.search(ctx(p.consultant), { archived: true }))).code).toBe('not_found');
    expect(await reads(p.consultant, entry.id)).toBe(true);
    expect(await reads(p.vejleCounsellor, entry.id)).toBe(false);
    const archived = (await t.services.library.get(ctx(p.lead), entry.id)).entry;
    expect(archived.pinnedAt).toBeNull();
    expect(archived.title).toBe('Første møde, 2. udgave');
    expect(archived.pdfName).toBe('a.pdf');
  });

  it('bad input is refused with what to fix, and nothing is written', async () => {
    const p = await people();
    const count = async () => (await t.database.db.select({ id: libraryEntries.id }).from(libraryEntries)).length;
    const before = await count();
    const refused = async (input: Record<string, unknown>, file?: { name: string; bytes: Buffer }) =>
      (await failure(t.services.library.publish(ctx(p.consultant), input, file))).fields;
    expect(await refused({ ...method, kind: 'gossip', title: ' ', body: '' })).toEqual({
      kind: 'library.validation.kind',
      title: 'library.validation.title',
      body: 'library.validation.body',
    });
    expect(await refused({ ...method, body: 'Anders (120398-1234) fik job.' })).toEqual({ body: 'library.validation.cpr' });
    expect(await refused({ ...method, body: 'Anders 1203981234 fik job.' })).toEqual({ body: 'library.validation.cpr' });
    expect(await refused({ ...method, tags: 'a,b,c,d,e,f,g,h,i' })).toEqual({ tags: 'library.validation.tags_many' });
    expect(await refused(method, { name: 'x.pdf', bytes: Buffer.from('<html>not a pdf') })).toEqual({ pdf: 'library.validation.pdf' });
    expect(await refused(method, { name: 'x.pdf', bytes: pdf(LIBRARY_PDF_MAX_BYTES + 1) })).toEqual({
      pdf: 'library.validation.pdf_large',
    });
    expect(await count()).toBe(before);
    // A year and a phone number are not CPR numbers.
    await t.services.library.publish(ctx(p.consultant), { ...method, body: 'Ring 12 34 56 78 i 2026, fx kl. 9.30.' });
    expect(await count()).toBe(before + 1);
  });
});
