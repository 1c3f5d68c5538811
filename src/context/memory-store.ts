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
  // Values of the key-value side store, bounded like the threads (oldest written goes first).
  // Kept as UTF-8 bytes outside the JS heap, as Redis keeps them: they are the stored answers
  // behind every message's buttons (a few KB each, a day each), written once and rarely read.
  // As strings they were the larger part of the heap at the bound and were copied by every
  // collection that promoted them; as bytes the garbage collector neither scans nor moves them.
  // A string goes in and comes out the same, save a lone surrogate half (no UTF-8 spelling),
  // which Redis would not keep either and JSON.stringify never writes.
  private readonly values = new Map<string, { value: Buffer; expires: number }>();
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
    return this.fresh(this.entries, threadId)?.state;
  }

  async set(threadId: string, state: ThreadState): Promise<void> {
    this.put(this.entries, threadId, { state, expires: this.now() + this.ttlMs });
  }

  async getValue(key: string): Promise<string | undefined> {
    return this.fresh(this.values, key)?.value.toString('utf8');
  }

  async putValue(key: string, value: string, ttlMs: number): Promise<void> {
    this.put(this.values, key, { value: Buffer.from(value, 'utf8'), expires: this.now() + ttlMs });
  }

  /** An entry not yet expired (an expired one is dropped on sight). */
  private fresh<T extends { expires: number }>(map: Map<string, T>, key: string): T | undefined {
    const entry = map.get(key);
    if (entry && entry.expires <= this.now()) {
      map.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Writes an entry as the newest, dropping the oldest beyond the bound. */
  private put<T>(map: Map<string, T>, key: string, entry: T): void {
    map.delete(key);
    map.set(key, entry);
    while (map.size > this.maxThreads) {
      const oldest = map.keys().next().value;
      if (oldest === undefined) break;
      map.delete(oldest);
    }
  }
}
