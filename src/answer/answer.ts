import type { ContextStore } from '../context/store.js';
import type { Answer } from './schema.js';

/** Where a question comes from: its thread (for follow-ups) and the store that remembers threads. */
export interface AskContext {
  readonly threadId?: string;
  readonly store?: ContextStore;
  /** The date answers are stated against when the question gives no date of service (YYYY-MM-DD). */
  readonly today?: string;
}

/** Answers one question: parse → evaluate → retrieve excerpts → compose. Never throws for user input. */
export async function answer(question: string, _context: AskContext = {}): Promise<Answer> {
  // Placeholder while the pipeline is wired; replaced by the real composition.
  return { intent: 'help', findings: [], text: `(pipeline not wired yet) ${question.slice(0, 50)}`, facts: {} };
}
