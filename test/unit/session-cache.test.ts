import { describe, expect, it } from 'vitest';
import { type FoundSession, SessionCache } from '../../src/modules/accounts/session-cache.ts';

const found = (sessionId: string, userId: string) =>
  ({
    session: { id: sessionId, userId, createdAt: new Date(0), lastSeenAt: new Date(0), expiresAt: new Date(1e13) },
    user: { id: userId },
    memberships: [],
    companyIds: [],
  }) as unknown as FoundSession;

describe('SessionCache', () => {
  it('keeps an entry for its time to live, and not at all when off', () => {
    let now = 0;
    const c = new SessionCache(1_000, true, () => now);
    c.set('s1', found('s1', 'u1'), c.mark());
    now = 999;
    expect(c.get('s1')).toBeDefined();
    now = 1_000;
    expect(c.get('s1')).toBeUndefined();
    const off = new SessionCache(1_000, false, () => now);
    off.set('s1', found('s1', 'u1'), off.mark());
    expect(off.get('s1')).toBeUndefined();
  });

  it('does not store a lookup that began before an eviction (a sign-out racing a read)', () => {
    const c = new SessionCache(1_000, true, () => 0);
    const mark = c.mark(); // a request starts reading the session
    c.notice('s:s1'); // meanwhile the session is ended elsewhere
    c.set('s1', found('s1', 'u1'), mark); // the read's (stale) result arrives
    expect(c.get('s1')).toBeUndefined();
  });

  it('evicts by session, by user, and everything on an unknown notice or when turned off and on', () => {
    const c = new SessionCache(1_000, true, () => 0);
    const fill = () => {
      for (const [s, u] of [
        ['s1', 'u1'],
        ['s2', 'u1'],
        ['s3', 'u2'],
      ] as const)
        c.set(s, found(s, u), c.mark());
    };
    fill();
    c.notice('s:s3');
    expect(['s1', 's2', 's3'].map((s) => c.get(s) !== undefined)).toEqual([true, true, false]);
    c.notice('u:u1');
    expect(['s1', 's2'].map((s) => c.get(s) !== undefined)).toEqual([false, false]);
    fill();
    c.notice('?');
    expect(c.get('s1')).toBeUndefined();
    fill();
    c.setEnabled(false);
    c.setEnabled(true);
    expect(c.get('s1')).toBeUndefined();
  });
});

describe('TtlCache', () => {
  it('is fresh for its time by the injected clock, keeps nothing at 0, and starts over when full', async () => {
    const { TtlCache } = await import('../../src/platform/ttl-cache.ts');
    let now = 0;
    const c = new TtlCache<string, number>(100, 2, () => now);
    c.set('a', 1);
    now = 99;
    expect(c.get('a')).toBe(1);
    now = 100;
    expect(c.get('a')).toBeUndefined();
    c.set('a', 1);
    c.set('b', 2);
    c.set('c', 3); // full: starts over
    expect([c.get('a'), c.get('b'), c.get('c')]).toEqual([undefined, undefined, 3]);
    const off = new TtlCache<string, number>(0, 10, () => now);
    off.set('a', 1);
    expect(off.get('a')).toBeUndefined();
  });
});
