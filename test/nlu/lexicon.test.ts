import { describe, expect, test } from 'vitest';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { compact, restore } from '../../src/nlu/lexicon.js';
import { parseQuestion } from '../../src/nlu/parse.js';

// Every phrase of intents/lexicon.yaml (word classes expanded), read alone, says what its entry says.
const pipeline = defaultPipeline();
const phrases = [...pipeline.lexicon.byFirstToken.values()]
  .flat()
  .map((p) => ({ text: p.tokens.join(' '), entry: p.entry, group: p.group }));

describe('lexicon: every phrase reaches its facts', () => {
  test('the table is not empty', () => {
    expect(phrases.length).toBeGreaterThan(1000);
  });

  test.each(phrases.map((p) => [p.group, p.text, p] as const))('%s: "%s"', (_group, text, phrase) => {
    const parsed = parseQuestion(pipeline, text);
    const { payer, ...facts } = phrase.entry.set;
    if (payer !== undefined) expect(parsed.payers).toContain(payer);
    if (phrase.entry.asserts === 'always') expect(parsed.facts).toMatchObject(facts);
    else {
      expect(Object.fromEntries(parsed.unsure.map((u) => [u.fact, u.value]))).toMatchObject(facts);
      for (const fact of Object.keys(facts)) expect(parsed.facts[fact]).toBeUndefined();
    }
  });
});

describe('lexicon: an organ named as a diagnosis is an organ at risk near the target', () => {
  test.each([
    ['rib met, lung nearby', { diagnosis: 'bone_metastasis', criticalStructure: true }],
    ['L1 met abutting the kidney', { diagnosis: 'bone_metastasis', criticalStructure: true }],
    ['sacral met close to the rectum', { diagnosis: 'bone_metastasis', criticalStructure: true }],
  ])('%s', (question, facts) => {
    expect(parseQuestion(pipeline, question).facts).toMatchObject(facts);
  });
});

describe('lexicon: as the build keeps it', () => {
  test('restored from its compact form, every first word has the same phrases in the same order', () => {
    const { compiled, lines } = compact(pipeline.lexicon);
    const restored = restore(JSON.parse(JSON.stringify(compiled)), lines);
    expect([...restored.byFirstToken.keys()]).toEqual([...pipeline.lexicon.byFirstToken.keys()]);
    for (const first of pipeline.lexicon.byFirstToken.keys())
      expect(restored.byFirstToken.get(first)).toEqual(pipeline.lexicon.byFirstToken.get(first));
    expect(restored.byFirstToken.get('no-such-word')).toBeUndefined();
    expect([...restored.words]).toEqual([...pipeline.lexicon.words]);
    expect(restored.suffixes).toEqual(pipeline.lexicon.suffixes);
    expect([...restored.payerRelations]).toEqual([...pipeline.lexicon.payerRelations]);
  });
});
