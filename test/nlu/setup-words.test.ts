import { describe, expect, test } from 'vitest';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { parseQuestion } from '../../src/nlu/parse.js';

const pipeline = defaultPipeline();
const parse = (q: string) => parseQuestion(pipeline, q, '2026-12-02');
const { classes } = pipeline.lexicon;

// Generated from the lexicon's `prepared` organs: a set-up that fills, empties or holds an organ
// names no diagnosis, so it never contradicts the one stated.
const forms = ['full {o}', 'empty {o}', '{o} filling', '{o} protocol', '{o} balloon', '{o} spacer'];
const prepared = (classes.prepared ?? []).flatMap((organ, i) => [forms[i % forms.length]?.replace('{o}', organ) as string]);

describe('organ preparation in a set-up is not a diagnosis', () => {
  test.each(prepared)('"3DCRT prostate with %s": prostate, no conflict', (words) => {
    const parsed = parse(`horizon 3DCRT prostate with ${words}`);
    expect(parsed.facts.diagnosis).toBe('prostate');
    expect(parsed.conflicts).toEqual([]);
  });
});

// Generated from the lexicon's `vendorname` class: a named vendor or machine asking for IGRT is
// the vendor's requirement (Horizon VI), and a vendor's name is never corrected to another word.
describe('a vendor or machine named', () => {
  test.each(classes.vendorname ?? [])('"the %s rep says daily CBCT": a vendor requirement, no diagnosis', (vendor) => {
    const parsed = parse(`the ${vendor} rep says we need daily CBCT`);
    expect(parsed.facts.vendorRequirement).toBe(true);
    expect(parsed.facts.diagnosis).toBeUndefined();
  });
});

describe('a relation to earlier treatment places a bare history', () => {
  test('"had prostate RT in 2018 … right next to the old prostate PTV": near prior radiation, stated', () => {
    const parsed = parse('had prostate RT 78 Gy in 2018, now palliative 3D to a pelvic node right next to the old prostate PTV');
    expect(parsed.facts.priorIrradiation).toBe(true);
    expect(parsed.unsure.filter((u) => u.fact === 'priorIrradiation')).toEqual([]);
  });

  test('a bare history with no relation is still asked about', () => {
    const parsed = parse('had prostate RT 78 Gy in 2018, now palliative 3D to a pelvic node');
    expect(parsed.facts.priorIrradiation).toBeUndefined();
  });
});
