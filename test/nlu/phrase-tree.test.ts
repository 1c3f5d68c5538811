import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { firstMatch } from '../../src/nlu/extract.js';
import { editDistance, typoBudget } from '../../src/nlu/fuzzy.js';
import type { Phrase } from '../../src/nlu/lexicon.js';
import { isBoundary } from '../../src/nlu/normalise.js';

// Phrase finding walks a first word's phrases as a tree of their later words; it must find the
// phrase that trying each phrase in list order finds (the rule it replaced), typo and plural
// forgiveness included. The oracle below is that rule, written out plainly.
const pipeline = defaultPipeline();
const vocabulary = { lexicon: pipeline.lexicon, cues: pipeline.cues };
const known = (w: string) => pipeline.lexicon.words.has(w) || pipeline.cues.words.has(w) || pipeline.cues.transparent.has(w);
const plural = (a: string, b: string) =>
  Math.min(a.length, b.length) >= 3 &&
  [a, b].some((long, k) => {
    const short = k === 0 ? b : a;
    const extra = long.length - short.length;
    return long.startsWith(short) && ((extra === 1 && long.endsWith('s')) || (extra === 2 && long.endsWith('es')));
  });

function inTurn(list: readonly Phrase[], tokens: readonly string[], at: number, fuzzyFirst: boolean) {
  for (const phrase of list) {
    let fuzzy = fuzzyFirst;
    let ok = true;
    for (let k = 1; k < phrase.tokens.length && ok; k++) {
      const token = tokens[at + k];
      const want = phrase.tokens[k] as string;
      if (token === undefined || isBoundary(token)) ok = false;
      else if (token === want || plural(token, want)) continue;
      else {
        const budget = typoBudget(Math.min(token.length, want.length));
        if (budget === 0 || known(token) || editDistance(token, want, budget) > budget) ok = false;
        else fuzzy = true;
      }
    }
    if (ok) return { phrase, fuzzy };
  }
  return undefined;
}

// Questions made of the lexicon's own phrases, cut short, run together, pluralised, misspelt
// or interrupted, starting at the first words with the most phrases.
const firsts = ['daily', 'image', 'kv', 'igrt', 'cbct', 'metastatic', 'mets', 'prior', 'history', 'intensity', 'the', 'same'];
const lists = firsts.map((w) => [w, pipeline.lexicon.byFirstToken.get(w) ?? []] as const).filter(([, l]) => l.length > 0);
const mutate = (word: string, how: number) =>
  [
    word,
    `${word}s`,
    word.endsWith('s') ? word.slice(0, -1) : `${word}es`,
    word.length > 4 ? `${word.slice(0, 2)}${word[3]}${word[2]}${word.slice(4)}` : word,
    word.length > 5 ? word.slice(0, -1) : `${word}x`,
    'zzqvv',
    ',',
  ][how] as string;
const said = fc
  .tuple(
    fc.nat({ max: lists.length - 1 }),
    fc.nat(),
    fc.nat(),
    fc.array(fc.nat({ max: 20 }), { maxLength: 12 }),
    fc.integer({ min: 0, max: 12 }),
  )
  .map(([l, p, q, hows, cut]) => {
    const [first, list] = lists[l] as (typeof lists)[number];
    const one = (list[p % list.length] as Phrase).tokens;
    const two = (list[q % list.length] as Phrase).tokens;
    const words = [...one.slice(0, Math.max(1, cut)), ...two.slice(1)].map((w, k) =>
      k === 0 ? first : mutate(w, (hows[k] ?? 0) < 14 ? 0 : (hows[k] ?? 0) % 7),
    );
    return { first, words };
  });

describe('phrase finding by word tree', () => {
  test('finds the phrase, and whether a typo was forgiven, that trying each phrase in list order finds', () => {
    fc.assert(
      fc.property(said, fc.boolean(), ({ first, words }, fuzzyFirst) => {
        const list = pipeline.lexicon.byFirstToken.get(first) ?? [];
        const got = firstMatch(list, words, 0, vocabulary, fuzzyFirst);
        const want = inTurn(list, words, 0, fuzzyFirst);
        expect(got && { phrase: got.phrase.tokens.join(' '), entry: got.phrase.entry, fuzzy: got.fuzzy }).toEqual(
          want && { phrase: want.phrase.tokens.join(' '), entry: want.phrase.entry, fuzzy: want.fuzzy },
        );
      }),
      { numRuns: 3000 },
    );
  });
});
