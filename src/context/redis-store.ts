import type { Redis } from 'ioredis';
import type { ContextStore, ThreadState } from './store.js';

/**
 * Thread context in Redis, so any instance behind a load balancer can answer a follow-up.
 * Each thread is one JSON value with a time to live; Redis's TTL is the bound.
 */
export class RedisContextStore implements ContextStore {
  constructor(
    private readonly redis: Redis,
    private readonly ttlMs = 6 * 60 * 60 * 1000,
    private readonly prefix = 'igrt:thread:',
  ) {}

  async get(threadId: string): Promise<ThreadState | undefined> {
    const raw = await this.redis.get(this.prefix + threadId);
    if (raw === null) return undefined;
    try {
      return JSON.parse(raw) as ThreadState;
    } catch {
      return undefined;
    }
  }

  async set(threadId: string, state: ThreadState): Promise<void> {
    await this.redis.set(this.prefix + threadId, JSON.stringify(state), 'PX', this.ttlMs);
  }
}
