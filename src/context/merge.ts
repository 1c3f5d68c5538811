import type { Intent } from '../contract/answer.js';
import type { ParsedQuestion } from '../nlu/parse.js';
import type { UnsureFact } from '../nlu/resolve-facts.js';
import type { Corpus } from '../policy/corpus.js';
import type { Facts, FactValue } from '../policy/facts.js';
import type { ThreadState } from './store.js';

/** Intents about a case, whose facts a follow-up can extend. */
const CASE_INTENTS: readonly Intent[] = ['coverage', 'billing', 'compare'];

/** The question as the thread now stands: this message's facts over what the thread established. */
export interface Turn {
  readonly intent: Intent;
  readonly facts: Facts;
  readonly conflicts: readonly { fact: string; values: readonly FactValue[] }[];
  readonly payers: readonly string[];
  /** Enum values ruled out, this message's and the thread's. */
  readonly excluded: Readonly<Record<string, readonly string[]>>;
  /** Facts this message gave only doubtfully: unknown until confirmed. */
  readonly unsure: readonly UnsureFact[];
  /** This message's what-ifs: they hold for this answer and are not kept in the thread. */
  readonly whatIf: Facts;
  /** True when the message leaned on the thread (no intent of its own, or facts carried over). */
  readonly followUp: boolean;
}

/**
 * Merges a parsed message with its thread. A message with no intent of its own is a
 * follow-up ("what about <another payer>?", "curative", "and with electrons?"): it keeps the thread's
 * intent and payers unless it names new ones; a yes/no fills the fact the bot asked about.
 */
export function mergeTurn(parsed: ParsedQuestion, previous: ThreadState | undefined, corpus: Corpus): Turn {
  const fresh = parsed.inDomain ? (parsed.intent ?? 'coverage') : parsed.intent === 'help' ? 'help' : 'out_of_scope';
  // A bare yes/no or a date alone ("and on 2026-02-01?") is a follow-up, not a stray message.
  const leans = parsed.inDomain || parsed.yesNo !== undefined || parsed.dateOfService !== undefined;
  if (!previous || fresh === 'help' || !leans) {
    return {
      intent: fresh,
      facts: parsed.facts,
      conflicts: parsed.conflicts,
      payers: parsed.payers,
      excluded: parsed.excluded,
      unsure: parsed.unsure,
      whatIf: parsed.whatIf,
      followUp: false,
    };
  }
  const facts: Record<string, FactValue> = { ...previous.facts };
  const excluded: Record<string, readonly string[]> = { ...previous.excluded };
  // A fact goes stale when one it is reset by changes (facts.yaml `resetBy`: a new diagnosis makes the old set-up stale).
  const changed = (fact: string) => parsed.facts[fact] !== undefined && parsed.facts[fact] !== previous.facts[fact];
  for (const [fact, def] of Object.entries(corpus.facts)) {
    if (!def.resetBy?.some(changed)) continue;
    delete facts[fact];
    delete excluded[fact];
  }
  // A fact stated afresh, or asked to be confirmed, replaces what the thread had ruled out or held.
  for (const fact of Object.keys(parsed.facts)) delete excluded[fact];
  for (const { fact } of parsed.unsure) delete facts[fact];
  for (const [fact, values] of Object.entries(parsed.excluded)) {
    excluded[fact] = [...new Set([...(excluded[fact] ?? []), ...values])];
    if (typeof facts[fact] === 'string' && values.includes(facts[fact] as string)) delete facts[fact];
  }
  if (parsed.facts.codes !== undefined) delete facts.modifier;
  Object.assign(facts, parsed.facts);
  const awaited = previous.awaiting ? corpus.facts[previous.awaiting] : undefined;
  if (previous.awaiting && awaited?.kind === 'boolean' && parsed.yesNo !== undefined) facts[previous.awaiting] = parsed.yesNo;
  const caseQuestion = CASE_INTENTS.includes(previous.intent);
  const keepsIntent =
    caseQuestion && (parsed.intent === undefined || (parsed.intent === 'coverage' && previous.intent === 'compare'));
  return {
    intent: keepsIntent ? previous.intent : fresh,
    facts,
    conflicts: parsed.conflicts,
    payers: parsed.payers.length > 0 ? parsed.payers : previous.payers,
    excluded,
    unsure: parsed.unsure,
    whatIf: parsed.whatIf,
    followUp: true,
  };
}
