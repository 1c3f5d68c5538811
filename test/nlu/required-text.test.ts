import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { projectPath } from '../../src/data/paths.js';
import { loadIntents } from '../../src/nlu/intents.js';
import { normaliseText } from '../../src/nlu/normalise.js';
import { mayMatch, requiredText } from '../../src/nlu/required-text.js';

describe('requiredText: what a pattern cannot match without', () => {
  test.each([
    ['a literal run is required', 'prior auth', 'i', ['prior auth']],
    ['case folds under /i', 'IMRT Boost', 'i', ['imrt boost']],
    ['case kept without /i', 'IMRT', '', ['IMRT']],
    ['alternatives: one of them', '\\b(bill|bundle)d?\\b', 'i', ['bill', 'bundle']],
    ['an optional group requires nothing', 'same(day)?', 'i', ['same']],
    ['the longest required part of a sequence', 'a\\s+(?:cpt|hcpcs)\\s+code', 'i', ['code']],
    ['a repeated character counts once, then the run ends', 'ab+c', '', ['ab']],
    ['{0,} is optional, {2} at least once', 'x{0,3}(yz){2}', '', ['yz']],
    ['escaped punctuation is literal', 'vs\\.', 'i', ['vs.']],
    ['a class or \\s breaks a run', 'pre[- ]auth', 'i', ['auth']],
    ['a positive lookahead is required, a negative one is not', '(?=.*igrt)(?!.*imrt)', 'i', ['igrt']],
  ])('%s: /%s/%s', (_rule, source, flags, expected) => {
    expect(requiredText(source, flags)).toEqual(expected);
  });

  test.each([
    ['a branch with nothing required', 'bill|\\d+', 'i'],
    ['only classes and anchors', '^\\s*[a-v]\\d{4}\\s*$', 'i'],
    ['a backreference', '(a)\\1', ''],
    ['a /u expression', 'abc', 'iu'],
    ['a \\u escape', '\\u2192', ''],
    ['unbalanced', 'a(b', ''],
    ['a non-ASCII character only', '\u2192', ''],
  ])('nothing said (undefined): %s', (_rule, source, flags) => {
    expect(requiredText(source, flags)).toBeUndefined();
  });

  test("never rules out a text the pattern matches: every intent cue over the intents' examples, the bench questions and random text", () => {
    const { cues, examples } = loadIntents();
    const bench = readFileSync(projectPath('bench', 'questions.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { q: string }).q);
    const texts = [...examples.map((e) => e.text), ...bench].map(normaliseText);
    const check = (text: string) => {
      for (const cue of cues)
        if (cue.pattern.test(text)) expect(mayMatch(cue.required, text.toLowerCase()), `${cue.pattern} on "${text}"`).toBe(true);
    };
    texts.forEach(check);
    const words = [...new Set(texts.flatMap((t) => t.split(' ')))];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }), (picked) => check(picked.join(' '))),
      { numRuns: 3000 },
    );
  });

  test('mayMatch says what a search for each part says (its letter-pair table only skips searches)', () => {
    // A small alphabet makes parts that are often present, and characters past U+00FF share pair entries.
    const char = fc.constantFrom('a', 'b', 'c', ' ', '.', 'é', '\u0161', '\u0261', '\u2019', '\u{1F44D}');
    const text = fc.array(char, { maxLength: 40 }).map((cs) => cs.join(''));
    const parts = fc.array(
      fc.array(char, { minLength: 1, maxLength: 4 }).map((cs) => cs.join('')),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(parts, fc.array(text, { minLength: 1, maxLength: 3 }), (required, texts) => {
        // Several texts in turn, each asked twice: the table is kept for the text marked last.
        for (const t of [...texts, ...texts]) expect(mayMatch(required, t)).toBe(required.some((p) => t.includes(p)));
      }),
      { numRuns: 3000 },
    );
    expect(mayMatch(undefined, 'anything')).toBe(true);
  });

  test("the pipeline's cues carry required text for nearly all patterns", () => {
    const { cues } = defaultPipeline().intents;
    expect(cues.filter((c) => c.required).length).toBeGreaterThan(cues.length * 0.9);
  });
});
