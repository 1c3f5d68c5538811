import { describe, expect, test } from 'vitest';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { parseQuestion } from '../../src/nlu/parse.js';

const pipeline = defaultPipeline();
const parse = (q: string) => parseQuestion(pipeline, q, '2026-12-02');

describe('readings from the structure around a phrase', () => {
  test.each([
    // A course said to come before this one is history, not this treatment.
    ['a whole-breast course before the boost', 'horizon 3D photon boost to the cavity after WBI', { boost: true }, []],
    // (The earlier course's site is still a site named: which one is treated now is asked.)
    [
      'a modality completed before',
      'horizon 3DCRT to the pelvic nodes s/p IMRT to the prostate',
      { modality: '3dcrt' },
      ['diagnosis'],
    ],
    // A bone beside a primary of bone or marrow is that primary's site (lexicon dismissedBy).
    ['a sarcoma in a named bone', 'Ewing sarcoma of the femur, curative 3D', { diagnosis: 'sarcoma' }, []],
    ['a lymphoma in a named bone', 'DLBCL of the humerus, 3D 30 Gy', { diagnosis: 'non_hodgkin_lymphoma' }, []],
    // Abbreviations and symptoms of a palliative course.
    ['"pall" is palliative', 'CVS pall 3D 30/10 to the hip', { treatmentIntent: 'palliative' }, []],
    ['radiation for a symptom is palliative', 'CVS 3D to the chest for hemoptysis', { treatmentIntent: 'palliative' }, []],
    // "right there" says the organ is close.
    ['an organ "right there"', 'T10 met, cord is right there', { criticalStructure: true }, []],
  ] as const)('%s: "%s"', (_rule, question, facts, conflicts) => {
    const parsed = parse(question);
    expect(parsed.facts).toMatchObject(facts);
    expect(parsed.conflicts.map((c) => c.fact)).toEqual(conflicts);
  });

  test.each([
    ['a symptom named alone says no intent', 'history of hemoptysis, curative SBRT lung', 'curative'],
    ['a course after which nothing is said stays this one', 'horizon IMRT after chemo', undefined],
  ])('%s: "%s"', (_rule, question, intent) => {
    expect(parse(question).facts.treatmentIntent).toBe(intent);
  });

  // Generated from the lexicon's school years: a pupil is a child; a teacher of that year is not.
  test.each((pipeline.lexicon.classes.schoolgrade ?? []).filter((_, i) => i % 2 === 0))('"a %s grader" is a child', (grade) => {
    expect(parse(`Horizon member is a ${grade} grader w/ medulloblastoma, IMRT`).facts.age).toBe('pediatric');
    expect(parse(`she is in ${grade} grade, IMRT`).facts.age).toBe('pediatric');
    expect(parse(`${grade} grade teacher with breast ca, IMRT`).facts.age).toBeUndefined();
  });

  test.each([
    ['a chart "?" is a hedge', 'CVS, T8 bone met, ?epidural extension toward the cord, palliative 3D', 'criticalStructure'],
    [
      '"to see if" is a hedge',
      'had RT in 2015 in the abdomen, dosimetry is pulling the old plan to see if it overlaps',
      'priorIrradiation',
    ],
    ['a teenager may be 18 or 19', 'pt is a teenager, IMRT', 'age'],
  ])('%s: asked, not taken ("%s")', (_rule, question, fact) => {
    const parsed = parse(question);
    expect(parsed.facts[fact]).toBeUndefined();
    expect(parsed.unsure.map((u) => u.fact)).toContain(fact);
  });

  test('a node "right in" an earlier field is treated there before', () => {
    expect(parse('palliative 3D to a neck node that sits right in the 2021 H&N field').facts.priorIrradiation).toBe(true);
  });

  test('total skin electrons are electron beam therapy', () => {
    expect(parse('Horizon: TSEBT for mycosis fungoides, 36 Gy').facts.modality).toBe('electron');
  });

  test('a meeting is no belly board: "tumor board" names no fact', () => {
    expect(parse('anyone want to split a pizza for the tumor board lunch').facts).toEqual({});
    expect(parse('anyone want to split a pizza for the tumor board lunch').inDomain).toBe(false);
    // "tumor" alone is no question of ours; with a fact or a cue it is.
    expect(parse('tumor in the pelvis, igrt with IMRT?').inDomain).toBe(true);
  });
});
