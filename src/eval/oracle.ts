import type { Determination, Question } from '../contract/determination.js';
import type { Corpus } from '../policy/corpus.js';
import { evaluate } from '../policy/evaluate.js';
import type { Facts } from '../policy/facts.js';

/**
 * The truth for a generated case: the evaluator run directly on the facts the text states.
 * Billing keeps the one precedence the answer layer adds (src/answer/case-answer.ts): a code
 * the policy lets you bill is not billable, and says so as `not_medically_necessary`, when IGRT is
 * not medically necessary for the case.
 */
export function expectedDetermination(corpus: Corpus, payer: string, question: Question, facts: Facts): Determination {
  const found = evaluate(corpus, payer, question, { facts }).determination;
  if (question !== 'billing' || found !== 'separately_billable') return found;
  const necessity = evaluate(corpus, payer, 'necessity', { facts }).determination;
  return necessity === 'not_medically_necessary' ? necessity : found;
}

/** A determination that commits to an answer (anything but asking for a fact). */
export function isDefinite(determination: Determination | undefined): determination is Determination {
  return determination !== undefined && determination !== 'needs_info';
}

/** expectedDetermination with a cache: the generator asks about the same facts many times over. */
export function cachedOracle(corpus: Corpus): (payer: string, question: Question, facts: Facts) => Determination {
  const cache = new Map<string, Determination>();
  return (payer, question, facts) => {
    const key = `${payer}|${question}|${JSON.stringify(Object.entries(facts).sort(([a], [b]) => a.localeCompare(b)))}`;
    let found = cache.get(key);
    if (found === undefined) {
      found = expectedDetermination(corpus, payer, question, facts);
      cache.set(key, found);
    }
    return found;
  };
}
