import Fuse from 'fuse.js';
import type { Passage } from './passages.js';

/** A passage and how well one term matched it (lower is better, as fuse.js scores). */
export interface TermHit {
  readonly passage: Passage;
  readonly score: number;
}

// The fields searched and their weights, normalised as fuse.js normalises key weights (3:1).
const TEXT_WEIGHT = 0.75;
const TITLE_WEIGHT = 0.25;

/**
 * One word's fuzzy matches over a set of passages. fuse.js matches the word against the
 * distinct words of those passages (the vocabulary, which grows far more slowly than the
 * passages do), and a posting list maps each vocabulary word back to its passages. A passage's
 * score is what fuse.js would give it searching its text and title whole with `ignoreLocation`:
 * the best word's score per field, weighted 3:1 and multiplied.
 */
export class TermIndex {
  private readonly fuse: Fuse<string>;
  private readonly postings: (readonly [number, number])[][] = [];
  private readonly fields: (readonly [string, string])[];

  constructor(
    readonly passages: readonly Passage[],
    /** Each passage's position in the whole corpus, so ties rank as a whole-corpus search ranks them. */
    private readonly order: readonly number[],
  ) {
    const vocabulary = new Map<string, number>();
    // Field 0 is the text, field 1 the section title.
    this.fields = passages.map((p) => [p.text.toLowerCase(), p.sectionTitle.toLowerCase()] as const);
    this.fields.forEach((fields, passage) => {
      fields.forEach((text, field) => {
        for (const word of new Set(text.split(/\s+/))) {
          if (!word) continue;
          let id = vocabulary.get(word);
          if (id === undefined) {
            id = vocabulary.size;
            vocabulary.set(word, id);
            this.postings.push([]);
          }
          this.postings[id]?.push([passage, field]);
        }
      });
    });
    this.fuse = new Fuse([...vocabulary.keys()], {
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.25,
      minMatchCharLength: 3,
      shouldSort: false,
    });
  }

  /** The passages a term matches, best first (ties in corpus order). */
  match(term: string): TermHit[] {
    const best = new Map<number, [number, number]>();
    for (const { refIndex, score = 1 } of this.fuse.search(term)) {
      for (const [passage, field] of this.postings[refIndex] ?? []) {
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
      score: weighted(text, TEXT_WEIGHT) * weighted(title, TITLE_WEIGHT),
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
