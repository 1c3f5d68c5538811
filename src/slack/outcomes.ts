/** What became of the questions the app accepted, counted for readiness and the fault suite. */
export interface OutcomeCounts {
  /** Answers handed to Slack and taken. */
  delivered: number;
  /** Answers that could not be delivered. */
  failed: number;
  /** Of those, how many users were told (a short notice reached them instead). */
  told: number;
  /** Answers given without thread context because the shared store was down, and said so. */
  degraded: number;
  /** Refusal notices ("slow down", "busy") sent, and those left out because one was sent lately. */
  noticesSent: number;
  noticesCoalesced: number;
}

export function newOutcomes(): OutcomeCounts {
  return { delivered: 0, failed: 0, told: 0, degraded: 0, noticesSent: 0, noticesCoalesced: 0 };
}

/**
 * At most one refusal notice per user per window: a user whose 50 mentions are refused hears
 * "slow down" once, not 50 times, and the notices cannot pile up in a channel. Bounded in how
 * many users it remembers.
 */
export class NoticeGate {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly windowMs = 30_000,
    private readonly now: () => number = Date.now,
    private readonly maxUsers = 10_000,
  ) {}

  /** True when this user may be sent a notice now (and records it). */
  allow(user: string): boolean {
    const now = this.now();
    const at = this.last.get(user);
    if (at !== undefined && now - at < this.windowMs) return false;
    this.last.delete(user);
    this.last.set(user, now);
    if (this.last.size > this.maxUsers) {
      const oldest = this.last.keys().next().value;
      if (oldest !== undefined) this.last.delete(oldest);
    }
    return true;
  }
}
