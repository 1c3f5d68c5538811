import Fuse from 'fuse.js';

// As the whole-passage search was configured: a word matches with at most a quarter of its
// letters wrong, anywhere in the text, over a run of at least three letters.
const THRESHOLD = 0.25;
export const MATCH = { includeScore: true, ignoreLocation: true, threshold: THRESHOLD, minMatchCharLength: 3 } as const;
// The same match as a search over a list of words: with the field norm ignored, a result's score
// is the word's own match score, as Fuse.match gives it.
const SEARCH = { ...MATCH, ignoreFieldNorm: true, shouldSort: false } as const;

/** A set of the characters in a word, hashed into 32 bits (a collision only lets more words through). */
function letters(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) & 31);
  return mask;
}

function bits(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

/**
 * The distinct words of the corpus, for fuzzy matching a search term with fuse.js. A corpus's
 * vocabulary grows far more slowly than its passages do, and fuse.js is asked only about the
 * words an index of their letter pairs and triples says could match, so a search's cost follows
 * the words that match rather than the size of the vocabulary.
 *
 * Why the index loses nothing: fuse.js (Bitap, location ignored) matches a term of n letters
 * where some stretch of the word is within k = ⌊n/4⌋ edits of it. Cut the term into k + 1 pieces:
 * k edits touch at most k of them, so a matching word holds one piece whole, and with it each
 * of that piece's letter pairs or triples. The candidates are the words holding, for some piece,
 * the rarest of its triples (its pair, for a piece of two letters); a word that also holds the
 * term whole gets fuse.js's score for that without asking (0 when it is the term, else 0.001).
 * Each candidate must further be at least n − k long and hold all but at most k of the term's
 * distinct letters, as any match does.
 */
export class Vocabulary {
  private readonly words: string[];
  private readonly masks: number[];
  /** Each letter pair and triple → the ids of the words holding it, in ascending order. */
  private readonly grams = new Map<string, number[]>();

  constructor(words: Iterable<string>) {
    this.words = [...new Set(words)];
    this.masks = this.words.map(letters);
    for (const [id, word] of this.words.entries()) {
      for (const size of [2, 3]) {
        for (let at = 0; at + size <= word.length; at++) {
          const gram = word.slice(at, at + size);
          const list = this.grams.get(gram);
          if (!list) this.grams.set(gram, [id]);
          else if (list[list.length - 1] !== id) list.push(id);
        }
      }
    }
  }

  get size(): number {
    return this.words.length;
  }

  /** The words fuse.js matches the term to, with their fuse.js scores (0 exact … 0.25), in vocabulary order. */
  matches(term: string): ReadonlyMap<string, number> {
    const edits = Math.floor(term.length * THRESHOLD);
    const shortest = term.length - edits;
    const wanted = letters(term);
    const scores = new Map<number, number>();
    const fuzzy: string[] = [];
    const fuzzyIds: number[] = [];
    for (const id of this.candidates(term, edits + 1)) {
      const word = this.words[id] as string;
      if (word.length < shortest || bits(wanted & ~(this.masks[id] as number)) > edits) continue;
      if (word.includes(term)) scores.set(id, word === term ? 0 : 0.001);
      else {
        fuzzy.push(word);
        fuzzyIds.push(id);
      }
    }
    // One fuse.js searcher for the term over the rest (its scores are Fuse.match's: no field norm).
    if (fuzzy.length > 0) {
      for (const { refIndex, score } of new Fuse(fuzzy, SEARCH).search(term))
        scores.set(fuzzyIds[refIndex] as number, score ?? 1);
    }
    const found = new Map<string, number>();
    for (const id of [...scores.keys()].sort((a, b) => a - b)) found.set(this.words[id] as string, scores.get(id) as number);
    return found;
  }

  /** The ids of the words holding one of the term's pieces (see above), ascending. */
  private candidates(term: string, pieces: number): number[] {
    // A piece of one letter would need a list of single letters: every word is a candidate then.
    if (term.length < 2 * pieces) return this.words.map((_, id) => id);
    const lists: number[][] = [];
    for (let k = 0; k < pieces; k++) {
      const piece = term.slice(Math.floor((k * term.length) / pieces), Math.floor(((k + 1) * term.length) / pieces));
      const size = Math.min(3, piece.length);
      let rarest: number[] | undefined;
      for (let at = 0; at + size <= piece.length; at++) {
        const list = this.grams.get(piece.slice(at, at + size)) ?? [];
        if (!rarest || list.length < rarest.length) rarest = list;
      }
      if (rarest && rarest.length > 0) lists.push(rarest);
    }
    if (lists.length === 1) return lists[0] as number[];
    return [...new Set(lists.flat())].sort((a, b) => a - b);
  }
}

/** The words of a passage field as the vocabulary holds them: lower case, split at white space. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
}
