import { describe, expect, test } from 'vitest';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { loadYaml } from '../../src/data/load-yaml.js';
import { projectPath } from '../../src/data/paths.js';
import { IcdFile } from '../../src/nlu/icd10.js';
import { parseQuestion } from '../../src/nlu/parse.js';

const pipeline = defaultPipeline();
const parse = (q: string) => parseQuestion(pipeline, q, '2025-03-04');
const entries = loadYaml(projectPath('intents', 'icd10.yaml'), IcdFile).codes;

// Every range of intents/icd10.yaml, at both ends, reads as its entry says.
describe('ICD-10-CM: every range reads as its entry at both ends', () => {
  const ends = entries.flatMap((e) => {
    const [from, to] = e.codes.split('-') as [string, string | undefined];
    const code = (c: string) => (c.includes('.') ? c : `${c}.9`);
    return [from, to ?? from].map((c) => [code(c), e.set, e.asserts] as const);
  });
  test.each(ends)('%s', (code, set, asserts) => {
    const parsed = parse(`3dcrt for ${code}`);
    if (asserts === 'always') expect(parsed.facts).toMatchObject(set);
    else for (const fact of Object.keys(set)) expect(parsed.facts[fact]).toBeUndefined();
    expect(String(parsed.facts.icdCodes)).toContain(code.toUpperCase());
  });
});

describe('ICD-10-CM: codes in questions', () => {
  test.each([
    ['IGRT w/ 3D for C61, horizon?', { diagnosis: 'prostate' }, 'C61 → prostate cancer'],
    ['dx C79.51 palliative 3d', { diagnosis: 'bone_metastasis', boneMetastasis: true }, 'C79.51 →'],
    ['c79.31 wbrt', { diagnosis: 'brain_metastasis' }, 'C79.31 →'],
    ['3dcrt C50.912 dibh', { diagnosis: 'breast', laterality: 'left' }, 'breast cancer, left'],
    ['3dcrt C50.411', { diagnosis: 'breast', laterality: 'right' }, 'breast cancer, right'],
    ['C34.90 3dcrt', { diagnosis: 'lung' }, 'C34.90'],
    ['C83.30 3dcrt', { diagnosis: 'non_hodgkin_lymphoma' }, 'C83.30'],
    ['C25.0 3dcrt', { diagnosis: 'pancreatic' }, 'C25.0'],
    ['C49.22 preop 3dcrt', { diagnosis: 'sarcoma' }, 'C49.22'],
  ])('%s', (q, facts, echo) => {
    const parsed = parse(q);
    expect(parsed.facts).toMatchObject(facts);
    expect(String(parsed.facts.icdCodes)).toContain(echo);
  });

  test('an unknown well-formed code is said, never guessed', () => {
    const parsed = parse('horizon 3dcrt for C80.1');
    expect(parsed.facts.diagnosis).toBeUndefined();
    expect(String(parsed.facts.icdCodes)).toContain('C80.1 → an ICD-10-CM code I do not map');
  });

  test('Z51.0 names the encounter, not a site', () => {
    const parsed = parse('Z51.0 3dcrt horizon');
    expect(parsed.facts.diagnosis).toBeUndefined();
  });

  test.each([['T10 met 3dcrt'], ['C5 lesion palliative 3d'], ['L4 met']])('a vertebra is not an ICD code: %s', (q) => {
    expect(parse(q).facts.icdCodes).toBeUndefined();
  });

  test('a code does not become a date of service', () => {
    expect(parse('C79.51 palliative 3d').dateOfService).toBeUndefined();
  });
});
