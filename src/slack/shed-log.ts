import type { Logger } from 'pino';

/**
 * Logs refused questions (rate limited, busy) as one line per reason per interval with a
 * count, instead of a line each: under overload, a line per refusal would spend the CPU the
 * refusal was meant to save.
 */
export class ShedLog {
  private readonly counts = new Map<string, number>();
  private last = 0;

  constructor(
    private readonly log: Logger,
    private readonly intervalMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one refusal; writes the counts when the interval has passed since the last line. */
  refused(reason: 'rate_limited' | 'busy', surface: string): void {
    const key = `${reason}\u0000${surface}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    const now = this.now();
    if (now - this.last < this.intervalMs) return;
    this.last = now;
    for (const [counted, count] of this.counts) {
      const [event, where] = counted.split('\u0000');
      this.log.warn({ event, surface: where, count }, event === 'busy' ? 'answer queue full' : 'rate limited');
    }
    this.counts.clear();
  }
}
