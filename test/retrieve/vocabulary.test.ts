import Fuse from 'fuse.js';
import { describe, expect, test } from 'vitest';
import { growPassages } from '../../bench/grow-corpus.js';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { MATCH, Vocabulary, wordsOf } from '../../src/retrieve/vocabulary.js';

// The vocabulary asks fuse.js only about the words its letter-pair/triple index lets through,
// and scores a word holding the term whole without asking. Both must leave fuse.js's verdict
// unchanged: compared here with fuse.js asked about every word, for real words, typos of them,
// and the respelt words of a grown corpus.
const pipeline = defaultPipeline();
const passages = growPassages(pipeline.passages, 2, 1);
const words = [...new Set(passages.flatMap((p) => [...wordsOf(p.text), ...wordsOf(p.sectionTitle)]))];
const vocabulary = new Vocabulary(words);

function everyWord(term: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const word of words) {
    const { isMatch, score } = Fuse.match(term, word, MATCH);
    if (isMatch) found.set(word, score ?? 1);
  }
  return found;
}

// A fixed spread of terms: every 4th word of length 3–20, and a typo of each (swap, drop, add, change).
const plain = words.filter((w, i) => i % 4 === 0 && /^[a-z0-9]{3,20}$/.test(w));
const typos = plain.map((w, i) => {
  const at = 1 + (i % Math.max(1, w.length - 2));
  switch (i % 4) {
    case 0:
      return w.slice(0, at - 1) + w[at] + w[at - 1] + w.slice(at + 1);
    case 1:
      return w.slice(0, at) + w.slice(at + 1);
    case 2:
      return `${w.slice(0, at)}x${w.slice(at)}`;
    default:
      return `${w.slice(0, at)}q${w.slice(at + 1)}`;
  }
});

describe('the vocabulary index finds exactly the words fuse.js matches', () => {
  test.each([...plain, ...typos].filter((t) => t.length >= 3).map((t) => [t]))('"%s"', (term) => {
    expect([...vocabulary.matches(term)]).toEqual([...everyWord(term)]);
  });
});
