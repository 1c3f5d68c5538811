import Fuse from 'fuse.js';

// As the whole-passage search was configured: a word matches with at most a quarter of its
// letters wrong, anywhere in the text, over a run of at least three letters.
const THRESHOLD = 0.25;
const MATCH = { includeScore: true, ignoreLocation: true, threshold: THRESHOLD, minMatchCharLength: 3 } as const;

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
 * vocabulary grows far more slowly than its passages do, so this is what keeps search
 * sub-linear. fuse.js is asked only about words that could match within the threshold: with
 * at most k = ⌊len/4⌋ edits a match needs a word at least len − k long that contains all but
 * at most k of the term's distinct letters — a few integer operations per word.
 */
export class Vocabulary {
  private readonly words: string[];
  private readonly masks: number[];

  constructor(words: Iterable<string>) {
    this.words = [...new Set(words)];
    this.masks = this.words.map(letters);
  }

  get size(): number {
    return this.words.length;
  }

  /** The words fuse.js matches the term to, with their fuse.js scores (0 exact … 0.25). */
  matches(term: string): ReadonlyMap<string, number> {
    const edits = Math.floor(term.length * THRESHOLD);
    const shortest = term.length - edits;
    const wanted = letters(term);
    const found = new Map<string, number>();
    for (let id = 0; id < this.words.length; id++) {
      const word = this.words[id] as string;
      if (word.length < shortest || bits(wanted & ~(this.masks[id] as number)) > edits) continue;
      const { isMatch, score } = Fuse.match(term, word, MATCH);
      if (isMatch) found.set(word, score ?? 1);
    }
    return found;
  }
}

/** The words of a passage field as the vocabulary holds them: lower case, split at white space. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
}
