import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { longestAt, matchAt, type Pattern } from '../../src/nlu/patterns.js';

// longestAt looks patterns up by their first two words; it must give what trying every pattern
// gives. Words are drawn from the patterns themselves (and numbers for their slots), so runs of
// them start many patterns, part of one, or a pattern broken off.
const table = defaultPipeline().reirradiation;
const lists = Object.entries(table) as [string, readonly Pattern[]][];
const words = [...new Set(lists.flatMap(([, list]) => list.flatMap((p) => p.filter((w): w is string => typeof w === 'string'))))];
const word = fc.oneof(fc.constantFrom(...words), fc.constantFrom('2', '20', '2019', '3mm', '5cm', '2nd', 'the', 'x'));

describe('pattern lookup by first words', () => {
  test.each(lists.map(([name]) => name))('%s: the longest pattern at a word, as trying each finds it', (name) => {
    const list = table[name as keyof typeof table];
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), fc.nat({ max: 5 }), (tokens, at) => {
        const i = at % tokens.length;
        const tried = Math.max(0, ...list.map((p) => matchAt(tokens, i, p)?.length ?? 0));
        expect(longestAt(tokens, i, list)).toBe(tried);
      }),
      { numRuns: 2000 },
    );
  });
});
