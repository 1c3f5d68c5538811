import type { ContextStore, ThreadState } from './store.js';

export interface MemoryStoreOptions {
  /** Most threads kept; the least recently used goes first. */
  readonly maxThreads?: number;
  /** How long a thread's context lives after its last turn. */
  readonly ttlMs?: number;
  readonly now?: () => number;
}

/** A bounded, time-limited thread store for one process (the embedded default). */
export class MemoryContextStore implements ContextStore {
  private readonly entries = new Map<string, { state: ThreadState; expires: number }>();
  private readonly maxThreads: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: MemoryStoreOptions = {}) {
    this.maxThreads = options.maxThreads ?? 10_000;
    this.ttlMs = options.ttlMs ?? 6 * 60 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  async get(threadId: string): Promise<ThreadState | undefined> {
    const entry = this.entries.get(threadId);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(threadId);
      return undefined;
    }
    return entry.state;
  }

  async set(threadId: string, state: ThreadState): Promise<void> {
    this.entries.delete(threadId);
    this.entries.set(threadId, { state, expires: this.now() + this.ttlMs });
    while (this.entries.size > this.maxThreads) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
