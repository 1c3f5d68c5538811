import Fuse from 'fuse.js';
import type { Passage } from './passages.js';

// Words that carry no topic; searching for them would only add noise.
const STOP_WORDS = new Set(
  'a an and are as at be by can could do does for from has have how i if in is it its may me of on or our policy policies say says should so that the their them there this to under up us was we what when where which who why will with would you your about igrt image guided radiation therapy patient horizon bcbsnj cvs health does said tell talk mention mentions'.split(
    ' ',
  ),
);

/** A passage and how well it matched (higher is better). */
export interface Hit {
  readonly passage: Passage;
  readonly score: number;
}

/**
 * Fuzzy passage search with fuse.js. Long questions do not fit Bitap's 32-character
 * patterns, so each content word is searched on its own (location-independent, with a
 * score cutoff) and a passage's score sums its words' match quality, rarer words counting more.
 */
export class PassageIndex {
  private readonly fuse: Fuse<Passage>;

  constructor(private readonly passages: readonly Passage[]) {
    this.fuse = new Fuse([...passages], {
      keys: [
        { name: 'text', weight: 3 },
        { name: 'sectionTitle', weight: 1 },
      ],
      includeScore: true,
      ignoreLocation: true,
      ignoreFieldNorm: true,
      threshold: 0.25,
      minMatchCharLength: 3,
    });
  }

  /** The best passages for a query, optionally within some sections only, best first. */
  search(query: string, filter: (passage: Passage) => boolean = () => true, limit = 3): Hit[] {
    // Bitap patterns stop at 32 characters; longer "words" are pasted junk, not topics.
    const words = [...new Set(query.toLowerCase().split(/[^a-z0-9]+/))].filter(
      (w) => w.length >= 3 && w.length <= 32 && !STOP_WORDS.has(w),
    );
    const totals = new Map<Passage, number>();
    for (const word of words.slice(0, 24)) {
      const results = this.fuse.search(word).filter((r) => filter(r.item));
      if (results.length === 0) continue;
      const rarity = Math.log(1 + this.passages.length / results.length);
      for (const result of results) {
        totals.set(result.item, (totals.get(result.item) ?? 0) + (1 - (result.score ?? 1)) * rarity);
      }
    }
    return [...totals.entries()]
      .map(([passage, score]) => ({ passage, score }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }
}
