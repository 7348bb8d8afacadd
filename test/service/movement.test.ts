import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { movementAssessments } from '../../src/modules/movement/movement.schema.ts';
import { movementChart } from '../../src/modules/movement/movement.chart.ts';
import { type TestContext, auditFor, createTestContext, ctx, failure, makeUser } from '../support/context.ts';
import { makeNetwork } from '../support/internships.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-04-14T09:00:00Z'));

const scoring = (assessedOn: string, base: number) => ({
  assessedOn,
  scores: { direction: base, persistence: base + 1, curiosity: String(base), resilience: base, selfEsteem: base - 1 },
  reasons: {
    direction: 'Vil gerne prøve køkkenet.',
    persistence: 'Mødte op hver dag.',
    curiosity: 'Spurgte til nye opgaver.',
    resilience: 'Kom igen efter en dårlig uge.',
    selfEsteem: 'Taler mere i gruppen.',
  },
});

describe('movement tracking', () => {
  it('the counsellor scores five movements with reasons; the same day again replaces; reads are audited', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    await t.services.movement.score(ctx(n.counsellor), amina.id, scoring('2026-03-03', 4));
    await t.services.movement.score(ctx(n.counsellor), amina.id, scoring('2026-04-14', 6));
    await t.services.movement.score(ctx(n.counsellor), amina.id, scoring('2026-04-14', 7));
    const read = ctx(n.consultant);
    const { assessments } = await t.services.movement.history(read, amina.id);
    expect(assessments.map((a) => [a.assessedOn, a.source, a.scores.direction, a.scores.curiosity])).toEqual([
      ['2026-03-03', 'counsellor', 4, 4],
      ['2026-04-14', 'counsellor', 7, 7],
    ]);
    expect(assessments[1]!.reasons.resilience).toBe('Kom igen efter en dårlig uge.');
    expect((await auditFor(t, read.requestId!)).map((e) => [e.action, e.targetId])).toEqual([['movement.read', amina.id]]);
  });

  it('refuses scores outside 1–10, missing reasons and future days, and saves nothing', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const bad = scoring('2026-04-14', 5);
    const err = await failure(
      t.services.movement.score(ctx(n.counsellor), amina.id, {
        ...bad,
        scores: { ...bad.scores, direction: 11, curiosity: '4.5', resilience: '' },
        reasons: { ...bad.reasons, selfEsteem: ' ' },
      }),
    );
    expect(err.fields).toEqual({
      'scores.direction': 'validation.movement_score',
      'scores.curiosity': 'validation.movement_score',
      'scores.resilience': 'validation.movement_score',
      'reasons.selfEsteem': 'validation.movement_reason',
    });
    const future = await failure(t.services.movement.score(ctx(n.counsellor), amina.id, scoring('2026-04-15', 5)));
    expect(future.fields).toEqual({ assessedOn: 'validation.date_future' });
    expect(await t.database.db.select().from(movementAssessments).where(eq(movementAssessments.youthId, amina.id))).toEqual([]);
  });

  it('the young person scores beside the counsellor, only on their own scorings', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const bo = await n.young('Bo');
    const c = await t.services.movement.score(ctx(n.counsellor), amina.id, scoring('2026-04-10', 5));
    const own = await t.services.movement.scoreOwn(ctx(amina.actor), c.id, {
      scores: { direction: 8, persistence: 7, curiosity: 6, resilience: 5, selfEsteem: 4 },
    });
    expect([own.assessedOn, own.source, own.scores.direction]).toEqual(['2026-04-10', 'youth', 8]);
    expect((await t.services.movement.mine(ctx(amina.actor))).map((a) => a.source)).toEqual(['counsellor', 'youth']);
    // Another young person cannot score beside Amina's, nor read her movements.
    expect((await failure(t.services.movement.scoreOwn(ctx(bo.actor), c.id, { scores: own.scores }))).code).toBe('not_found');
    expect((await failure(t.services.movement.history(ctx(bo.actor), amina.id))).code).toBe('not_found');
    expect(await t.services.movement.mine(ctx(bo.actor))).toEqual([]);
  });

  it('companies, caseworkers and other municipalities cannot read or score movements; denials are audited', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const caseworker = await makeUser(t, [{ role: 'caseworker', municipalityId: n.m }]);
    const other = await makeNetwork(t);
    for (const actor of [n.supervisor, caseworker, n.entrepreneur, other.counsellor]) {
      const c = ctx(actor);
      expect((await failure(t.services.movement.history(c, amina.id))).code).toBe('not_found');
      expect((await auditFor(t, c.requestId!)).map((e) => e.outcome)).toEqual(['denied']);
    }
    expect((await failure(t.services.movement.score(ctx(caseworker), amina.id, scoring('2026-04-14', 5)))).code).toBe('not_found');
  });
});

describe('movement chart', () => {
  it('renders an SVG image with a label, both series, and no inline style', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const c = await t.services.movement.score(ctx(n.counsellor), amina.id, scoring('2026-03-03', 4));
    await t.services.movement.score(ctx(n.counsellor), amina.id, scoring('2026-04-14', 7));
    await t.services.movement.scoreOwn(ctx(amina.actor), c.id, {
      scores: { direction: 6, persistence: 6, curiosity: 6, resilience: 6, selfEsteem: 6 },
    });
    const svg = movementChart('direction', await t.services.movement.mine(ctx(amina.actor)), 'da', 'Retning: fra 4 til 7');
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('aria-label="Retning: fra 4 til 7"');
    expect(svg).not.toContain('<style');
    expect(svg).toContain('stroke-dasharray="5 3"');
    expect(svg).toContain('mar.'); // Danish month on the axis
    expect(svg.match(/<path d="M[^"]*"/g)?.length).toBeGreaterThanOrEqual(2); // the counsellor's line and the young person's
  });
});
