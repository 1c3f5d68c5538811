import { describe, expect, test } from 'vitest';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { parseQuestion } from '../../src/nlu/parse.js';

const pipeline = defaultPipeline();
const parse = (q: string) => parseQuestion(pipeline, q, '2025-03-04');
const prior = (q: string) => {
  const p = parse(q);
  return p.facts.priorIrradiation ?? (p.unsure.some((u) => u.fact === 'priorIrradiation') ? 'ask' : undefined);
};

describe('lines of history (reirradiation.yaml history.labels): an earlier course', () => {
  test.each([
    ['its modality is not this course’s', 'Hx: SBRT 54/3 to a RUL nodule in 2021\nnow: new LLL primary NSCLC, 3D 60/30', '3dcrt'],
    [
      'a line break ends the line of history',
      'Prior RT: IMRT 70 Gy to the prostate in 2015\nPlan: palliative 3D to the L2 met',
      '3dcrt',
    ],
  ])('%s', (_rule, q, modality) => {
    expect(parse(q).facts.modality).toBe(modality);
  });

  test.each([
    [
      'radiation to a level treated again says re-irradiation',
      'Prior: 3000 cGy to L3–L5 in 03/2022\nPlan: palliative 3D 20 Gy/5 to L4-L5',
      true,
    ],
    ['radiation to other levels is asked about', 'Prior: 30 Gy to T4-T6 in 2022\nPlan: palliative 3D 20 Gy/5 to L4', 'ask'],
    ['radiation elsewhere is asked about', 'Hx: 45 Gy pelvic RT 2015\nPlan: palliative 3D to the L2 met', 'ask'],
    ['a line with no radiation in it says nothing', 'Hx: lobectomy 2019\nPlan: palliative 3D to the L2 met', undefined],
    ['"prior RT: none" is no radiation', 'Prior RT: none\nPlan: palliative 3D to the L2 met', false],
    [
      'a label that names radiation makes its line radiation',
      'RT hx: R hip 2023? checking\nplan: 8 Gy to the R femur met',
      'ask',
    ],
    ['a radiation label with a denial says none', 'RT hx: denies\nplan: palliative 3D to the L2 met', undefined],
  ])('%s', (_rule, q, expected) => {
    expect(prior(q)).toBe(expected);
  });
});

describe('radiation given in a clause set in the past (reirradiation.yaml history.past): a history of radiation', () => {
  test.each([
    [
      'a dose given last year is asked about',
      'palliative 3D to the R hip met; got 8 Gy to the R proximal femur last year',
      'ask',
    ],
    ['a course given years ago is asked about', 'palliative 3D, L humerus met, treated with 30 Gy in 10 fx two years ago', 'ask'],
    ['a dose given in a past year is asked about', 'palliative 3D to the R hip met; 8 Gy x1 to the R femur in 2024', 'ask'],
    ['given "there" in a past year is the same place', 'palliative 3D, bone met L humerus, got 20 Gy there in 2023', true],
    ['a dose of this course is not history', 'palliative 3D to the R hip met, 8 Gy x1 planned', undefined],
    ['a clause of this course is not history', 'diagnosed in 2023, now palliative 3D 20 Gy/5 to the R hip met', undefined],
    ['a past without radiation is not history', 'palliative 3D to the R hip met; hip replacement in 2019', undefined],
    [
      'treated in the past, with nothing but radiation named, is asked about',
      'palliative 3D to the sacral met; we treated her rectal cancer to the pelvis back in 2019',
      'ask',
    ],
    [
      'treated by an operation named by its ending is not radiation',
      'palliative 3D to the L2 met; she was treated with a lumpectomy in 2015',
      undefined,
    ],
    [
      'a level treated again in a past clause is the same place',
      'palliative 3D to the T6 met. two courses ago we treated T5-T7',
      true,
    ],
    ['other levels in a past clause are asked about', 'palliative 3D to the L2 met. two courses ago we treated T5-T7', 'ask'],
    [
      "someone else's radiation is not this patient's history",
      "her husband had prostate RT in 2019; she's getting 3D to a rib met",
      undefined,
    ],
  ])('%s', (_rule, q, expected) => {
    expect(prior(q)).toBe(expected);
  });
});

describe('structure of the message', () => {
  test.each([
    ['quotes do not end a clause', 'family says she had "radiation before" somewhere', 'ask'],
    ['no label without a colon: a line of history needs its label', 'history of lobectomy, palliative 3D L2 met', undefined],
  ])('%s', (_rule, q, expected) => {
    expect(prior(q)).toBe(expected);
  });

  test.each([
    ['a weighed treatment gives way to one stated', 'SBRT was discussed at tumor board but we are doing 3D', '3dcrt'],
    ['a treatment considered before gives way', 'we considered protons but went with IMRT', 'imrt'],
    ['a weighed treatment alone is still read', 'SBRT was discussed for the lung lesion', 'sbrt'],
    ['a course after "after" with a course word between is history', 'photon boost after 3D whole breast', undefined],
    [
      'a modality set in the past gives way to one now',
      '1st course 2021 was electrons to the scalp, now curative 3D to the parotid',
      '3dcrt',
    ],
    ['a modality some years ago gives way', 'vaginal cuff HDR 2 yrs ago. now palliative 3D to a para-aortic node', '3dcrt'],
    ['EBRT then brachytherapy: which one is asked', '3DCRT whole pelvis 45 Gy, then HDR', undefined],
  ])('%s', (_rule, q, modality) => {
    expect(parse(q).facts.modality).toBe(modality);
  });

  test.each([
    ['a hedge that opens a clause hedges all of it', 'bladder ca 3D. not sure if dr wants a bladder boost', 'boost'],
    ['"idk yet whether" hedges what follows', 'iliac met, idk yet whether bowel ends up close', 'criticalStructure'],
  ])('%s', (_rule, q, fact) => {
    const p = parse(q);
    expect(p.facts[fact]).toBeUndefined();
    expect(p.unsure.find((u) => u.fact === fact)?.doubt.kind).toBe('hedge');
  });

  test('a value whose implication is contested is unknown: "electrons vs photons" leaves the modality open', () => {
    const p = parse('boost with electrons vs photons, physics is split');
    expect(p.facts.modality).toBeUndefined();
    expect(p.conflicts.map((c) => c.fact)).toContain('beam');
  });

  test.each([
    ['Child-Pugh A6 grades a liver, not a child', 'HCC, Child-Pugh A6, 3D 50/20', undefined],
    ['a child is a child', 'child with a brain tumor, 3D', 'pediatric'],
  ])('%s', (_rule, q, age) => {
    expect(parse(q).facts.age).toBe(age);
  });
});
