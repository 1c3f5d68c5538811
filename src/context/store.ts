import type { Intent } from '../contract/answer.js';
import type { Facts } from '../policy/facts.js';

/** What a conversation thread has established so far. */
export interface ThreadState {
  readonly intent: Intent;
  readonly facts: Facts;
  readonly payers: readonly string[];
  /** Enum values ruled out so far ("not prone"). */
  readonly excluded?: Readonly<Record<string, readonly string[]>>;
  /** The value each fact had before a turn replaced it (see mergeTurn: a contradicted value goes back to it). */
  readonly earlier?: Facts;
  /** The fact the bot last asked for, so a bare reply ("curative") fills it. */
  readonly awaiting?: string;
  /** The date of service the conversation stated (it carries until a turn states another). */
  readonly dateOfService?: { readonly date: string; readonly written: string };
  /** The age in years the case stated, so another age reads as another patient. */
  readonly age?: number;
  /** When the last turn was answered (ms since the epoch), for conversations that expire sooner than the store. */
  readonly at?: number;
}

/**
 * Where thread context lives between turns. Async so a shared store (Redis) can stand in for
 * the in-memory one when several instances serve one workspace.
 */
export interface ContextStore {
  /** A small key-value side store on the same backend (answers kept for Share and buttons): a string value, or undefined once expired. */
  getValue(key: string): Promise<string | undefined>;
  putValue(key: string, value: string, ttlMs: number): Promise<void>;
  /** `onDegraded` is told when the shared store could not be reached and a fallback answered. */
  get(threadId: string, onDegraded?: () => void): Promise<ThreadState | undefined>;
  set(threadId: string, state: ThreadState, onDegraded?: () => void): Promise<void>;
}
