import type { FollowUp } from '../contract/answer.js';
import type { Pipeline } from './pipeline.js';

/**
 * The one-click way to supply a missing fact: the fact's question and, for enum and yes/no
 * facts, replies that the parser understands (taken from the lexicon, so they round-trip).
 */
export function followUpFor(pipeline: Pipeline, fact: string): FollowUp | undefined {
  if (fact === 'payer') {
    const options = [...pipeline.corpus.policies.values()].map(({ doc }) => ({ label: doc.payer, reply: doc.reply }));
    return { fact, question: 'Which payer’s policy?', options };
  }
  const def = pipeline.corpus.facts[fact];
  if (!def) return undefined;
  if (def.kind === 'boolean') {
    return {
      fact,
      question: def.ask,
      options: [
        { label: 'Yes', reply: 'yes' },
        { label: 'No', reply: 'no' },
      ],
    };
  }
  if (def.kind !== 'enum') return { fact, question: def.ask, options: [] };
  const offered = def.offer ?? Object.keys(def.values);
  const options = offered.flatMap((value) => {
    const phrase = phraseFor(pipeline, fact, value);
    return phrase ? [{ label: capitalise(def.values[value]?.label ?? value), reply: phrase }] : [];
  });
  return { fact, question: def.ask, options };
}

const phraseCache = new WeakMap<Pipeline, Map<string, string | undefined>>();

/** The lexicon's first phrase that says exactly this fact value (cached: the lexicon is fixed). */
function phraseFor(pipeline: Pipeline, fact: string, value: string): string | undefined {
  let cache = phraseCache.get(pipeline);
  if (!cache) {
    cache = new Map();
    phraseCache.set(pipeline, cache);
  }
  const key = `${fact}=${value}`;
  if (cache.has(key)) return cache.get(key);
  let found: string | undefined;
  search: for (const phrases of pipeline.lexicon.byFirstToken.values()) {
    for (const phrase of phrases) {
      const settings = Object.entries(phrase.entry.set);
      if (settings.length === 1 && settings[0]?.[0] === fact && settings[0][1] === value) {
        found = phrase.entry.match[0];
        break search;
      }
    }
  }
  cache.set(key, found);
  return found;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
