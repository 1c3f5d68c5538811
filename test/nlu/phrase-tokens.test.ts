import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isBoundary, normaliseText, phraseTokens, tokenise } from '../../src/nlu/normalise.js';

// phraseTokens takes plain phrases (lower-case words one space apart) as their words; the full
// normalise-and-tokenise path must agree on every such phrase, the rewrites it makes included.
const full = (phrase: string) => tokenise(normaliseText(phrase)).filter((t) => !isBoundary(t));

describe("phraseTokens: the plain-phrase shortcut gives the full path's tokens", () => {
  test.each([
    ['plain words', 'image guided radiation therapy'],
    ['digits', 'slotnx fractions 77387'],
    ['a rewritten contraction', 'whats covered'],
    ['cannot', 'we cannot bill'],
    ['can not', 'can not bill'],
    ['a hyphen (not plain)', 're-irradiation'],
    ['an apostrophe (not plain)', "patient's prior rt"],
    ['upper case (not plain)', 'IMRT boost'],
    ['two spaces (not plain)', 'image  guided'],
  ])('%s: "%s"', (_name, phrase) => {
    expect(phraseTokens(phrase)).toEqual(full(phrase));
  });

  test('any phrase of words drawn from letters, digits and the rewritten words', () => {
    const word = fc.oneof(
      fc.stringMatching(/^[a-z0-9]{1,6}$/),
      fc.constantFrom('whats', 'thats', 'heres', 'cannot', 'can', 'not', 'hows', 'whos', 'wheres', 'theres'),
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
        const phrase = words.join(' ');
        expect(phraseTokens(phrase)).toEqual(full(phrase));
      }),
      { numRuns: 2000 },
    );
  });
});
