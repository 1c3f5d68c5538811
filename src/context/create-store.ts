import { Redis } from 'ioredis';
import { isRedisUrl } from '../config.js';
import { type EventDeduper, MemoryEventDeduper } from './dedupe.js';
import { type FeedbackLimits, type FeedbackStore, FileFeedbackStore, RedisFeedbackStore } from './feedback-store.js';
import { MemoryContextStore } from './memory-store.js';
import { RedisEventDeduper } from './redis-dedupe.js';
import { RedisContextStore } from './redis-store.js';
import {
  HealthMark,
  ResilientContextStore,
  ResilientEventDeduper,
  ResilientFeedbackStore,
  type StoreHealth,
} from './resilient.js';
import type { ContextStore } from './store.js';

/** Thread context and event de-duplication, from one backend, with a way to release it. */
export interface SharedState {
  readonly backend: 'memory' | 'redis';
  readonly store: ContextStore;
  readonly dedupe: EventDeduper;
  /** 👍/👎 on answers: a sorted set in Redis, else the local file. */
  readonly feedback: FeedbackStore;
  /** Whether the shared store is reachable now (always ok in memory), for readiness. */
  health(): StoreHealth;
  close(): Promise<void>;
}

/** How the Redis backend reports connection trouble (ioredis retries on its own; this is for the log). */
export interface CreateStoreOptions {
  readonly onError?: (error: Error) => void;
  /** Told when the shared store stops or starts answering (degraded to memory, or resumed). */
  readonly onHealth?: (health: StoreHealth) => void;
  /** Thread context lifetime after its last turn. */
  readonly ttlMs?: number;
  /** The feedback file without Redis, and how long feedback is kept. */
  readonly feedbackFile?: string;
  readonly feedbackRetentionMs?: number;
}

/** Most feedback entries kept, whatever their age. */
const FEEDBACK_MAX = 10_000;
const DEFAULT_FEEDBACK_FILE = '.feedback/feedback.jsonl';
const DEFAULT_FEEDBACK_RETENTION_MS = 180 * 24 * 60 * 60 * 1000;

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
  const limits: FeedbackLimits = {
    retentionMs: options.feedbackRetentionMs ?? DEFAULT_FEEDBACK_RETENTION_MS,
    maxEntries: FEEDBACK_MAX,
  };
  if (!url) {
    const store = new MemoryContextStore(options.ttlMs === undefined ? {} : { ttlMs: options.ttlMs });
    const feedback = new FileFeedbackStore(options.feedbackFile ?? DEFAULT_FEEDBACK_FILE, limits);
    return {
      backend: 'memory',
      store,
      dedupe: new MemoryEventDeduper(),
      feedback,
      health: () => ({ ok: true }),
      close: async () => {},
    };
  }
  if (!isRedisUrl(url)) {
    throw new StoreConfigError('REDIS_URL must be a redis:// or rediss:// URL, or the path of a Unix socket');
  }
  // Commands fail after one reconnection attempt (and the resilient store gives each call a
  // second), so an outage degrades a turn to memory instead of holding it; ioredis reconnects
  // on its own, every second or two, and service resumes on the next call.
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(100 * times, 2_000),
  });
  // Without a listener ioredis prints every reconnect failure itself; route them to the caller's log.
  redis.on('error', options.onError ?? (() => {}));
  const mark = new HealthMark(options.onHealth);
  return {
    backend: 'redis',
    feedback: new ResilientFeedbackStore(new RedisFeedbackStore(redis, limits), mark),
    store: new ResilientContextStore(new RedisContextStore(redis, options.ttlMs), mark),
    dedupe: new ResilientEventDeduper(new RedisEventDeduper(redis), mark),
    health: () => (redis.status === 'ready' ? { ok: true } : { ok: false, reason: `redis ${redis.status}` }),
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
