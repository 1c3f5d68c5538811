import { z } from 'zod';
import { DataError, loadYaml } from '../data/load-yaml.js';
import { projectPath } from '../data/paths.js';
import { normaliseText } from '../nlu/normalise.js';
import type { Corpus } from '../policy/corpus.js';

const Phrases = z.array(z.string().min(1)).min(1);

/** intents/case-cues.yaml: the words that say how a turn relates to the case before it. */
export const CaseCueFile = z.strictObject({
  reset: Phrases,
  newCase: Phrases,
  /** Phrases; "{person}" stands for each of `persons`. */
  sameCase: Phrases,
  persons: Phrases,
  administrative: z.array(z.string()),
});
export type CaseCueFile = z.infer<typeof CaseCueFile>;

/** The cues compiled: whole-word patterns over the normalised message, and the facts that carry into a new case. */
export interface CaseCues {
  readonly reset: ReadonlySet<string>;
  readonly newCase: RegExp;
  readonly sameCase: RegExp;
  readonly administrative: readonly string[];
}

function wordsPattern(phrases: readonly string[]): RegExp {
  const alternatives = phrases.map((p) =>
    normaliseText(p)
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/ /g, '\\s+'),
  );
  return new RegExp(`(?:^|[^a-z0-9])(?:${alternatives.join('|')})(?![a-z0-9])`);
}

/** Loads intents/case-cues.yaml; an administrative fact the corpus does not define fails at load. */
export function loadCaseCues(corpus: Corpus, file = projectPath('intents', 'case-cues.yaml')): CaseCues {
  const data = loadYaml(file, CaseCueFile);
  for (const [i, fact] of data.administrative.entries()) {
    if (!corpus.facts[fact]) throw new DataError(file, `administrative[${i}]: no fact "${fact}" in facts.yaml`);
  }
  return {
    reset: new Set(data.reset.map(bareMessage)),
    newCase: wordsPattern(data.newCase),
    sameCase: wordsPattern(
      data.sameCase.flatMap((p) => (p.includes('{person}') ? data.persons.map((who) => p.replace('{person}', who)) : [p])),
    ),
    administrative: data.administrative,
  };
}

/** The message with its trailing punctuation gone, as the reset list is compared against it. */
export function bareMessage(question: string): string {
  return normaliseText(question)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
