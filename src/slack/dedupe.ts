/** Remembers which events were handled, so Slack's retries and duplicate deliveries answer once. */
export interface Deduper {
  /** True the first time a key is seen within its time to live, false after. */
  firstSeen(key: string, ttlMs?: number): Promise<boolean>;
}

/** A bounded, time-limited in-process Deduper (the default; a shared one serves several instances). */
export class MemoryDeduper implements Deduper {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly maxKeys = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  async firstSeen(key: string, ttlMs = 10 * 60 * 1000): Promise<boolean> {
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
