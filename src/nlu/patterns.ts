import type { FoundCue } from './extract.js';
import { COMMA, endsSentence, isBoundary, phraseTokens } from './normalise.js';

/**
 * Slots a vocabulary phrase may hold, alone or inside a word ("fx{n}", "{n}gy"): a number, an
 * ordinal (first, 2nd …), a year. A slot's text is captured so the number can tell one day from another.
 */
const SLOTS: Readonly<Record<string, string>> = {
  nth: '\\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth',
  year: '19[5-9]\\d|20\\d\\d',
  n: '\\d+(?:\\.\\d+)?',
};
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** A phrase's words, each a word to equal or a slot pattern capturing its number. */
export type Pattern = readonly (string | RegExp)[];

/** Tokenises a vocabulary phrase like a question, its `{slot}`s kept as patterns. */
export function compilePattern(phrase: string): Pattern {
  const marked = phrase.replace(/\{(nth|year|n)\}/g, (_, slot: string) => `slot${slot}x`);
  return phraseTokens(marked).map((word) => {
    if (!word.includes('slot')) return word;
    const source = word.replace(/slot(nth|year|n)x/g, (_, slot: string) => `(${SLOTS[slot]})`);
    return new RegExp(`^${source}$`);
  });
}

/** The pattern's length and its slots' numbers where it stands at `i`; undefined where it does not. */
export function matchAt(
  tokens: readonly string[],
  i: number,
  pattern: Pattern,
): { length: number; numbers: number[] } | undefined {
  // Most words start no pattern: ruled out before anything is built.
  if (!standsAt(tokens, i, pattern)) return undefined;
  const numbers: number[] = [];
  for (let k = 0; k < pattern.length; k++) {
    const word = pattern[k];
    if (typeof word === 'string') continue;
    const m = (word as RegExp).exec(tokens[i + k] as string) as RegExpExecArray;
    for (let g = 1; g < m.length; g++) {
      const text = m[g];
      if (text !== undefined) numbers.push(numberOf(text));
    }
  }
  return { length: pattern.length, numbers };
}

/** The longest of `patterns` standing at `i` (0 for none). */
export function longestAt(tokens: readonly string[], i: number, patterns: readonly Pattern[]): number {
  const token = tokens[i];
  if (token === undefined) return 0;
  const { byFirst, slotted } = wordIndex(patterns);
  let best = longestOf(tokens, i, slotted, 0);
  const group = byFirst.get(token);
  if (group) {
    best = longestOf(tokens, i, group.loose, best);
    const next = tokens[i + 1];
    const paired = next === undefined ? undefined : group.bySecond.get(next);
    if (paired) best = longestOf(tokens, i, paired, best);
  }
  return best;
}

function longestOf(tokens: readonly string[], i: number, patterns: readonly Pattern[], best: number): number {
  let longest = best;
  for (const p of patterns) if (p.length > longest && standsAt(tokens, i, p)) longest = p.length;
  return longest;
}

/**
 * A pattern list's patterns by their first two words (those starting with a slot, and those of
 * one word or a slot second, apart): the composed readings ask at every word of every clause,
 * and every determiner with every place and bone is some 1,400 patterns, 340 of them after
 * "the", nearly all ruled out by the next word.
 */
interface WordIndex {
  readonly byFirst: ReadonlyMap<
    string,
    { readonly bySecond: ReadonlyMap<string, readonly Pattern[]>; readonly loose: readonly Pattern[] }
  >;
  readonly slotted: readonly Pattern[];
}

const indexes = new WeakMap<readonly Pattern[], WordIndex>();

function wordIndex(patterns: readonly Pattern[]): WordIndex {
  let index = indexes.get(patterns);
  if (!index) {
    const byFirst = new Map<string, { bySecond: Map<string, Pattern[]>; loose: Pattern[] }>();
    const slotted: Pattern[] = [];
    for (const p of patterns) {
      const [first, second] = p;
      if (typeof first !== 'string') {
        slotted.push(p);
        continue;
      }
      let group = byFirst.get(first);
      if (!group) {
        group = { bySecond: new Map(), loose: [] };
        byFirst.set(first, group);
      }
      if (typeof second !== 'string') {
        group.loose.push(p);
        continue;
      }
      // Pushed in place: copying the list per pattern was quadratic, a tenth of a cold ask.
      const same = group.bySecond.get(second);
      if (same) same.push(p);
      else group.bySecond.set(second, [p]);
    }
    index = { byFirst, slotted };
    indexes.set(patterns, index);
  }
  return index;
}

/** Whether the pattern stands at `i` (matchAt without its numbers, allocating nothing). */
function standsAt(tokens: readonly string[], i: number, pattern: Pattern): boolean {
  for (let k = 0; k < pattern.length; k++) {
    const token = tokens[i + k];
    const word = pattern[k];
    if (token === undefined) return false;
    if (typeof word === 'string' ? word !== token : !(word as RegExp).test(token)) return false;
  }
  return true;
}

function numberOf(text: string): number {
  const word = ORDINALS.indexOf(text);
  return word >= 0 ? word + 1 : Number.parseFloat(text);
}

/**
 * The clauses of a question as [from, to) token spans: a clause ends at punctuation, a sentence
 * end or a terminator cue ("but", "then"), and, when `splits` is given, before any word it holds.
 */
export function clauses(tokens: readonly string[], cues: readonly FoundCue[], splits?: ReadonlySet<string>): [number, number][] {
  const terminators = new Set(cues.filter((c) => c.kinds.includes('terminator')).map((c) => c.start));
  const spans: [number, number][] = [];
  let start = 0;
  for (let end = 0; end <= tokens.length; end++) {
    const t = tokens[end];
    const ends =
      end === tokens.length ||
      endsSentence(t) ||
      t === COMMA ||
      isBoundary(t) ||
      terminators.has(end) ||
      splits?.has(t as string);
    if (!ends) continue;
    if (end > start) spans.push([start, end]);
    start = end + 1;
  }
  return spans;
}

/** How a relation word stands in its clause: affirmed, negated, hedged, or negated with a reach unclear. */
export type RelationAssertion = 'affirmed' | 'negated' | 'hedged' | 'scope';

/**
 * The assertion of a relation at `at` in the clause from `from`, in the NegEx manner: the nearest
 * negation cue before it negates it across transparent words only ("does not directly abut");
 * a cue with a predicate ("not covered when …") or something else read (`read`: a phrase, a
 * method) between is about that instead; any other word between leaves its reach unclear.
 */
export function assertRelation(
  cues: readonly FoundCue[],
  transparent: ReadonlySet<string>,
  tokens: readonly string[],
  span: { readonly from: number; readonly at: number },
  read: (start: number) => boolean,
): RelationAssertion {
  const before = cues.filter((c) => c.start >= span.from && c.end <= span.at);
  const negation = before.filter((c) => c.kinds.includes('pre') || c.kinds.includes('post')).at(-1);
  if (negation) {
    const between = Array.from({ length: span.at - negation.end }, (_, k) => negation.end + k);
    const aboutOther = between.some(read) || before.some((c) => c.kinds.includes('predicate') && c.start >= negation.end);
    if (!aboutOther) return between.every((i) => transparent.has(tokens[i] as string)) ? 'negated' : 'scope';
  }
  return before.some((c) => c.kinds.includes('uncertain')) ? 'hedged' : 'affirmed';
}
