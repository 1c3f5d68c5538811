import { z } from 'zod';
import { lazySchema } from '../contract/lazy-schema.js';
import { DataError, loadYaml } from '../data/load-yaml.js';
import { projectPath } from '../data/paths.js';
import { phraseTokens } from './normalise.js';

/** A data file's list of phrases: at least one, none empty. */
export const Phrases = lazySchema(() => z.array(z.string().min(1)).min(1));

export const AssertionFile = lazySchema(() =>
  z.strictObject({
    pre: Phrases,
    post: Phrases,
    pseudo: Phrases,
    uncertain: Phrases,
    terminators: Phrases,
    predicates: Phrases,
    transparent: Phrases,
    hypothetical: Phrases,
    proximity: Phrases,
    others: Phrases,
    /** Every relative with every verb is an `others` cue ("husband had", "sister with"). */
    relatives: z.array(z.string().min(1)).default([]),
    relativeVerbs: z.array(z.string().min(1)).default([]),
    /** "prone — sorry, supine": what follows replaces what the message said before. */
    corrections: Phrases,
  }),
);
export type AssertionFile = z.infer<typeof AssertionFile>;

/** What a cue phrase does; one phrase may do two things ("not" before or after what it negates). */
export type CueKind =
  | 'pre'
  | 'post'
  | 'pseudo'
  | 'uncertain'
  | 'terminator'
  | 'predicate'
  | 'hypothetical'
  | 'proximity'
  | 'other'
  | 'correction';

/** A cue phrase ready for matching. */
export interface CuePhrase {
  readonly tokens: readonly string[];
  readonly kinds: readonly CueKind[];
}

/** The compiled assertion cues: phrases by first token, and the words a negation reaches across. */
export interface AssertionCues {
  readonly byFirstToken: ReadonlyMap<string, readonly CuePhrase[]>;
  readonly transparent: ReadonlySet<string>;
  /** Every word of every cue: never read as a misspelt clinical term. */
  readonly words: ReadonlySet<string>;
}

const KIND_OF: Record<Exclude<keyof AssertionFile, 'transparent' | 'relatives' | 'relativeVerbs'>, CueKind> = {
  pre: 'pre',
  post: 'post',
  pseudo: 'pseudo',
  uncertain: 'uncertain',
  terminators: 'terminator',
  predicates: 'predicate',
  hypothetical: 'hypothetical',
  proximity: 'proximity',
  others: 'other',
  corrections: 'correction',
};

/** Loads intents/assertion.yaml; a phrase with no words fails with its path. */
export function loadAssertionCues(file = projectPath('intents', 'assertion.yaml')): AssertionCues {
  const loaded = loadYaml(file, AssertionFile);
  const data = {
    ...loaded,
    others: [...loaded.others, ...loaded.relatives.flatMap((who) => loaded.relativeVerbs.map((verb) => `${who} ${verb}`))],
  };
  const byKey = new Map<string, { tokens: string[]; kinds: CueKind[] }>();
  const words = new Set<string>();
  for (const [list, kind] of Object.entries(KIND_OF) as [keyof typeof KIND_OF, CueKind][]) {
    for (const [i, phrase] of data[list].entries()) {
      const tokens = phraseTokens(phrase);
      if (tokens.length === 0) throw new DataError(file, `${list}[${i}]: "${phrase}" has no words`);
      const key = tokens.join(' ');
      const entry = byKey.get(key) ?? { tokens, kinds: [] };
      if (!entry.kinds.includes(kind)) entry.kinds.push(kind);
      byKey.set(key, entry);
      for (const token of tokens) words.add(token);
    }
  }
  const byFirstToken = new Map<string, CuePhrase[]>();
  for (const entry of byKey.values()) {
    const first = entry.tokens[0] as string;
    byFirstToken.set(first, [...(byFirstToken.get(first) ?? []), entry]);
  }
  for (const list of byFirstToken.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  const transparent = new Set(data.transparent.flatMap((phrase) => phraseTokens(phrase)));
  return { byFirstToken, transparent, words };
}

/** The longest cue phrase standing at `at`, if any. */
export function cueAt(tokens: readonly string[], at: number, cues: AssertionCues): CuePhrase | undefined {
  const first = tokens[at];
  if (first === undefined) return undefined;
  return cues.byFirstToken.get(first)?.find((cue) => cue.tokens.every((word, k) => tokens[at + k] === word));
}
