import { type EventDeduper, MemoryEventDeduper } from './dedupe.js';
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
