import type { Redis } from 'ioredis';
import { z } from 'zod';
import { Intent } from '../contract/answer.js';
import { lazySchema } from '../contract/lazy-schema.js';
import type { ContextStore, ThreadState } from './store.js';

// What a stored value must look like before it is trusted as a thread's context: a value
// written by an older release, or by hand, is treated as no context rather than as facts.
const StoredFacts = lazySchema(() => z.record(z.string(), z.union([z.string(), z.boolean(), z.array(z.string())])));
const StoredState = lazySchema(() =>
  z.object({
    intent: Intent,
    facts: StoredFacts,
    earlier: StoredFacts.optional(),
    payers: z.array(z.string()),
    excluded: z.record(z.string(), z.array(z.string())).optional(),
    awaiting: z.string().optional(),
    dateOfService: z.object({ date: z.iso.date(), written: z.string() }).optional(),
    age: z.number().optional(),
    at: z.number().optional(),
  }),
);

/**
 * Thread context in Redis, so any instance behind a load balancer can answer a follow-up.
 * Each thread is one namespaced JSON value written with SET PX; Redis's TTL is the bound.
 */
export class RedisContextStore implements ContextStore {
  constructor(
    private readonly redis: Redis,
    private readonly ttlMs = 6 * 60 * 60 * 1000,
    private readonly prefix = 'igrt:thread:',
    private readonly valuePrefix = 'igrt:value:',
  ) {}

  async get(threadId: string): Promise<ThreadState | undefined> {
    const raw = await this.redis.get(this.prefix + threadId);
    if (raw === null) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return undefined;
    }
    const parsed = StoredState.safeParse(value);
    if (!parsed.success) return undefined;
    // exactOptionalPropertyTypes: an absent key stays absent rather than becoming `undefined`.
    return Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as unknown as ThreadState;
  }

  async set(threadId: string, state: ThreadState): Promise<void> {
    await this.redis.set(this.prefix + threadId, JSON.stringify(state), 'PX', this.ttlMs);
  }

  async getValue(key: string): Promise<string | undefined> {
    return (await this.redis.get(this.valuePrefix + key)) ?? undefined;
  }

  async putValue(key: string, value: string, ttlMs: number): Promise<void> {
    await this.redis.set(this.valuePrefix + key, value, 'PX', Math.max(1, Math.ceil(ttlMs)));
  }
}
