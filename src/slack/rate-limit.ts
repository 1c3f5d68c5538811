/** Per-user request budget: a token bucket refilled over time, bounded in how many users it tracks. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity = 10,
    private readonly refillPerSecond = 0.5,
    private readonly now: () => number = Date.now,
    private readonly maxUsers = 10_000,
  ) {}

  /** Takes one request from the user's budget; false when the budget is spent. */
  allow(user: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(user) ?? { tokens: this.capacity, at: now };
    const tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.refillPerSecond);
    const allowed = tokens >= 1;
    this.buckets.delete(user);
    this.buckets.set(user, { tokens: allowed ? tokens - 1 : tokens, at: now });
    if (this.buckets.size > this.maxUsers) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    return allowed;
  }
}
