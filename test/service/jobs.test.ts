import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobs } from '../../src/platform/jobs/jobs.ts';
import { TEST_PASSWORD, type TestContext, createTestContext, ctx, makeUser } from '../support/context.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('jobs on pg-boss', () => {
  it('runs a queued job on this driver: the session expiry job removes an idle session', async () => {
    const user = await makeUser(t, []);
    const { sessionToken } = await t.services.accounts.signInWithPassword(
      ctx(null),
      { email: user.email, password: TEST_PASSWORD },
      '10.0.0.1',
    );
    t.clock.advanceMinutes(40);
    let ran!: () => void;
    const done = new Promise<void>((r) => (ran = r));
    const runner = await startJobs(
      t.database,
      [
        {
          name: 'sessions-expire',
          cron: '*/10 * * * *',
          handler: async () => {
            await t.services.accounts.expireSessions();
            ran();
          },
        },
      ],
      { work: true, onError: (err) => console.error(err), pollingIntervalSeconds: 0.5 },
    );
    try {
      await runner.boss.send('sessions-expire', {});
      await done;
      const { rows } = (await t.database.db.execute(`select count(*)::int as n from sessions`)) as { rows: { n: number }[] };
      expect(rows[0]!.n).toBe(0);
      expect(await t.services.accounts.resolveSession(sessionToken)).toBeNull();
      const schedules = await runner.boss.getSchedules();
      expect(schedules.map((s) => s.name)).toContain('sessions-expire');
    } finally {
      await runner.stop();
    }
  });
});
