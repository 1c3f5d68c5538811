import type { ParsedQuestion } from '../nlu/parse.js';
import type { FactValue } from '../policy/facts.js';
import { bareMessage, type CaseCues } from './case-cues.js';
import type { ThreadState } from './store.js';

/**
 * How a turn relates to the conversation: `reset` ("new case" alone) clears it; `new` starts a
 * new case that keeps only the encounter's administrative facts; `new-target` another target of
 * the same patient, which keeps the patient's facts too; `same` continues the case; `said-same`
 * continues it because the turn says so ("same patient").
 */
export type Boundary = 'reset' | 'new' | 'new-target' | 'same' | 'said-same';

/**
 * Reads the boundary from the turn's structure: an explicit cue first (new patient, same patient),
 * then the facts it states against the thread's — a different diagnosis, another age, or a
 * modality and site stated together that differ from the case's, each start a new case. Anything
 * else (an elliptical turn, "what about …", a bare fact) leans on the case.
 */
export function caseBoundary(
  cues: CaseCues,
  question: string,
  parsed: ParsedQuestion,
  previous: ThreadState | undefined,
): Boundary {
  const bare = bareMessage(question);
  if (cues.reset.has(bare)) return 'reset';
  if (!previous) return 'same';
  const text = ` ${bare} `;
  if (cues.newCase.test(text)) return 'new';
  // "same pt also has a new femoral met": the same patient, but what was said of the last target is not this one's.
  if (cues.newTarget.test(text)) return 'new-target';
  if (cues.sameCase.test(text)) return 'said-same';
  const stated = parsed.facts;
  const before = previous.facts;
  const differs = (fact: string) => stated[fact] !== undefined && before[fact] !== undefined && stated[fact] !== before[fact];
  if (differs('diagnosis')) return 'new';
  if (parsed.age !== undefined && previous.age !== undefined && parsed.age !== previous.age) return 'new';
  // "IGRT with 3DCRT for lung" after a case without a site restates the whole case, not a detail of it.
  if (stated.diagnosis !== undefined && before.diagnosis === undefined && differs('modality')) return 'new';
  return 'same';
}

/** The thread as a new case sees it: the payers, the date of service and the facts named (administrative, and the patient's for a new target). */
export function carriedIntoNewCase(previous: ThreadState, carried: readonly string[]): ThreadState {
  const facts: Record<string, FactValue> = {};
  for (const fact of carried) if (previous.facts[fact] !== undefined) facts[fact] = previous.facts[fact];
  return {
    intent: previous.intent,
    facts,
    payers: previous.payers,
    ...(previous.dateOfService ? { dateOfService: previous.dateOfService } : {}),
    ...(previous.at !== undefined ? { at: previous.at } : {}),
  };
}
