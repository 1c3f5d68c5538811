/** How patient one delivery is: attempts, pauses between them, and a deadline over all of it. */
export interface RetryPolicy {
  readonly attempts: number;
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  /** Longest a Retry-After is honoured; a longer one fails the delivery at once. */
  readonly maxRetryAfterMs: number;
  readonly deadlineMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  firstDelayMs: 300,
  maxDelayMs: 4_000,
  maxRetryAfterMs: 10_000,
  deadlineMs: 30_000,
};

/** A failure worth another try, with how long the other side asked us to wait (Retry-After). */
export class RetryableError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'RetryableError';
  }
}

/** Reads a Retry-After header (seconds, or an HTTP date) as milliseconds. */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Runs `attempt` until it succeeds, fails for good (anything but a RetryableError), runs out of
 * attempts or would pass the deadline. Pauses grow exponentially with full jitter, and a
 * Retry-After is honoured exactly when it fits before the deadline.
 */
export async function withRetries<T>(attempt: (n: number) => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
  const deadline = Date.now() + policy.deadlineMs;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!(error instanceof RetryableError) || n >= policy.attempts) throw error;
      const backoff = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (n - 1));
      const wait =
        error.retryAfterMs !== undefined ? error.retryAfterMs + Math.random() * 250 : backoff / 2 + Math.random() * (backoff / 2);
      if ((error.retryAfterMs ?? 0) > policy.maxRetryAfterMs || Date.now() + wait > deadline) throw error;
      await sleep(wait);
    }
  }
}
