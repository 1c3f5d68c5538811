import { z } from 'zod';
import { lazySchema } from '../contract/lazy-schema.js';
import { DataError, loadYaml } from '../data/load-yaml.js';
import { projectPath } from '../data/paths.js';
import { Phrases } from '../nlu/cues.js';
import { normaliseText } from '../nlu/normalise.js';
import type { Corpus } from '../policy/corpus.js';

/** intents/case-cues.yaml: the words that say how a turn relates to the case before it. */
export const CaseCueFile = lazySchema(() =>
  z.strictObject({
    reset: Phrases,
    newCase: Phrases,
    /** Phrases; "{person}" stands for each of `persons`. */
    sameCase: Phrases,
    persons: Phrases,
    /** An opener, up to four words, and a target: another target of the same patient. */
    newTarget: z.strictObject({ openers: Phrases, targets: Phrases }),
    /** Facts of the patient, which carry into a new target. */
    patient: z.array(z.string()),
    administrative: z.array(z.string()),
  }),
);
export type CaseCueFile = z.infer<typeof CaseCueFile>;

/** The cues compiled: whole-word patterns over the normalised message, and the facts that carry into a new case. */
export interface CaseCues {
  readonly reset: ReadonlySet<string>;
  readonly newCase: RegExp;
  readonly sameCase: RegExp;
  readonly newTarget: RegExp;
  readonly patient: readonly string[];
  readonly administrative: readonly string[];
}

function wordsPattern(phrases: readonly string[]): RegExp {
  return new RegExp(`(?:^|[^a-z0-9])(?:${alternation(phrases)})(?![a-z0-9])`);
}

/** Phrases as one alternation of whole-word sequences over the normalised message. */
function alternation(phrases: readonly string[]): string {
  return phrases
    .map((p) =>
      normaliseText(p)
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/ /g, '\\s+'),
    )
    .join('|');
}

/** Loads intents/case-cues.yaml; an administrative fact the corpus does not define fails at load. */
export function loadCaseCues(corpus: Corpus, file = projectPath('intents', 'case-cues.yaml')): CaseCues {
  const data = loadYaml(file, CaseCueFile);
  for (const key of ['administrative', 'patient'] as const)
    for (const [i, fact] of data[key].entries()) {
      if (!corpus.facts[fact]) throw new DataError(file, `${key}[${i}]: no fact "${fact}" in facts.yaml`);
    }
  return {
    reset: new Set(data.reset.map(bareMessage)),
    newCase: wordsPattern(data.newCase),
    sameCase: wordsPattern(
      data.sameCase.flatMap((p) => (p.includes('{person}') ? data.persons.map((who) => p.replace('{person}', who)) : [p])),
    ),
    newTarget: new RegExp(
      `(?:^|[^a-z0-9])(?:${alternation(data.newTarget.openers)})(?:\\s+[a-z0-9]+){0,4}?\\s+(?:${alternation(data.newTarget.targets)})(?![a-z0-9])`,
    ),
    patient: data.patient,
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
