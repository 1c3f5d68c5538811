import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ContextStore } from '../context/store.js';
import { lazySchema } from '../contract/lazy-schema.js';

/**
 * How long an answer is kept for its buttons (Share, follow-ups, feedback). Slack keeps an
 * ephemeral message for the session; a day covers a working day's return to it.
 */
export const RECORD_TTL_MS = 24 * 60 * 60 * 1000;

// What a stored answer must look like before it is trusted: anything else is "expired".
const AnswerRecord = lazySchema(() =>
  z.object({
    id: z.string(),
    /** The question as asked (raw; escaped wherever it is shown). */
    question: z.string(),
    /** The thread its context lives in. */
    thread: z.string(),
    /** Who asked: their clicks act in the thread, anyone else's are answered privately. */
    owner: z.string().optional(),
    /** Exactly what was posted, so Share posts what was seen and never re-answers. */
    blocks: z.array(z.record(z.string(), z.unknown())),
    text: z.string(),
    /** The follow-up buttons' labels and the replies they send, by index (the button value carries the index). */
    options: z.array(z.object({ label: z.string(), reply: z.string() })),
    /** The thread's context right after this answer, so a foreign click forks from what the answer saw. */
    state: z.unknown().optional(),
    /** What was decided, for feedback: the intent and each payer's determination. */
    intent: z.string(),
    determinations: z.record(z.string(), z.string()),
  }),
);
export type AnswerRecord = z.infer<typeof AnswerRecord>;

const KEY = (id: string) => `answer:${id}`;

// Ids are cut from a pool of random bytes, one randomBytes call per 256 ids rather than one per
// answer (as crypto.randomUUID pools its entropy): a call costs more than the id.
let pool = Buffer.alloc(0);
let used = 0;

/** A short, unguessable id for a button value (12 characters). */
export function newRecordId(): string {
  if (used + 9 > pool.length) {
    pool = randomBytes(9 * 256);
    used = 0;
  }
  const id = pool.toString('base64url', used, used + 9);
  used += 9;
  return id;
}

export async function saveRecord(store: ContextStore, record: AnswerRecord): Promise<void> {
  await store.putValue(KEY(record.id), JSON.stringify(record), RECORD_TTL_MS);
}

/** The stored answer, or undefined when it expired, never existed or is not ours. */
export async function loadRecord(store: ContextStore, id: string): Promise<AnswerRecord | undefined> {
  if (!/^[\w-]{1,32}$/.test(id)) return undefined;
  const raw = await store.getValue(KEY(id));
  if (raw === undefined) return undefined;
  try {
    const parsed = AnswerRecord.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A follow-up button's value: the answer's id and the option's index ("Ab3…:2"). */
export function followUpValue(id: string, index: number): string {
  return `${id}:${index}`;
}

export function parseFollowUpValue(raw: string | undefined): { id: string; index: number } | undefined {
  const match = /^([\w-]{1,32}):(\d{1,3})$/.exec(raw ?? '');
  return match ? { id: match[1] as string, index: Number(match[2]) } : undefined;
}
