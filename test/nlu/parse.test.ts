import { describe, expect, test } from 'vitest';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { parseQuestion } from '../../src/nlu/parse.js';

const pipeline = defaultPipeline();
const parse = (q: string) => parseQuestion(pipeline, q);

describe('parser: utterance → intent and slots', () => {
  test.each([
    [
      'typos and shorthand',
      'igrt w 3dcrt prostrate horizon',
      undefined,
      { modality: '3dcrt', diagnosis: 'prostate' },
      ['horizon'],
    ],
    [
      'payer alias and 3-D spelling',
      'Horizon Blue Cross, 3-D conformal, NSCLC — IGRT ok?',
      'coverage',
      { modality: '3dcrt', diagnosis: 'lung' },
      ['horizon'],
    ],
    [
      'VMAT is IMRT; tonsil is head and neck',
      'cvs vmat tonsil cancer image guidance medically necessary?',
      'coverage',
      { modality: 'imrt', diagnosis: 'head_and_neck' },
      ['cvs'],
    ],
    [
      'HCC is hepatobiliary',
      'HCC with 3D conformal, horizon, is igrt covered',
      'coverage',
      { diagnosis: 'hepatobiliary' },
      ['horizon'],
    ],
    ['DLBCL is non-Hodgkin lymphoma', 'DLBCL 3dcrt igrt?', 'coverage', { diagnosis: 'non_hodgkin_lymphoma' }, []],
    [
      'belly board is prone on a belly board',
      'rectal ca 3dcrt on a belly board',
      undefined,
      { diagnosis: 'rectal', position: 'prone_belly_board' },
      [],
    ],
    [
      'negated prior RT',
      'CVS palliative 3DCRT, no prior RT',
      undefined,
      { treatmentIntent: 'palliative', priorIrradiation: false },
      ['cvs'],
    ],
    ['negated boost', 'Horizon 3DCRT bladder, not a boost', undefined, { diagnosis: 'bladder', boost: false }, ['horizon']],
    [
      'no hippocampal avoidance',
      'whole brain without hippocampal avoidance',
      undefined,
      { wholeBrain: true, hippocampalSparing: false },
      [],
    ],
    ['ages: 12 y/o is pediatric', 'Horizon 12 y/o IMRT igrt', undefined, { age: 'pediatric', modality: 'imrt' }, ['horizon']],
    [
      'ages: 17-year-old is pediatric',
      'a 17-year-old, proton, CVS',
      undefined,
      { age: 'pediatric', modality: 'proton' },
      ['cvs'],
    ],
    ['settings: HOPD and POS 11', 'HOPD vs POS 11 billing for IMRT', 'billing', { modality: 'imrt' }, []],
    [
      'codes with modifiers',
      'can we bill 77387-TC with 77385 in the hospital',
      'billing',
      { setting: 'hospital_outpatient', modifier: 'tc', modality: 'imrt' },
      [],
    ],
    [
      'two IGRT codes are two methods',
      'G6001 and G6002 same day horizon',
      'billing',
      { multipleMethodsSameDay: true },
      ['horizon'],
    ],
    ['code lookup', 'what replaced 76950', 'code_lookup', { codes: ['76950'] }, []],
    ['compare', 'CVS vs Horizon on proton therapy', 'compare', { modality: 'proton' }, ['cvs', 'horizon']],
    ['policy info', 'when was the horizon igrt policy last reviewed', 'policy_info', {}, ['horizon']],
    ['help', 'help', 'help', {}, []],
    [
      '"can we use daily CBCT" asks about coverage, not billing',
      'Horizon member, pancreas, 3D. Can we use daily CBCT?',
      'coverage',
      { diagnosis: 'pancreatic', modality: '3dcrt' },
      ['horizon'],
    ],
    ['a payer-less question about "the policy" is still ours', 'When was the policy last reviewed?', 'policy_info', {}, []],
    ['"which payer covers" compares', 'Which payer covers IGRT with proton therapy?', 'compare', { modality: 'proton' }, []],
    ['"was X replaced" is a code lookup', 'Was 76950 replaced?', 'code_lookup', { codes: ['76950'] }, []],
    ['"X replaced which code" is a code lookup', 'G6017 replaced which code?', 'code_lookup', {}, []],
    ['"when is IGRT not necessary" asks about the policy', 'Under CVS, when is IGRT not necessary?', 'policy_info', {}, ['cvs']],
    ['an age limit is a policy question', 'Is there an age limit in the Horizon IGRT policy?', 'policy_info', {}, ['horizon']],
    [
      '"which code is used" without a code searches the policy',
      'What code is used for IGRT in the hospital outpatient setting?',
      'policy_info',
      { setting: 'hospital_outpatient' },
      [],
    ],
    [
      '"target localization not needed" is port-film set-up',
      'Horizon: target localization not needed, just checking setup',
      'coverage',
      { targetLocalization: false },
      ['horizon'],
    ],
  ])('%s', (_name, question, intent, facts, payers) => {
    const parsed = parse(question);
    expect(parsed.intent).toBe(intent);
    expect(parsed.facts).toMatchObject(facts);
    expect(parsed.payers).toEqual(payers);
  });

  test('contradictions are reported, not silently picked', () => {
    const parsed = parse('Horizon rectal 3DCRT prone and supine');
    expect(parsed.facts.position).toBeUndefined();
    expect(parsed.conflicts.map((c) => c.fact)).toEqual(['position']);
  });

  test('a more specific value wins over its broader form (prone + belly board)', () => {
    expect(parse('prone on a belly board, pelvis, rectal').facts).toMatchObject({
      position: 'prone_belly_board',
      diagnosis: 'rectal',
    });
  });

  test('typo tolerance is bounded: short words and known words never drift', () => {
    expect(parse('breath hold').facts).toEqual({ breathHold: true });
    expect(parse('lunch').facts.diagnosis).toBeUndefined();
    expect(parse('prostrate').facts.diagnosis).toBe('prostate');
  });

  test.each(pipeline.intents.examples.filter((e) => e.intent !== 'out_of_scope'))(
    'intent template example "$text" is $intent',
    ({ intent, text }) => {
      const parsed = parse(text);
      expect(parsed.intent ?? (parsed.inDomain ? 'coverage' : 'out_of_scope')).toBe(intent);
    },
  );

  test.each(pipeline.intents.examples.filter((e) => e.intent === 'out_of_scope'))(
    'out-of-scope example "$text" is not in the domain',
    ({ text }) => {
      expect(parse(text).inDomain).toBe(false);
    },
  );
});

describe('parser: readings a case settles', () => {
  test.each([
    [
      'SRT on the skin is superficial RT (lexicon settledBy)',
      'SRT for a basal cell carcinoma of the nose',
      { modality: 'superficial' },
    ],
    [
      'a technique said not needed is not used',
      'horizon 3d lung, target localization is not really needed',
      { targetLocalization: false },
    ],
    ['a boost not required', 'CVS left breast 3D, boost not required', { boost: false }],
    ['HO prophylaxis is a benign condition', 'HO prophylaxis after hip replacement, 3D', { benignCondition: true }],
    ['an MPFS IMRT delivery G-code means IMRT', 'G6015 and G6001 same day, freestanding', { modality: 'imrt' }],
  ])('%s', (_name, q, facts) => {
    expect(parse(q).facts).toMatchObject(facts);
  });

  test.each(['which code for ExacTrac?', 'billing for stereoscopic kV'])('an IGRT method named alone is ours: "%s"', (q) => {
    expect(parse(q).inDomain).toBe(true);
  });

  test('SRT elsewhere stays a reading to confirm (stereotactic or superficial)', () => {
    const parsed = parse('SRT to a lung nodule');
    expect(parsed.facts.modality).toBeUndefined();
    expect(parsed.unsure.map((u) => u.fact)).toContain('modality');
  });
});
