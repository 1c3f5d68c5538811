import type { Redis } from 'ioredis';
import type { EventDeduper } from './dedupe.js';

/** An EventDeduper shared by every instance on one Redis: the first SET NX wins, later ones see a duplicate. */
export class RedisEventDeduper implements EventDeduper {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'igrt:seen:',
  ) {}

  async firstSeen(key: string, ttlMs: number): Promise<boolean> {
    // SET NX PX is atomic, so two instances racing on one retried event cannot both win.
    return (await this.redis.set(this.prefix + key, '1', 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX')) === 'OK';
  }
}
