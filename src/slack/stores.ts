import { Redis } from 'ioredis';
import { MemoryContextStore } from '../context/memory-store.js';
import { RedisContextStore } from '../context/redis-store.js';
import type { ContextStore } from '../context/store.js';
import { type Deduper, MemoryDeduper } from './dedupe.js';
import { RedisDeduper } from './redis-dedupe.js';

/** Thread context and event de-duplication: in memory by default, shared through Redis when REDIS_URL is set. */
export function createStores(redisUrl?: string): { store: ContextStore; dedupe: Deduper; close: () => Promise<void> } {
  if (!redisUrl) return { store: new MemoryContextStore(), dedupe: new MemoryDeduper(), close: async () => {} };
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false });
  return {
    store: new RedisContextStore(redis),
    dedupe: new RedisDeduper(redis),
    close: async () => {
      await redis.quit();
    },
  };
}
