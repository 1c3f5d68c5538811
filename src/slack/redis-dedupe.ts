import type { Redis } from 'ioredis';
import type { Deduper } from './dedupe.js';

/** Event de-duplication shared by every instance: the first SET NX wins, the rest see a duplicate. */
export class RedisDeduper implements Deduper {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'igrt:seen:',
  ) {}

  async firstSeen(key: string, ttlMs = 10 * 60 * 1000): Promise<boolean> {
    return (await this.redis.set(this.prefix + key, '1', 'PX', ttlMs, 'NX')) === 'OK';
  }
}
