import { editDistance, typoBudget } from './fuzzy.js';
import type { Lexicon, Phrase } from './lexicon.js';
import { BOUNDARY } from './normalise.js';

/** A phrase found in a question, where, and whether a negation cue stands just before it. */
export interface Mention {
  readonly phrase: Phrase;
  readonly start: number;
  readonly end: number;
  readonly negated: boolean;
  readonly fuzzy: boolean;
}

const NEGATORS = new Set([
  'no',
  'not',
  'without',
  'non',
  'never',
  'none',
  'nor',
  'denies',
  'absent',
  'negative',
  'neither',
  'lacks',
  'excluding',
]);
/** Words that end a negation's reach, like punctuation does. */
const SCOPE_BREAKERS = new Set([BOUNDARY, 'but', 'however', 'although', 'though', 'except', 'yet', 'and', 'or', 'with']);
const NEGATION_WINDOW = 4;

/**
 * Finds lexicon phrases in the tokens, longest first at each position. A word the lexicon
 * does not know may match a known word with a typo or two (long words only), so
 * "prostrate" is prostate but "breath" never becomes breast.
 */
export function extractMentions(tokens: readonly string[], lexicon: Lexicon): Mention[] {
  const mentions: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const found = longestAt(tokens, i, lexicon);
    if (!found) {
      i += 1;
      continue;
    }
    const end = i + found.phrase.tokens.length;
    const previous = mentions.at(-1);
    // "no prior RT or critical structures": a negation reaches across "or" / "nor" lists.
    const listed = previous?.negated === true && /^(?:(?:\| )?(?:or|nor) )$/.test(`${tokens.slice(previous.end, i).join(' ')} `);
    mentions.push({ phrase: found.phrase, start: i, end, negated: listed || isNegated(tokens, i), fuzzy: found.fuzzy });
    i = end;
  }
  return mentions;
}

function longestAt(tokens: readonly string[], at: number, lexicon: Lexicon): { phrase: Phrase; fuzzy: boolean } | undefined {
  const first = tokens[at];
  if (first === undefined || first === BOUNDARY) return undefined;
  for (const phrase of lexicon.byFirstToken.get(first) ?? []) {
    const fuzzy = matchesFrom(tokens, at, phrase.tokens, lexicon);
    if (fuzzy !== undefined) return { phrase, fuzzy };
  }
  if (lexicon.words.has(first) || typoBudget(first.length) === 0) return undefined;
  // An unknown long word: try it as a misspelling of a known phrase's first word.
  for (const word of typoCandidates(first, lexicon)) {
    for (const phrase of lexicon.byFirstToken.get(word) ?? []) {
      if (matchesFrom(tokens, at, phrase.tokens, lexicon, 1) !== undefined) return { phrase, fuzzy: true };
    }
  }
  return undefined;
}

const typoCaches = new WeakMap<Lexicon, Map<string, readonly string[]>>();

/** Known first words within the typo budget of a word, closest first (cached: typos repeat). */
function typoCandidates(word: string, lexicon: Lexicon): readonly string[] {
  let cache = typoCaches.get(lexicon);
  if (!cache) {
    cache = new Map();
    typoCaches.set(lexicon, cache);
  }
  const cached = cache.get(word);
  if (cached) return cached;
  const scored: [string, number][] = [];
  for (const known of lexicon.byFirstToken.keys()) {
    const budget = typoBudget(Math.min(word.length, known.length));
    if (budget === 0 || Math.abs(known.length - word.length) > budget) continue;
    const distance = editDistance(word, known, budget);
    if (distance <= budget) scored.push([known, distance]);
  }
  const found = scored.sort((a, b) => a[1] - b[1]).map(([known]) => known);
  if (cache.size > 5000) cache.clear();
  cache.set(word, found);
  return found;
}

/** Whether the phrase's tokens stand at `at` (undefined if not; true if a typo was forgiven). */
function matchesFrom(tokens: readonly string[], at: number, phrase: readonly string[], lexicon: Lexicon, skip = 0) {
  let fuzzy = skip > 0;
  for (let k = skip; k < phrase.length; k++) {
    const token = tokens[at + k];
    const want = phrase[k] as string;
    if (token === undefined || token === BOUNDARY) return undefined;
    if (token === want) continue;
    const budget = typoBudget(Math.min(token.length, want.length));
    if (budget === 0 || lexicon.words.has(token) || editDistance(token, want, budget) > budget) return undefined;
    fuzzy = true;
  }
  return fuzzy;
}

function isNegated(tokens: readonly string[], start: number): boolean {
  for (let k = start - 1; k >= Math.max(0, start - NEGATION_WINDOW); k--) {
    const token = tokens[k] as string;
    if (NEGATORS.has(token)) return true;
    if (SCOPE_BREAKERS.has(token)) return false;
  }
  return false;
}
