import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { lazySchema } from '../contract/lazy-schema.js';
import { redactIdentifiers, redactSecrets } from '../log/redact.js';

/** One 👍 or 👎 on an answer, as kept: every free text scrubbed like a log line. */
export const FeedbackEntry = lazySchema(() =>
  z.object({
    /** When it was given (ISO); retention counts from here. */
    at: z.string(),
    rating: z.enum(['up', 'down']),
    /** The question asked, identifiers masked. */
    question: z.string(),
    intent: z.string(),
    /** Each payer's determination as answered. */
    given: z.record(z.string(), z.string()),
    /** The answer's plain-text summary, identifiers masked. */
    answer: z.string(),
    /** 👎: what the user said was wrong, and the fact they say is right (both optional, masked). */
    wrong: z.string().optional(),
    correction: z.string().optional(),
  }),
);
export type FeedbackEntry = z.infer<typeof FeedbackEntry>;

/** Where feedback is kept, bounded in age and count. */
export interface FeedbackStore {
  add(entry: FeedbackEntry): Promise<void>;
  /** Every entry still within retention, oldest first. */
  list(): Promise<FeedbackEntry[]>;
}

export interface FeedbackLimits {
  readonly retentionMs: number;
  readonly maxEntries: number;
  readonly now?: () => number;
}

/** The same masking as logged question text: patient identifiers and credentials never reach the store. */
export function scrubFeedbackText(text: string): string {
  return redactSecrets(redactIdentifiers(text));
}

/** A feedback entry with its free text scrubbed (question, answer, what was wrong, the correction). */
export function scrubbedFeedback(entry: FeedbackEntry): FeedbackEntry {
  const { wrong, correction, ...rest } = entry;
  return {
    ...rest,
    question: scrubFeedbackText(entry.question),
    answer: scrubFeedbackText(entry.answer),
    ...(wrong ? { wrong: scrubFeedbackText(wrong) } : {}),
    ...(correction ? { correction: scrubFeedbackText(correction) } : {}),
  };
}

function parseEntry(raw: string): FeedbackEntry | undefined {
  try {
    const parsed = FeedbackEntry.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Feedback in Redis: one sorted set scored by time, trimmed by age and count on every write. */
export class RedisFeedbackStore implements FeedbackStore {
  constructor(
    private readonly redis: Redis,
    private readonly limits: FeedbackLimits,
    private readonly key = 'igrt:feedback',
  ) {}

  async add(entry: FeedbackEntry): Promise<void> {
    const now = (this.limits.now ?? Date.now)();
    await this.redis
      .multi()
      .zadd(this.key, Date.parse(entry.at), JSON.stringify(scrubbedFeedback(entry)))
      .zremrangebyscore(this.key, '-inf', now - this.limits.retentionMs)
      .zremrangebyrank(this.key, 0, -(this.limits.maxEntries + 1))
      .exec();
  }

  async list(): Promise<FeedbackEntry[]> {
    const since = (this.limits.now ?? Date.now)() - this.limits.retentionMs;
    const raw = await this.redis.zrangebyscore(this.key, since, '+inf');
    return raw.map(parseEntry).filter((e): e is FeedbackEntry => e !== undefined);
  }
}

/** Feedback in a local JSONL file (one instance, no Redis): rewritten within its limits on every write. */
export class FileFeedbackStore implements FeedbackStore {
  // Writes one after another, so two feedbacks at once cannot lose each other.
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly limits: FeedbackLimits,
  ) {}

  add(entry: FeedbackEntry): Promise<void> {
    const next = this.writing.then(async () => {
      const kept = [...(await this.list()), scrubbedFeedback(entry)].slice(-this.limits.maxEntries);
      await mkdir(dirname(this.file), { recursive: true });
      await writeFile(this.file, kept.map((e) => `${JSON.stringify(e)}\n`).join(''), { mode: 0o600 });
    });
    this.writing = next.catch(() => {});
    return next;
  }

  async list(): Promise<FeedbackEntry[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return [];
    }
    const since = (this.limits.now ?? Date.now)() - this.limits.retentionMs;
    return text
      .split('\n')
      .filter((line) => line.trim())
      .map(parseEntry)
      .filter((e): e is FeedbackEntry => e !== undefined && Date.parse(e.at) >= since);
  }
}
