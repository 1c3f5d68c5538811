import { Redis } from 'ioredis';
import { isRedisUrl } from '../config.js';
import { type EventDeduper, MemoryEventDeduper } from './dedupe.js';
import { MemoryContextStore } from './memory-store.js';
import { RedisEventDeduper } from './redis-dedupe.js';
import { RedisContextStore } from './redis-store.js';
import type { ContextStore } from './store.js';

/** Thread context and event de-duplication, from one backend, with a way to release it. */
export interface SharedState {
  readonly backend: 'memory' | 'redis';
  readonly store: ContextStore;
  readonly dedupe: EventDeduper;
  close(): Promise<void>;
}

/** How the Redis backend reports connection trouble (ioredis retries on its own; this is for the log). */
export interface CreateStoreOptions {
  readonly onError?: (error: Error) => void;
  /** Thread context lifetime after its last turn. */
  readonly ttlMs?: number;
}

/** A REDIS_URL that cannot be used, named before the first question reaches it. */
export class StoreConfigError extends Error {
  readonly code = 'STORE_CONFIG_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'StoreConfigError';
  }
}

/** Builds the thread store and event de-duplicator: in memory when REDIS_URL is unset or blank, shared through Redis when set. */
export function createContextStore(
  env: Readonly<Record<string, string | undefined>>,
  options: CreateStoreOptions = {},
): SharedState {
  const url = env.REDIS_URL?.trim();
  if (!url) {
    const store = new MemoryContextStore(options.ttlMs === undefined ? {} : { ttlMs: options.ttlMs });
    return { backend: 'memory', store, dedupe: new MemoryEventDeduper(), close: async () => {} };
  }
  if (!isRedisUrl(url)) {
    throw new StoreConfigError('REDIS_URL must be a redis:// or rediss:// URL, or the path of a Unix socket');
  }
  // A few retries per command, so a Redis outage fails a turn instead of hanging it.
  const redis = new Redis(url, { maxRetriesPerRequest: 2 });
  // Without a listener ioredis prints every reconnect failure itself; route them to the caller's log.
  redis.on('error', options.onError ?? (() => {}));
  return {
    backend: 'redis',
    store: new RedisContextStore(redis, options.ttlMs),
    dedupe: new RedisEventDeduper(redis),
    close: async () => {
      await redis.quit();
    },
  };
}
