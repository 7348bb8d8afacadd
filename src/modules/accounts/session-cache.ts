import type { Membership } from '../../platform/access/policy.ts';
import type { Database } from '../../platform/db/client.ts';
import { type Listener, type ListenOptions, listen } from '../../platform/db/listen.ts';
import type { Session, User } from './accounts.repository.ts';
import { TtlCache } from '../../platform/ttl-cache.ts';

export type FoundSession = { session: Session; user: User; memberships: Membership[]; companyIds: string[] };

/**
 * Resolved sessions (session, user, roles, companies), read on every request, kept for a short
 * while (decision 0004). Whatever changes what a session resolves to evicts it: this process's own
 * writes directly, and — with a PostgreSQL server, where other servers write too — the database's
 * change notices (`nw_session_changes`, sent by triggers on sessions, users, memberships and company
 * contacts; see platform/db/listen.ts). Without a live notice channel the cache is off.
 *
 * A lookup that began before an eviction is not stored (generation check), so a sign-out that
 * lands while another request reads the session cannot be undone by that read.
 */
export class SessionCache {
  readonly #entries: TtlCache<string, FoundSession>;
  #generation = 0;
  #enabled: boolean;

  constructor(
    private readonly ttlMs: number,
    enabled: boolean,
    now?: () => number,
  ) {
    this.#enabled = enabled && ttlMs > 0;
    this.#entries = new TtlCache(ttlMs, 10_000, now);
  }

  get enabled(): boolean {
    return this.#enabled;
  }

  /** Turns the cache on (the notice channel is live) or off (it is lost: nothing cached is trusted). */
  setEnabled(enabled: boolean): void {
    this.#enabled = enabled && this.ttlMs > 0;
    this.clear();
  }

  get(id: string): FoundSession | undefined {
    return this.#enabled ? this.#entries.get(id) : undefined;
  }

  /** A mark taken before reading the database; `set` stores only if nothing was evicted since. */
  mark(): number {
    return this.#generation;
  }

  set(id: string, found: FoundSession, mark: number): void {
    if (!this.#enabled || mark !== this.#generation) return;
    this.#entries.set(id, found);
  }

  /** This process moved the session's last-seen time: keep the entry, with the new time. */
  touched(id: string, lastSeenAt: Date): void {
    this.#entries.update(id, (found) => ({ ...found, session: { ...found.session, lastSeenAt } }));
  }

  evictSession(id: string): void {
    this.#generation++;
    this.#entries.delete(id);
  }

  evictUser(userId: string): void {
    this.#generation++;
    this.#entries.deleteWhere((found) => found.user.id === userId);
  }

  clear(): void {
    this.#generation++;
    this.#entries.clear();
  }

  /** A change notice from the database: `s:<session id>` or `u:<user id>`; anything else clears all. */
  notice(payload: string): void {
    if (payload.startsWith('s:')) this.evictSession(payload.slice(2));
    else if (payload.startsWith('u:')) this.evictUser(payload.slice(2));
    else this.clear();
  }
}

/**
 * With a PostgreSQL server, the cache follows the database's change notices: on while they arrive,
 * off (and emptied) while the channel is lost — closed, or silent: a heartbeat late (listen.ts), so a
 * half-dead connection cannot keep serving sessions ended meanwhile. Embedded mode needs none: one
 * process writes.
 */
export async function followSessionChanges(
  database: Database,
  cache: SessionCache,
  onLost: (err?: unknown) => void = () => {},
  options: ListenOptions = {},
): Promise<Listener | undefined> {
  if (database.kind !== 'postgres' || !database.url) return undefined;
  return listen(
    database.url,
    'nw_session_changes',
    {
      notice: (payload) => cache.notice(payload),
      live: () => cache.setEnabled(true),
      lost: (err) => {
        cache.setEnabled(false);
        onLost(err);
      },
    },
    options,
  );
}
