import { type EventDeduper, MemoryEventDeduper } from './dedupe.js';
import { type FeedbackEntry, type FeedbackStore, scrubbedFeedback } from './feedback-store.js';
import { MemoryContextStore } from './memory-store.js';
import type { ContextStore, ThreadState } from './store.js';

/** How long one call to the shared store may take before the fallback answers instead. */
const CALL_TIMEOUT_MS = 1_000;

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`shared store did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Whether the shared store is answering, as last seen; readiness reports it. */
export interface StoreHealth {
  readonly ok: boolean;
  readonly reason?: string;
}

/** Remembers the last outcome of calls to the shared store, and reports changes once. */
export class HealthMark {
  private failure: string | undefined;

  constructor(private readonly onChange: (health: StoreHealth) => void = () => {}) {}

  get health(): StoreHealth {
    return this.failure === undefined ? { ok: true } : { ok: false, reason: this.failure };
  }

  ok(): void {
    if (this.failure === undefined) return;
    this.failure = undefined;
    this.onChange(this.health);
  }

  failed(error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    const changed = this.failure === undefined;
    this.failure = reason;
    if (changed) this.onChange(this.health);
  }
}

/**
 * Thread context that survives its shared store going away: every call to the shared store
 * (Redis) has a deadline; when it fails, a bounded in-process copy answers — the threads this
 * instance saw keep their context, others are answered without it — and the caller is told
 * (`onDegraded`), so the answer can say so. Nothing is thrown; the next call tries the shared
 * store again, so service resumes as soon as it is back.
 */
export class ResilientContextStore implements ContextStore {
  private readonly local = new MemoryContextStore();

  constructor(
    private readonly shared: ContextStore,
    readonly mark = new HealthMark(),
    private readonly timeoutMs = CALL_TIMEOUT_MS,
  ) {}

  async get(threadId: string, onDegraded?: () => void): Promise<ThreadState | undefined> {
    try {
      const state = await within(this.shared.get(threadId), this.timeoutMs);
      this.mark.ok();
      return state;
    } catch (error) {
      this.mark.failed(error);
      onDegraded?.();
      return this.local.get(threadId);
    }
  }

  async set(threadId: string, state: ThreadState, onDegraded?: () => void): Promise<void> {
    await this.local.set(threadId, state);
    try {
      await within(this.shared.set(threadId, state), this.timeoutMs);
      this.mark.ok();
    } catch (error) {
      this.mark.failed(error);
      onDegraded?.();
    }
  }

  async getValue(key: string): Promise<string | undefined> {
    try {
      const value = await within(this.shared.getValue(key), this.timeoutMs);
      this.mark.ok();
      return value ?? (await this.local.getValue(key));
    } catch (error) {
      this.mark.failed(error);
      return this.local.getValue(key);
    }
  }

  async putValue(key: string, value: string, ttlMs: number): Promise<void> {
    await this.local.putValue(key, value, ttlMs);
    try {
      await within(this.shared.putValue(key, value, ttlMs), this.timeoutMs);
      this.mark.ok();
    } catch (error) {
      this.mark.failed(error);
    }
  }
}

/**
 * Event de-duplication that falls back to memory while the shared store is down: every key is
 * also remembered locally, so a retry that reaches this instance is still answered once.
 */
export class ResilientEventDeduper implements EventDeduper {
  private readonly local = new MemoryEventDeduper();

  constructor(
    private readonly shared: EventDeduper,
    readonly mark = new HealthMark(),
    private readonly timeoutMs = CALL_TIMEOUT_MS,
  ) {}

  async firstSeen(key: string, ttlMs: number): Promise<boolean> {
    const locally = await this.local.firstSeen(key, ttlMs);
    try {
      const first = await within(this.shared.firstSeen(key, ttlMs), this.timeoutMs);
      this.mark.ok();
      return first && locally;
    } catch (error) {
      this.mark.failed(error);
      return locally;
    }
  }
}

/** Feedback held in memory while the shared store is down, at most this many (the oldest go first). */
const MAX_PENDING_FEEDBACK = 1_000;

/**
 * Feedback that is not lost when its shared store goes away: an entry the store cannot take
 * within the deadline waits in memory (scrubbed, bounded) and is written with the next entry
 * once the store answers again; listing shows the waiting entries too.
 */
export class ResilientFeedbackStore implements FeedbackStore {
  private pending: FeedbackEntry[] = [];
  // Flushes run one after another, so two feedbacks at once cannot write the same entry twice.
  private flushing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly shared: FeedbackStore,
    readonly mark = new HealthMark(),
    private readonly timeoutMs = CALL_TIMEOUT_MS,
  ) {}

  async add(entry: FeedbackEntry): Promise<void> {
    this.pending.push(scrubbedFeedback(entry));
    if (this.pending.length > MAX_PENDING_FEEDBACK) this.pending.shift();
    await this.flush();
  }

  async list(): Promise<FeedbackEntry[]> {
    if (await this.flush()) {
      try {
        const stored = await within(this.shared.list(), this.timeoutMs);
        return [...stored, ...this.pending];
      } catch (error) {
        this.mark.failed(error);
      }
    }
    return [...this.pending];
  }

  /** Writes the waiting entries in order; false when the shared store did not take them all. */
  private flush(): Promise<boolean> {
    const run = this.flushing.then(() => this.flushNow());
    this.flushing = run;
    return run;
  }

  private async flushNow(): Promise<boolean> {
    try {
      while (this.pending.length > 0) {
        await within(this.shared.add(this.pending[0] as FeedbackEntry), this.timeoutMs);
        this.pending.shift();
      }
      this.mark.ok();
      return true;
    } catch (error) {
      this.mark.failed(error);
      return false;
    }
  }
}
