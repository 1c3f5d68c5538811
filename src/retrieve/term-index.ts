import type { Passage } from './passages.js';
import { wordsOf } from './vocabulary.js';

/** A passage and how well one term matched it (lower is better, as fuse.js scores). */
export interface TermHit {
  readonly passage: Passage;
  readonly score: number;
}

/** How a term matches vocabulary words: each word and its fuse.js score. */
export type WordMatches = (term: string) => ReadonlyMap<string, number>;

// The fields searched and their weights, normalised as fuse.js normalises key weights (3:1).
const WEIGHTS = [0.75, 0.25] as const;

/**
 * One scope's passages (a policy, a section), with a posting list from each of their words
 * back to the passages and fields holding it. A passage's score for a term is what fuse.js
 * would give it searching its text and title whole with `ignoreLocation`: the best word's
 * score per field, weighted 3:1 and multiplied.
 */
export class TermIndex {
  private readonly postings = new Map<string, (readonly [number, number])[]>();
  // Field 0 is the text, field 1 the section title, each in lower case.
  private readonly fields: (readonly [string, string])[];

  constructor(
    readonly passages: readonly Passage[],
    /** Each passage's position in the whole corpus, so ties rank as a whole-corpus search ranks them. */
    private readonly order: readonly number[],
  ) {
    this.fields = passages.map((p) => [p.text.toLowerCase(), p.sectionTitle.toLowerCase()] as const);
    passages.forEach((p, passage) => {
      [p.text, p.sectionTitle].forEach((text, field) => {
        for (const word of new Set(wordsOf(text))) {
          const list = this.postings.get(word) ?? [];
          list.push([passage, field]);
          this.postings.set(word, list);
        }
      });
    });
  }

  /** The passages a term matches, best first (ties in corpus order), given the term's word matches. */
  match(term: string, words: ReadonlyMap<string, number>): TermHit[] {
    const best = new Map<number, [number, number]>();
    for (const [word, score] of words) {
      for (const [passage, field] of this.postings.get(word) ?? []) {
        // A vocabulary word equal to the term is an exact match inside a longer field: fuse.js
        // scores that 0.001; only a field that is the term, whole, scores 0.
        const fieldScore = score === 0 && this.fields[passage]?.[field] !== term ? 0.001 : score;
        const scores = best.get(passage) ?? [Number.NaN, Number.NaN];
        const current = scores[field] ?? Number.NaN;
        if (Number.isNaN(current) || fieldScore < current) scores[field] = fieldScore;
        best.set(passage, scores);
      }
    }
    const hits = [...best].map(([passage, [text, title]]) => ({
      at: this.order[passage] ?? passage,
      passage: this.passages[passage] as Passage,
      score: weighted(text, WEIGHTS[0]) * weighted(title, WEIGHTS[1]),
    }));
    hits.sort((a, b) => a.score - b.score || a.at - b.at);
    return hits.map(({ passage, score }) => ({ passage, score }));
  }
}

// fuse.js's computeScore: a field that did not match is left out; an exact whole-field match
// (score 0) counts as Number.EPSILON so the weight still applies.
function weighted(score: number, weight: number): number {
  if (Number.isNaN(score)) return 1;
  return (score === 0 ? Number.EPSILON : score) ** weight;
}
