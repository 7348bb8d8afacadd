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
    const c = new SessionCache(1_000, true);
    c.set('s1', found('s1', 'u1'), c.mark(), 0);
    expect(c.get('s1', 999)).toBeDefined();
    expect(c.get('s1', 1_000)).toBeUndefined();
    const off = new SessionCache(1_000, false);
    off.set('s1', found('s1', 'u1'), off.mark(), 0);
    expect(off.get('s1', 1)).toBeUndefined();
  });

  it('does not store a lookup that began before an eviction (a sign-out racing a read)', () => {
    const c = new SessionCache(1_000, true);
    const mark = c.mark(); // a request starts reading the session
    c.notice('s:s1'); // meanwhile the session is ended elsewhere
    c.set('s1', found('s1', 'u1'), mark, 0); // the read's (stale) result arrives
    expect(c.get('s1', 1)).toBeUndefined();
  });

  it('evicts by session, by user, and everything on an unknown notice or when turned off and on', () => {
    const c = new SessionCache(1_000, true);
    const fill = () => {
      for (const [s, u] of [
        ['s1', 'u1'],
        ['s2', 'u1'],
        ['s3', 'u2'],
      ] as const)
        c.set(s, found(s, u), c.mark(), 0);
    };
    fill();
    c.notice('s:s3');
    expect(['s1', 's2', 's3'].map((s) => c.get(s, 1) !== undefined)).toEqual([true, true, false]);
    c.notice('u:u1');
    expect(['s1', 's2'].map((s) => c.get(s, 1) !== undefined)).toEqual([false, false]);
    fill();
    c.notice('?');
    expect(c.get('s1', 1)).toBeUndefined();
    fill();
    c.setEnabled(false);
    c.setEnabled(true);
    expect(c.get('s1', 1)).toBeUndefined();
  });
});
