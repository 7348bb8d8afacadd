import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, demoMunicipalities } from '../../src/modules/demo/demo-accounts.ts';
import { browserAvailability, expectAccessible, expectNoHorizontalScroll } from '../support/browser.ts';
import { type Journey, startJourney } from '../support/journey.ts';

const run = browserAvailability();
const roskilde = demoMunicipalities[0]!;

describe.runIf(run)('group rules in the browser (Chromium, axe WCAG 2.1 AA)', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(() => j?.close());

  it('the demo network consultant leads a group and moderates its space; the group page shows the add and archive controls on a phone', async () => {
    const { page: p } = await j.newPage(360);
    await j.signIn(p, demoEmail('network_consultant', roskilde));
    await p.getByRole('link', { name: 'Netværksgrupper' }).click();
    expect(await p.getByText('grupper på 7–8').count()).toBe(1);
    await p.getByRole('link', { name: 'Gruppe 2', exact: true }).click();
    await p.waitForURL(/\/groups\/[0-9a-f-]+$/);
    expect(await p.getByRole('heading', { name: 'Tilføj en ung' }).count()).toBe(1);
    expect(await p.getByRole('heading', { name: 'Arkivér gruppen' }).count()).toBe(1);
    expect(await p.getByText('Gruppen kan først arkiveres, når den er tom.').count()).toBe(1);
    await expectAccessible(p);
    await expectNoHorizontalScroll(p);
    // The consultant is Gruppe 2's counsellor: the group space is theirs to read.
    await p.getByRole('link', { name: 'Gruppens rum: Gruppe 2' }).click();
    await p.waitForURL(/\/groups\/[0-9a-f-]+\/space$/);
    await expectAccessible(p);
  });
});
