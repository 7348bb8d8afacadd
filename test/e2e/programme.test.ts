import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, demoMunicipalities } from '../../src/modules/demo/demo-accounts.ts';
import { youth } from '../../src/modules/youth/youth.schema.ts';
import { browserAvailability, expectAccessible, expectNoHorizontalScroll } from '../support/browser.ts';
import { type Journey, startJourney } from '../support/journey.ts';

const run = browserAvailability();

describe.runIf(run)("the programme lead's overview (Chromium, axe WCAG 2.1 AA)", () => {
  let j: Journey;
  let names: string[];
  beforeAll(async () => {
    j = await startJourney();
    names = (await j.t.database.db.select({ f: youth.firstName, l: youth.lastName }).from(youth)).map((y) => `${y.f} ${y.l}`);
  });
  afterAll(() => j?.close());

  it('from the home to Roskilde and Vejle side by side, with no young person named, on a phone too', async () => {
    const { page: p } = await j.newPage(1280);
    await j.signIn(p, demoEmail('programme_lead', null));
    await p.getByRole('link', { name: 'Se programmets overblik' }).click();
    await p.getByRole('heading', { level: 1, name: 'Programmets overblik' }).waitFor();
    const table = p.getByRole('region', { name: 'Kommunerne side om side' }).getByRole('table');
    const rows = await table.getByRole('rowheader').allTextContents();
    expect(rows).toEqual(['Roskilde', 'Vejle', 'I alt']);
    const text = (await p.locator('main').textContent()) ?? '';
    expect(names.length).toBeGreaterThan(40);
    expect(names.filter((n) => text.includes(n))).toEqual([]);
    expect(await p.locator('svg.app-chart').count()).toBe(3);
    await expectAccessible(p);
    const { page: phone } = await j.newPage(360);
    await j.signIn(phone, demoEmail('programme_lead', null));
    await phone.goto(`${j.base}/programme`);
    await expectAccessible(phone);
    await expectNoHorizontalScroll(phone);
  });

  it("a labour-market leader sees Vejle beside the programme's totals, and the CSV holds the same", async () => {
    const vejle = demoMunicipalities[1]!;
    const { page: p } = await j.newPage(1280);
    await j.signIn(p, demoEmail('labour_market_leader', vejle));
    await p.goto(`${j.base}/programme`);
    const table = p.getByRole('region', { name: 'Kommunerne side om side' }).getByRole('table');
    expect(await table.getByRole('rowheader').allTextContents()).toEqual(['Vejle', 'I alt']);
    const csv = await p.evaluate(async () => (await fetch('/programme.csv')).text());
    expect(csv).toContain('Kommunerne side om side;Vejle;');
    expect(csv).not.toContain(';Roskilde;');
    await expectAccessible(p);
  });
});
