/**
 * A small in-memory cache whose entries are fresh for `ttlMs`, measured by an injected clock
 * (monotonic by default, so a change of the wall clock cannot make stale entries look fresh or
 * fresh ones stale). At `maxEntries` it starts over rather than tracking least-recent use: the
 * caches here hold a few seconds of hot entries. A `ttlMs` of 0 keeps nothing.
 */
export class TtlCache<K, V> {
  readonly #entries = new Map<K, { value: V; at: number }>();

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 1_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.at < this.ttlMs) return entry.value;
    this.#entries.delete(key);
    return undefined;
  }

  set(key: K, value: V): void {
    if (this.ttlMs <= 0) return;
    if (this.#entries.size >= this.maxEntries) this.#entries.clear();
    this.#entries.set(key, { value, at: this.now() });
  }

  /** Changes a fresh entry's value without making it fresher. */
  update(key: K, change: (value: V) => V): void {
    const entry = this.#entries.get(key);
    if (entry) entry.value = change(entry.value);
  }

  delete(key: K): void {
    this.#entries.delete(key);
  }

  deleteWhere(matches: (value: V) => boolean): void {
    for (const [key, entry] of this.#entries) if (matches(entry.value)) this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}
