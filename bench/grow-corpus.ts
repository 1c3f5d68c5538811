import type { Passage } from '../src/retrieve/passages.js';

// A deterministic PRNG, so every run grows the same corpus.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * The corpus grown `factor` times within the same policies and sections: each copy of a
 * passage has its words shuffled and a share of them (`novelty`) respelt, so the copies add
 * new vocabulary as new policy text would, not just repeats.
 */
export function growPassages(passages: readonly Passage[], factor: number, novelty: number): Passage[] {
  const next = random(42);
  const grown = [...passages];
  for (let copy = 1; copy < factor; copy++) {
    for (const passage of passages) {
      const words = passage.text
        .split(/\s+/)
        .map((word) =>
          word.length >= 4 && next() < novelty ? `${word}${String.fromCharCode(97 + Math.floor(next() * 26))}${copy}` : word,
        );
      for (let i = words.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [words[i], words[j]] = [words[j] as string, words[i] as string];
      }
      grown.push({ ...passage, text: words.join(' ') });
    }
  }
  return grown;
}
