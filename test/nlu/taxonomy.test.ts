import { describe, expect, test } from 'vitest';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { parseQuestion } from '../../src/nlu/parse.js';

const pipeline = defaultPipeline();
const parse = (q: string) => parseQuestion(pipeline, q, '2025-03-04');

describe('taxonomy: a histology ending carries its category', () => {
  test.each([
    ['myxofibrosarcoma of the thigh', 'sarcoma'],
    ['angiosarcoma scalp', 'sarcoma'],
    ['undifferentiated pleomorphic sarcoma', 'sarcoma'],
    ['lymphoplasmacytic lymphoma', 'lymphoma'],
    ['glioblastoma', 'brain'],
    ['hepatoblastoma', 'hepatobiliary'],
    ['oligoastrocytoma', 'brain'],
  ])('%s → %s', (q, diagnosis) => {
    expect(parse(`3dcrt ${q}`).facts.diagnosis).toBe(diagnosis);
  });

  test('a stem not named is not read (osteoblastoma is benign)', () => {
    expect(parse('3dcrt osteoblastoma').facts.diagnosis).toBeUndefined();
  });
});

describe('taxonomy: a metastasis in a part of the brain is a brain metastasis', () => {
  test.each([
    ['cerebellar metastasis'],
    ['frontal lobe met'],
    ['metastasis to the cerebellum'],
    ['parietal mets'],
    ['posterior fossa met'],
  ])('%s', (q) => {
    expect(parse(`palliative 3d ${q}`).facts.diagnosis).toBe('brain_metastasis');
  });
});

describe('taxonomy: sparing an organ names no diagnosis', () => {
  test.each([
    ['left breast, DIBH for liver sparing', 'breast'],
    ['left breast, DIBH for heart sparing', 'breast'],
    ['prostate, to spare the rectum', 'prostate'],
  ])('%s', (q, diagnosis) => {
    const parsed = parse(`horizon 3dcrt ${q}`);
    expect(parsed.facts.diagnosis).toBe(diagnosis);
    expect(parsed.conflicts).toEqual([]);
  });
});

describe('IGRT methods as data: two different methods named by any word or device are two methods that day', () => {
  test.each([
    ['CBCT then ExacTrac on the same fraction, bill both?', true],
    ['AlignRT setup plus daily CBCT', true],
    ['Calypso beacons and kV imaging', true],
    ['XVI cone beam daily', undefined],
    ['CBCT or ExacTrac, which do I bill?', undefined],
    ['no CBCT, just kV', undefined],
  ])('%s', (q, two) => {
    expect(parse(`horizon imrt ${q}`).facts.multipleMethodsSameDay).toBe(two);
  });
});

describe('a platform follows the site: SRS in the brain, SBRT elsewhere', () => {
  test.each([
    ['CyberKnife to the prostate', 'sbrt'],
    ['cyberknife for brain mets', 'srs'],
    ['CyberKnife lung', 'sbrt'],
  ])('%s → %s', (q, modality) => {
    expect(parse(q).facts.modality).toBe(modality);
  });
});
