import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/platform/access/policy.ts';
import { type TestContext, createTestContext, ctx, makeMunicipality, makeUser } from '../support/context.ts';

// Danish compound words in the directory (decision 0025): a word finds the words it begins, and
// hits as typed, by beginnings and by close words are ranked together in one search.
let t: TestContext;
let m: string;
let youth: Actor;
const titles = [
  'Lagermedarbejder',
  'Lagerhjælper',
  'Lagerassistent',
  'Hjælper på vores lager',
  'Medhjælper i varelager',
  'Dyrepasser',
  'Kokkeelev',
  'Børnehavemedhjælper',
];
beforeAll(async () => {
  t = await createTestContext();
  m = (await makeMunicipality(t, 'Køge')).id;
  const entrepreneur = await makeUser(t, [{ role: 'entrepreneur', municipalityId: m }]);
  youth = await makeUser(t, [{ role: 'youth', municipalityId: m }]);
  const c = await t.services.companies.create(ctx(entrepreneur), m, {
    name: 'Nordhavn Handel',
    cvr: '10150817',
    tradeSection: 'G',
    address: 'Havnevej 2',
    postalCode: '4600',
    area: 'Køge',
    size: '10-49',
    whyJoined: 'Vi vil give unge en chance.',
  });
  await t.services.companies.setStatus(ctx(entrepreneur), c.id, { status: 'active', note: '' });
  for (const title of titles)
    await t.services.openings.create(ctx(entrepreneur), c.id, {
      title,
      tasks: 'Du arbejder sammen med en fast kollega.',
      place: 'Havnevej 2, Køge',
      weeklyHours: '20',
      durationMonths: '3',
      seats: '1',
      startFrom: '2026-04-01',
      learning: 'At møde til tiden.',
      published: 'on',
    });
});
afterAll(() => t.close());

const search = async (q: string) => {
  const page = await t.services.openings.search(ctx(youth), m, { q });
  return { titles: page.hits.map((h) => h.opening.title), total: page.total, fuzzy: page.fuzzy };
};

describe('directory search for Danish compound words', () => {
  it('finds the compounds a word begins, together, after the openings with the word as typed, and close words last', async () => {
    const lager = await search('lager');
    // As typed first, then by beginnings (names and titles in Danish order), then the close word.
    expect(lager.titles[0]).toBe('Hjælper på vores lager');
    expect(new Set(lager.titles.slice(1, 4))).toEqual(new Set(['Lagermedarbejder', 'Lagerhjælper', 'Lagerassistent']));
    expect(lager.titles[4]).toBe('Medhjælper i varelager');
    expect(lager.total).toBe(5);
    expect(lager.fuzzy).toBe(false);
    expect((await search('Lager')).titles).toEqual(lager.titles);
  });

  it('finds a word by a short beginning, the word it begins first', async () => {
    expect((await search('dyr')).titles).toEqual(['Dyrepasser']);
    // Then the close words ("lager", "lagerassistent"): ranked after, not instead.
    const lagerhj = await search('lagerhj');
    expect(lagerhj.titles[0]).toBe('Lagerhjælper');
    expect(lagerhj.fuzzy).toBe(false);
    expect((await search('lagerassistenter')).titles).toEqual(['Lagerassistent']); // as typed, stemmed
  });

  it('still corrects a typo, ranked after exact hits, and says when only close words were found', async () => {
    const typo = await search('lagermedarbjder');
    expect(typo.titles[0]).toBe('Lagermedarbejder');
    expect(typo.fuzzy).toBe(true);
    expect((await search('dyrepaser')).titles).toEqual(['Dyrepasser']);
    // Without the Danish letters: a close word even though its plain form begins with the word typed.
    expect(await search('bornehave')).toMatchObject({ titles: ['Børnehavemedhjælper'], fuzzy: true });
    expect(await search('børnehave')).toMatchObject({ titles: ['Børnehavemedhjælper'], fuzzy: false });
  });

  it('needs every word: a beginning and a word with nothing like it find nothing', async () => {
    // Both words as typed first; then "hjælper" is inside the compounds (a close word), not a beginning.
    const both = await search('lager hjælper');
    expect(both.titles[0]).toBe('Hjælper på vores lager');
    expect(new Set(both.titles.slice(1))).toEqual(new Set(['Lagerhjælper', 'Medhjælper i varelager']));
    expect((await search('lager qqqxxyz')).total).toBe(0);
    expect((await search('frisør')).total).toBe(0);
  });
});
