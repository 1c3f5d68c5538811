/** Remembers which Slack events were handled, so retries and duplicate deliveries are answered once. */
export interface EventDeduper {
  /** True the first time a key is seen within `ttlMs`, false for every later sighting until it expires. */
  firstSeen(key: string, ttlMs: number): Promise<boolean>;
}

/** A bounded, time-limited in-process EventDeduper: the default when one instance serves a workspace. */
export class MemoryEventDeduper implements EventDeduper {
  // Insertion order doubles as age order, so the first key is always the one to evict.
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly maxKeys = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** How many keys are remembered (for tests of the bound). */
  get size(): number {
    return this.seen.size;
  }

  async firstSeen(key: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const expires = this.seen.get(key);
    if (expires !== undefined && expires > now) return false;
    this.seen.delete(key);
    this.seen.set(key, now + ttlMs);
    while (this.seen.size > this.maxKeys) {
      const oldest = this.seen.keys().next().value;
      if (oldest === undefined) break;
      this.seen.delete(oldest);
    }
    return true;
  }
}
