import { type AssertionCues, type CueKind, type CuePhrase, cueAt } from './cues.js';
import { editDistance, typoBudget } from './fuzzy.js';
import type { Lexicon, Phrase } from './lexicon.js';
import { isBoundary } from './normalise.js';

/** A phrase found in a question and where; its assertion is settled later (see assertion.ts). */
export interface Found {
  readonly phrase: Phrase;
  readonly start: number;
  readonly end: number;
  /** A typo was forgiven to read it. */
  readonly fuzzy: boolean;
  /**
   * Set when a typo-forgiven reading is too shaky to decide on: the word as typed, the word
   * it was read as, and another word it was as close to, if any.
   */
  readonly shaky?: { readonly typed: string; readonly read: string; readonly other?: string };
}

/** A cue phrase found in a question (negation, hedge, what-if, terminator …). */
export interface FoundCue {
  readonly kinds: readonly CueKind[];
  readonly start: number;
  readonly end: number;
}

/** The language data phrase finding needs. */
export interface Vocabulary {
  readonly lexicon: Lexicon;
  readonly cues: AssertionCues;
}

/**
 * Finds lexicon phrases and assertion cues in one left-to-right pass, the longer phrase
 * winning at each position (a tie goes to the lexicon, so "no breath hold" is one phrase).
 * A word neither knows may be a misspelling of a long lexicon word ("prostrate"), never of a
 * cue or of a short word, so "breath" never becomes breast.
 */
export function findPhrases(tokens: readonly string[], vocabulary: Vocabulary): { found: Found[]; cues: FoundCue[] } {
  const found: Found[] = [];
  const cues: FoundCue[] = [];
  let i = 0;
  while (i < tokens.length) {
    const cue = cueBefore(tokens, i, vocabulary);
    const phrase = exactAt(tokens, i, vocabulary) ?? (cue ? undefined : fuzzyAt(tokens, i, vocabulary));
    if (phrase && (!cue || phrase.phrase.tokens.length >= cue.tokens.length)) {
      const end = i + phrase.phrase.tokens.length;
      // Built field by field (not spread): this runs for every phrase of every question.
      found.push(
        phrase.shaky
          ? { phrase: phrase.phrase, fuzzy: phrase.fuzzy, shaky: phrase.shaky, start: i, end }
          : { phrase: phrase.phrase, fuzzy: phrase.fuzzy, start: i, end },
      );
      i = end;
    } else if (cue) {
      cues.push({ kinds: cue.kinds, start: i, end: i + cue.tokens.length });
      i += cue.tokens.length;
    } else {
      i += 1;
    }
  }
  return { found, cues };
}

type Match = Pick<Found, 'phrase' | 'fuzzy' | 'shaky'>;

/**
 * The cue at `at`, cut short where a longer lexicon phrase starts inside it: in "not near
 * critical" the cue is "not" and the phrase "near critical", not "not near" and a stray word.
 */
function cueBefore(tokens: readonly string[], at: number, vocabulary: Vocabulary): CuePhrase | undefined {
  const cue = cueAt(tokens, at, vocabulary.cues);
  if (!cue) return undefined;
  const end = at + cue.tokens.length;
  for (let k = at + 1; k < end; k++) {
    const phrase = exactAt(tokens, k, vocabulary);
    if (phrase && k + phrase.phrase.tokens.length > end) {
      const shorter = vocabulary.cues.byFirstToken
        .get(tokens[at] as string)
        ?.find((c) => c.tokens.length === k - at && c.tokens.every((word, j) => tokens[at + j] === word));
      return shorter ?? cue;
    }
  }
  return cue;
}

function exactAt(tokens: readonly string[], at: number, vocabulary: Vocabulary): Match | undefined {
  const first = tokens[at];
  if (first === undefined || isBoundary(first)) return undefined;
  const list = vocabulary.lexicon.byFirstToken.get(first);
  return list && firstMatch(list, tokens, at, vocabulary, false);
}

/**
 * A first word's phrases as a tree of their later words, grown where questions walk it: a node
 * holds the phrases whose first `depth` words lead to it (indices in list order, so ascending),
 * those that end there, and its children by the next word. "daily" and "image" start some
 * 4–11k phrases (method pairs, approvals), thousands of them sharing a second word, so trying
 * a second word's phrases in turn was most of the time spent reading a question.
 */
interface WordNode {
  readonly depth: number;
  readonly indices: readonly number[];
  grown?: { readonly ending: readonly number[]; readonly children: ReadonlyMap<string, WordNode> };
}

/** Below this many phrases a node's phrases are tried in turn: cheaper than growing it. */
const FEW = 8;
const trees = new WeakMap<readonly Phrase[], WordNode>();

/**
 * The first phrase of `list` in list order (the longest; see the lexicon's sort) whose words
 * stand at `at`, its first word taken as read (`fuzzy`: read by forgiving a typo), and whether
 * a typo was forgiven: what trying each phrase in turn with matchesFrom gives, but a word of
 * the question is compared once with each distinct word that could follow, not once per phrase.
 */
export function firstMatch(
  list: readonly Phrase[],
  tokens: readonly string[],
  at: number,
  vocabulary: Vocabulary,
  fuzzy: boolean,
): Match | undefined {
  let root = trees.get(list);
  if (!root) {
    root = { depth: 1, indices: Array.from(list.keys()) };
    trees.set(list, root);
  }
  const best = { index: list.length, fuzzy: false };
  walk(list, root, tokens, at, vocabulary, fuzzy, best);
  const phrase = list[best.index];
  return phrase && { phrase, fuzzy: best.fuzzy };
}

function walk(
  list: readonly Phrase[],
  node: WordNode,
  tokens: readonly string[],
  at: number,
  vocabulary: Vocabulary,
  fuzzy: boolean,
  best: { index: number; fuzzy: boolean },
): void {
  if (node.indices.length < FEW) {
    for (const i of node.indices) {
      if (i >= best.index) return;
      const read = matchesFrom(tokens, at, (list[i] as Phrase).tokens, vocabulary, node.depth, fuzzy);
      if (read !== undefined) {
        best.index = i;
        best.fuzzy = read;
        return;
      }
    }
    return;
  }
  node.grown ??= grow(list, node);
  const { ending, children } = node.grown;
  const ended = ending[0];
  if (ended !== undefined && ended < best.index) {
    best.index = ended;
    best.fuzzy = fuzzy;
  }
  const token = tokens[at + node.depth];
  if (token === undefined || isBoundary(token)) return;
  if (typoBudget(token.length) > 0 && !isKnown(token, vocabulary)) {
    // An unknown word may be a typo of any next word (as matchesFrom would forgive it).
    for (const [want, child] of children) {
      if ((child.indices[0] as number) >= best.index) continue;
      if (token === want || samePlural(token, want)) walk(list, child, tokens, at, vocabulary, fuzzy, best);
      else {
        const budget = typoBudget(Math.min(token.length, want.length));
        if (budget > 0 && editDistance(token, want, budget) <= budget) walk(list, child, tokens, at, vocabulary, true, best);
      }
    }
    return;
  }
  // A known or short word is only itself, its plural or its singular.
  for (const want of pluralForms(token)) {
    const child = children.get(want);
    if (child && (want === token || samePlural(token, want))) walk(list, child, tokens, at, vocabulary, fuzzy, best);
  }
}

function grow(list: readonly Phrase[], node: WordNode): NonNullable<WordNode['grown']> {
  const ending: number[] = [];
  const byWord = new Map<string, number[]>();
  for (const i of node.indices) {
    const word = (list[i] as Phrase).tokens[node.depth];
    if (word === undefined) ending.push(i);
    else {
      const indices = byWord.get(word);
      if (indices) indices.push(i);
      else byWord.set(word, [i]);
    }
  }
  const children = new Map<string, WordNode>();
  for (const [word, indices] of byWord) children.set(word, { depth: node.depth + 1, indices });
  return { ending, children };
}

/** A word, its plurals and its singulars: every word samePlural could pair it with. */
function pluralForms(word: string): string[] {
  const forms = [word, `${word}s`, `${word}es`];
  if (word.endsWith('s')) forms.push(word.slice(0, -1));
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  return forms;
}

/** An unknown long word read as a misspelling of a known phrase's first word. */
function fuzzyAt(tokens: readonly string[], at: number, vocabulary: Vocabulary): Match | undefined {
  const typed = tokens[at];
  if (typed === undefined || isBoundary(typed) || isKnown(typed, vocabulary) || typoBudget(typed.length) === 0) {
    return undefined;
  }
  const readings: { phrase: Phrase; word: string; distance: number }[] = [];
  for (const { word, distance } of typoCandidates(typed, vocabulary.lexicon)) {
    const list = vocabulary.lexicon.byFirstToken.get(word);
    const phrase = list && firstMatch(list, tokens, at, vocabulary, true)?.phrase;
    if (phrase) readings.push({ phrase, word, distance });
  }
  const [best, ...others] = readings;
  if (!best) return undefined;
  // A rival as close as the best that would say something else makes the reading unsure.
  const rival = others.find((r) => r.distance === best.distance && !sameSettings(r.phrase, best.phrase));
  if (rival) return { phrase: best.phrase, fuzzy: true, shaky: { typed, read: best.word, other: rival.word } };
  return { phrase: best.phrase, fuzzy: true, ...(likelyTypo(typed, best) ? {} : { shaky: { typed, read: best.word } }) };
}

/**
 * Whether a near miss is plainly a slip of the keys rather than another word: one edit, in a
 * word of six letters or more, away from both ends. Real words sit one or two edits from
 * clinical ones at their ends ("lives"/"liver", "tested"/"testes", "definition"/"definitive").
 */
function likelyTypo(typed: string, reading: { word: string; distance: number }): boolean {
  const { word, distance } = reading;
  return distance === 1 && typed.length >= 6 && typed.slice(0, 2) === word.slice(0, 2) && typed.slice(-2) === word.slice(-2);
}

function sameSettings(a: Phrase, b: Phrase): boolean {
  return a.entry === b.entry || JSON.stringify(a.entry.set) === JSON.stringify(b.entry.set);
}

function isKnown(word: string, vocabulary: Vocabulary): boolean {
  return vocabulary.lexicon.words.has(word) || vocabulary.cues.words.has(word) || vocabulary.cues.transparent.has(word);
}

const typoCaches = new WeakMap<Lexicon, Map<string, readonly { word: string; distance: number }[]>>();

/** Known first words within the typo budget of a word, closest first (cached: typos repeat). */
function typoCandidates(word: string, lexicon: Lexicon): readonly { word: string; distance: number }[] {
  let cache = typoCaches.get(lexicon);
  if (!cache) {
    cache = new Map();
    typoCaches.set(lexicon, cache);
  }
  const cached = cache.get(word);
  if (cached) return cached;
  const scored: { word: string; distance: number }[] = [];
  const byLength = firstTokensByLength(lexicon);
  const mask = letterMask(word);
  for (let length = word.length - 2; length <= word.length + 2; length++) {
    for (const { word: known, mask: knownMask } of byLength.get(length) ?? []) {
      const budget = typoBudget(Math.min(word.length, known.length));
      if (budget === 0 || Math.abs(known.length - word.length) > budget) continue;
      // Each edit changes at most two letters of the letter set: a cheap bound before the distance.
      if (bitCount(mask ^ knownMask) > 2 * budget) continue;
      const distance = editDistance(word, known, budget);
      if (distance <= budget) scored.push({ word: known, distance });
    }
  }
  const found = scored.sort((a, b) => a.distance - b.distance);
  if (cache.size > 5000) cache.clear();
  cache.set(word, found);
  return found;
}

type Indexed = { readonly word: string; readonly mask: number };
const lengthIndexes = new WeakMap<Lexicon, ReadonlyMap<number, readonly Indexed[]>>();

/** The letters a word uses, as bits (a–z and one bit for anything else). */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i) - 97;
    mask |= 1 << (code >= 0 && code < 26 ? code : 26);
  }
  return mask;
}

function bitCount(n: number): number {
  let count = 0;
  for (let v = n; v !== 0; v &= v - 1) count += 1;
  return count;
}

/** The lexicon's first words by length: a typo is only ever one or two letters longer or shorter. */
function firstTokensByLength(lexicon: Lexicon): ReadonlyMap<number, readonly Indexed[]> {
  let index = lengthIndexes.get(lexicon);
  if (!index) {
    const built = new Map<number, Indexed[]>();
    for (const known of lexicon.byFirstToken.keys()) {
      built.set(known.length, [...(built.get(known.length) ?? []), { word: known, mask: letterMask(known) }]);
    }
    index = built;
    lengthIndexes.set(lexicon, index);
  }
  return index;
}

/**
 * Whether the phrase's tokens from `skip` on stand at `at` (undefined if not; true if a typo was
 * forgiven, there or before `skip`).
 */
function matchesFrom(
  tokens: readonly string[],
  at: number,
  phrase: readonly string[],
  vocabulary: Vocabulary,
  skip: number,
  forgiven: boolean,
): boolean | undefined {
  let fuzzy = forgiven;
  for (let k = skip; k < phrase.length; k++) {
    const token = tokens[at + k];
    const want = phrase[k] as string;
    if (token === undefined || isBoundary(token)) return undefined;
    if (token === want || samePlural(token, want)) continue;
    const budget = typoBudget(Math.min(token.length, want.length));
    if (budget === 0 || isKnown(token, vocabulary) || editDistance(token, want, budget) > budget) return undefined;
    fuzzy = true;
  }
  return fuzzy;
}

/** "fields" is "field", "mets" is "met": a plural never counts as a typo (longer words only). */
function samePlural(token: string, want: string): boolean {
  if (Math.min(token.length, want.length) < 3) return false;
  return endsAs(token, want) || endsAs(want, token);
}

/** Whether `long` is `short` with "s" or "es" after it (compared in place: this runs per phrase tried). */
function endsAs(long: string, short: string): boolean {
  const extra = long.length - short.length;
  if (extra === 1) return long.endsWith('s') && long.startsWith(short);
  if (extra === 2) return long.endsWith('es') && long.startsWith(short);
  return false;
}
