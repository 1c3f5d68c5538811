import { describe, expect, test } from 'vitest';
import type { Determination, Question } from '../../src/contract/determination.js';
import { loadCorpus } from '../../src/policy/corpus.js';
import { evaluate } from '../../src/policy/evaluate.js';
import type { Facts } from '../../src/policy/facts.js';

const corpus = loadCorpus();

type Row = {
  name: string;
  payer: string;
  question: Question;
  facts: Facts;
  conflicts?: string[];
  determination: Determination;
  ruleId?: string;
  missing?: string;
};

const rows: Row[] = [];
const payerOf = (ruleId: string) => ruleId.split('.')[0] as string;
const questionOf = (ruleId: string): Question =>
  corpus.policies.get(payerOf(ruleId))?.rules.questions.billing?.some((r) => r.id === ruleId) ? 'billing' : 'necessity';
const decisionOf = (ruleId: string) =>
  Object.values(corpus.policies.get(payerOf(ruleId))?.rules.questions ?? {})
    .flat()
    .find((r) => r?.id === ruleId)?.decision as Determination;

/** The rule decides for these facts. */
function met(ruleId: string, behaviour: string, facts: Facts) {
  rows.push({
    name: `${ruleId} met: ${behaviour}`,
    payer: payerOf(ruleId),
    question: questionOf(ruleId),
    facts,
    determination: decisionOf(ruleId),
    ruleId,
  });
}
/** A minimally different case the rule does not decide. */
function notMet(ruleId: string, behaviour: string, facts: Facts, determination: Determination, otherRule?: string) {
  rows.push({
    name: `${ruleId} not met: ${behaviour}`,
    payer: payerOf(ruleId),
    question: questionOf(ruleId),
    facts,
    determination,
    ...(otherRule ? { ruleId: otherRule } : {}),
  });
}
/** The fact the rule turns on is not given: the finding asks for it. */
function unknown(ruleId: string, behaviour: string, facts: Facts, missing: string) {
  rows.push({
    name: `${ruleId} unknown: ${behaviour}`,
    payer: payerOf(ruleId),
    question: questionOf(ruleId),
    facts,
    determination: 'needs_info',
    missing,
  });
}

// Horizon — necessity
met('horizon.scope.pediatric', '12-year-old on IMRT', { modality: 'imrt', age: 'pediatric' });
notMet('horizon.scope.pediatric', 'adult on IMRT', { modality: 'imrt', age: 'adult' }, 'medically_necessary', 'horizon.I.imrt');
met('horizon.port-films.no-target', 'set-up check only, no target localized', {
  modality: '3dcrt',
  diagnosis: 'lung',
  targetLocalization: false,
});
notMet(
  'horizon.port-films.no-target',
  'target localized',
  { modality: '3dcrt', diagnosis: 'lung', targetLocalization: true },
  'medically_necessary',
  'horizon.II.E.lung',
);
met('horizon.VI.vendor-requirement', 'vendor requires it, no modality given', { vendorRequirement: true });
notMet(
  'horizon.VI.vendor-requirement',
  'vendor requires it, but IMRT is used',
  { vendorRequirement: true, modality: 'imrt' },
  'medically_necessary',
  'horizon.I.imrt',
);
met('horizon.I.imrt', 'IMRT, approval unstated (taken as approved)', { modality: 'imrt' });
met('horizon.I.imrt', 'IMRT stated approved', { modality: 'imrt', imrtApproved: true });
notMet(
  'horizon.I.imrt',
  'IMRT whose request the plan denied',
  { modality: 'imrt', imrtApproved: false },
  'not_medically_necessary',
  'horizon.I.imrt-not-approved',
);
met('horizon.I.imrt-not-approved', 'IMRT denied but given anyway', { modality: 'imrt', imrtApproved: false });
notMet(
  'horizon.I.imrt-not-approved',
  '3DCRT denial says nothing of IMRT',
  { modality: '3dcrt', diagnosis: 'lung', imrtApproved: false },
  'medically_necessary',
  'horizon.II.E.lung',
);
notMet('horizon.I.imrt', 'proton is not IMRT', { modality: 'proton' }, 'not_addressed', 'horizon.proton.silent');
unknown('horizon.I.imrt', 'no modality', {}, 'modality');
met('horizon.III.sbrt', 'SBRT lung', { modality: 'sbrt', diagnosis: 'lung' });
notMet('horizon.III.sbrt', 'SRS is its own rule', { modality: 'srs' }, 'bundled', 'horizon.III.srs');
met('horizon.III.srs', 'Gamma Knife', { modality: 'srs' });
notMet('horizon.III.srs', 'IMRT', { modality: 'imrt' }, 'medically_necessary');
met('horizon.IV.brachytherapy', 'HDR cervix', { modality: 'brachytherapy', diagnosis: 'gynecologic' });
notMet('horizon.IV.brachytherapy', 'electrons', { modality: 'electron' }, 'not_medically_necessary');
met('horizon.V.superficial-electron', 'electron beam', { modality: 'electron' });
met('horizon.V.superficial-electron', 'superficial RT for skin', { modality: 'superficial', diagnosis: 'skin' });
notMet('horizon.V.superficial-electron', 'brachytherapy', { modality: 'brachytherapy' }, 'medically_necessary');
met('horizon.proton.silent', 'proton prostate', { modality: 'proton', diagnosis: 'prostate' });
met('horizon.II.A.prior-irradiation', 'meningioma re-irradiation', {
  modality: '3dcrt',
  diagnosis: 'brain',
  priorIrradiation: true,
});
notMet(
  'horizon.II.A.prior-irradiation',
  'meningioma, no prior RT',
  { modality: '3dcrt', diagnosis: 'brain', priorIrradiation: false },
  'not_medically_necessary',
  'horizon.II.criteria-not-met',
);
const sites: [string, string, string][] = [
  ['horizon.II.B.hepatobiliary', 'hepatobiliary', 'cholangiocarcinoma'],
  ['horizon.II.C.head-and-neck', 'head_and_neck', 'oropharynx'],
  ['horizon.II.D.lymphoma', 'hodgkin_lymphoma', 'Hodgkin lymphoma'],
  ['horizon.II.D.lymphoma', 'non_hodgkin_lymphoma', 'DLBCL'],
  ['horizon.II.E.lung', 'lung', 'NSCLC'],
  ['horizon.II.F.prostate', 'prostate', 'prostate'],
  ['horizon.II.G.esophageal', 'esophageal', 'esophagus'],
  ['horizon.II.H.gastric', 'gastric', 'stomach'],
  ['horizon.II.I.pancreatic', 'pancreatic', 'pancreas'],
];
for (const [id, diagnosis, label] of sites) {
  met(id, `3DCRT ${label}`, { modality: '3dcrt', diagnosis });
  notMet(
    id,
    `${label} with superficial RT`,
    { modality: 'superficial', diagnosis },
    'not_medically_necessary',
    'horizon.V.superficial-electron',
  );
}
unknown('horizon.II.F.prostate', '3DCRT, no diagnosis', { modality: '3dcrt' }, 'diagnosis');
met('horizon.II.J.pelvic-prone-belly-board', 'rectal, prone on a belly board', {
  modality: '3dcrt',
  diagnosis: 'rectal',
  position: 'prone_belly_board',
});
notMet(
  'horizon.II.J.pelvic-prone-belly-board',
  'rectal, supine',
  { modality: '3dcrt', diagnosis: 'rectal', position: 'supine' },
  'not_medically_necessary',
  'horizon.II.criteria-not-met',
);
unknown(
  'horizon.II.J.pelvic-prone-belly-board',
  'rectal, prone but belly board not said',
  { modality: '3dcrt', diagnosis: 'rectal', position: 'prone' },
  'position',
);
met('horizon.II.K.breast-boost-photons', 'breast boost with photons', {
  modality: '3dcrt',
  diagnosis: 'breast',
  boost: true,
  beam: 'photons',
});
notMet(
  'horizon.II.K.breast-boost-photons',
  'breast boost with electrons (supine, right, no APBI)',
  {
    modality: '3dcrt',
    diagnosis: 'breast',
    boost: true,
    beam: 'electrons',
    apbi: false,
    laterality: 'right',
    position: 'supine',
  },
  'not_medically_necessary',
  'horizon.II.criteria-not-met',
);
unknown(
  'horizon.II.K.breast-boost-photons',
  'breast boost, beam not said',
  { modality: '3dcrt', diagnosis: 'breast', boost: true, apbi: false, laterality: 'right', position: 'supine' },
  'beam',
);
met('horizon.II.L.apbi', 'external-beam APBI', { modality: '3dcrt', diagnosis: 'breast', apbi: true });
notMet(
  'horizon.II.L.apbi',
  'whole breast, supine, right, free breathing',
  {
    modality: '3dcrt',
    diagnosis: 'breast',
    apbi: false,
    boost: false,
    laterality: 'right',
    position: 'supine',
    breathHold: false,
  },
  'not_medically_necessary',
  'horizon.II.criteria-not-met',
);
met('horizon.II.M.left-breast-dibh', 'left breast with DIBH', {
  modality: '3dcrt',
  diagnosis: 'breast',
  laterality: 'left',
  breathHold: true,
});
notMet(
  'horizon.II.M.left-breast-dibh',
  'right breast with DIBH, supine, whole breast',
  {
    modality: '3dcrt',
    diagnosis: 'breast',
    laterality: 'right',
    breathHold: true,
    position: 'supine',
    boost: false,
    apbi: false,
  },
  'not_medically_necessary',
  'horizon.II.criteria-not-met',
);
unknown(
  'horizon.II.M.left-breast-dibh',
  'left breast, breath hold not said',
  { modality: '3dcrt', diagnosis: 'breast', laterality: 'left', position: 'supine', boost: false, apbi: false },
  'breathHold',
);
met('horizon.II.N.breast-prone', 'breast prone', { modality: '3dcrt', diagnosis: 'breast', position: 'prone' });
notMet(
  'horizon.II.N.breast-prone',
  'breast supine, right, whole breast',
  { modality: '3dcrt', diagnosis: 'breast', position: 'supine', laterality: 'right', boost: false, apbi: false },
  'not_medically_necessary',
  'horizon.II.criteria-not-met',
);
met('horizon.II.O.bladder-boost', 'bladder boost', { modality: '3dcrt', diagnosis: 'bladder', boost: true });
notMet(
  'horizon.II.O.bladder-boost',
  'whole bladder, supine',
  { modality: '3dcrt', diagnosis: 'bladder', boost: false, position: 'supine' },
  'not_medically_necessary',
  'horizon.II.criteria-not-met',
);
unknown(
  'horizon.II.O.bladder-boost',
  'bladder, supine, boost not said',
  { modality: '3dcrt', diagnosis: 'bladder', position: 'supine' },
  'boost',
);
met('horizon.II.P.sarcoma-periop', 'preoperative sarcoma', {
  modality: '3dcrt',
  diagnosis: 'sarcoma',
  surgeryTiming: 'preoperative',
});
met('horizon.II.P.sarcoma-periop', 'postoperative sarcoma', {
  modality: '3dcrt',
  diagnosis: 'sarcoma',
  surgeryTiming: 'postoperative',
});
notMet(
  'horizon.II.P.sarcoma-periop',
  'definitive sarcoma, no surgery',
  { modality: '3dcrt', diagnosis: 'sarcoma', surgeryTiming: 'no_surgery' },
  'not_medically_necessary',
  'horizon.II.criteria-not-met',
);
unknown('horizon.II.P.sarcoma-periop', 'sarcoma, timing not said', { modality: '3dcrt', diagnosis: 'sarcoma' }, 'surgeryTiming');
met('horizon.II.criteria-not-met', 'meningioma', { modality: '3dcrt', diagnosis: 'brain' });
notMet(
  'horizon.II.criteria-not-met',
  'prostate qualifies',
  { modality: '3dcrt', diagnosis: 'prostate' },
  'medically_necessary',
  'horizon.II.F.prostate',
);
met('horizon.modality.silent', 'TBI', { modality: 'tbi' });

// Horizon — billing
met('horizon.scope.pediatric.billing', 'child, IMRT', { modality: 'imrt', age: 'pediatric', setting: 'hospital_outpatient' });
met('horizon.77370-77470.not-for-igrt', '77470 because IGRT was used', { codes: ['77470'] });
met('horizon.77370-77470.other-reason', '77470 for a special procedure, not for IGRT', {
  codes: ['77470'],
  codeForIgrt: false,
  modality: 'electron',
});
notMet(
  'horizon.77370-77470.not-for-igrt',
  'no 77370/77470 on the claim, IMRT in the office',
  { codes: ['G6002'], modality: 'imrt', setting: 'office_freestanding' },
  'separately_billable',
);
met('horizon.one-method-daily', 'two IGRT methods on one day', { multipleMethodsSameDay: true });
notMet(
  'horizon.one-method-daily',
  'one method, IMRT in HOPPS',
  { multipleMethodsSameDay: false, modality: 'imrt', setting: 'hospital_outpatient' },
  'bundled',
  'horizon.hopps.imrt-packaged',
);
notMet(
  'horizon.one-method-daily',
  'two methods on one day with SBRT: every IGRT code is bundled',
  { multipleMethodsSameDay: true, modality: 'sbrt' },
  'bundled',
  'horizon.III.sbrt.billing',
);
met('horizon.port-films.no-target.billing', 'port films only', { targetLocalization: false });
met('horizon.III.sbrt.billing', 'SBRT', { modality: 'sbrt' });
met('horizon.III.srs.billing', 'SRS', { modality: 'srs' });
met('horizon.G6017.hospital-packaged', 'G6017 in HOPPS with IMRT', {
  codes: ['G6017'],
  setting: 'hospital_outpatient',
  modality: 'imrt',
});
met('horizon.G6017.carrier-priced', 'G6017 in the office with 3DCRT', {
  codes: ['G6017'],
  setting: 'office_freestanding',
  modality: '3dcrt',
});
unknown(
  'horizon.G6017.hospital-packaged',
  'G6017 with IMRT, setting not said',
  { codes: ['G6017'], modality: 'imrt' },
  'setting',
);
met('horizon.respiratory-tracking.in-77387', '4D-CT tracking in HOPPS with IMRT', {
  respiratoryTracking: true,
  setting: 'hospital_outpatient',
  modality: 'imrt',
});
met('horizon.respiratory-tracking.G6017', 'respiratory tracking in the office with 3DCRT', {
  respiratoryTracking: true,
  setting: 'office_freestanding',
  modality: '3dcrt',
});
met('horizon.imrt-codes.include-igrt', '77385 on the claim', { codes: ['77385'], modality: 'imrt' });
met('horizon.hopps.imrt-professional', '77387-26 with IMRT in HOPPS', {
  modality: 'imrt',
  setting: 'hospital_outpatient',
  modifier: 'professional',
});
met('horizon.hopps.imrt-packaged', 'IMRT in HOPPS', { modality: 'imrt', setting: 'hospital_outpatient' });
notMet(
  'horizon.hopps.imrt-packaged',
  'IMRT in the office',
  { modality: 'imrt', setting: 'office_freestanding' },
  'separately_billable',
  'horizon.mpfs.imrt-separate',
);
unknown('horizon.hopps.imrt-packaged', 'IMRT, setting not said', { modality: 'imrt' }, 'setting');
met('horizon.mpfs.imrt-separate', 'IMRT in a freestanding center', { modality: 'imrt', setting: 'office_freestanding' });
met('horizon.hopps.3dcrt-77387', '3DCRT in HOPPS', { modality: '3dcrt', setting: 'hospital_outpatient' });
met('horizon.mpfs.3dcrt-g-codes', '3DCRT in the office', { modality: '3dcrt', setting: 'office_freestanding' });
met('horizon.IV.brachytherapy.billing', 'brachytherapy imaging', { modality: 'brachytherapy' });
met('horizon.V.superficial-electron.billing', 'electrons', { modality: 'electron' });
met('horizon.billing.silent', 'proton', { modality: 'proton' });

// CVS — necessity
met('cvs.scope.program', 'a plan not signed up for the Radiation Oncology program, IMRT', {
  modality: 'imrt',
  programMember: false,
});
notMet(
  'cvs.scope.program',
  'a plan signed up, IMRT',
  { modality: 'imrt', programMember: true },
  'medically_necessary',
  'cvs.imrt-pbt',
);
met('cvs.scope.program.billing', 'a plan not signed up, SBRT billing', { modality: 'sbrt', programMember: false });
met('cvs.3dcrt.whole-brain-no-hippocampal-sparing', 'WBRT without hippocampal sparing', {
  wholeBrain: true,
  hippocampalSparing: false,
});
notMet(
  'cvs.3dcrt.whole-brain-no-hippocampal-sparing',
  'HA-WBRT with IMRT',
  { wholeBrain: true, hippocampalSparing: true, modality: 'imrt' },
  'medically_necessary',
  'cvs.imrt-pbt',
);
unknown(
  'cvs.3dcrt.whole-brain-no-hippocampal-sparing',
  'WBRT, curative 3DCRT, sparing not said',
  { wholeBrain: true, modality: '3dcrt', treatmentIntent: 'curative', diagnosis: 'brain_metastasis' },
  'hippocampalSparing',
);
met('cvs.3dcrt.bone-metastases-exception', 'bone met next to the cord', {
  diagnosis: 'bone_metastasis',
  boneMetastasis: true,
  criticalStructure: true,
});
met('cvs.3dcrt.bone-metastases-exception', 'bone met in a previously irradiated area', {
  diagnosis: 'bone_metastasis',
  boneMetastasis: true,
  priorIrradiation: true,
  modality: '3dcrt',
});
met('cvs.3dcrt.bone-metastases', 'bone met, nothing nearby', {
  diagnosis: 'bone_metastasis',
  boneMetastasis: true,
  modality: '3dcrt',
});
notMet(
  'cvs.3dcrt.bone-metastases',
  'spine SBRT',
  { diagnosis: 'bone_metastasis', boneMetastasis: true, modality: 'sbrt' },
  'medically_necessary',
  'cvs.sbrt-srs',
);
met('cvs.imrt-pbt', 'IMRT', { modality: 'imrt' });
met('cvs.imrt-pbt', 'proton beam', { modality: 'proton' });
unknown('cvs.imrt-pbt', 'no modality', { diagnosis: 'prostate' }, 'modality');
met('cvs.sbrt-srs', 'SBRT', { modality: 'sbrt' });
met('cvs.brachytherapy', 'LDR seeds', { modality: 'brachytherapy' });
met('cvs.superficial-electron', 'electrons', { modality: 'electron' });
met('cvs.3dcrt.benign', 'keloid', { modality: '3dcrt', diagnosis: 'benign', benignCondition: true, treatmentIntent: 'curative' });
met('cvs.3dcrt.curative', 'curative prostate', { modality: '3dcrt', diagnosis: 'prostate', treatmentIntent: 'curative' });
unknown('cvs.3dcrt.curative', 'prostate, intent not said', { modality: '3dcrt', diagnosis: 'prostate' }, 'treatmentIntent');
met('cvs.3dcrt.palliative-prior-irradiation', 'palliative re-irradiation', {
  modality: '3dcrt',
  diagnosis: 'lung',
  treatmentIntent: 'palliative',
  priorIrradiation: true,
});
met('cvs.3dcrt.palliative-criteria-not-met', 'palliative pelvis, no prior RT', {
  modality: '3dcrt',
  diagnosis: 'pelvic',
  treatmentIntent: 'palliative',
});
notMet(
  'cvs.3dcrt.palliative-criteria-not-met',
  'curative pelvis',
  { modality: '3dcrt', diagnosis: 'pelvic', treatmentIntent: 'curative' },
  'medically_necessary',
  'cvs.3dcrt.curative',
);
met('cvs.modality.silent', '2D for a lung tumour', { modality: 'conventional_2d', diagnosis: 'lung' });
notMet(
  'cvs.modality.silent',
  '2D palliation of a bony metastasis falls under the exclusion',
  { modality: 'conventional_2d', diagnosis: 'bone_metastasis', boneMetastasis: true },
  'not_medically_necessary',
  'cvs.3dcrt.bone-metastases',
);

// CVS — billing
met('cvs.billing.topic-silent', 'two IGRT methods a day', { multipleMethodsSameDay: true });
met('cvs.sbrt-srs.bundled', 'SRS', { modality: 'srs' });
notMet(
  'cvs.billing.topic-silent',
  'two methods a day with SBRT: the IGRT codes are bundled',
  { multipleMethodsSameDay: true, modality: 'sbrt' },
  'bundled',
  'cvs.sbrt-srs.bundled',
);
// An IGRT code (codes.yaml kind igrt) CVS never names is one of "the IGRT codes" it bundles with SBRT/SRS.
notMet(
  'cvs.billing.topic-silent',
  'G6001 with SBRT',
  { modality: 'sbrt', igrtCode: true, codes: ['G6001'] },
  'bundled',
  'cvs.sbrt-srs.bundled',
);
met('cvs.billing.topic-silent', 'G6001 with IMRT', { modality: 'imrt', igrtCode: true, codes: ['G6001'] });
// G6017 states respiratory tracking too; billed as an IGRT code with SBRT it is still one CVS bundles.
notMet(
  'cvs.billing.topic-silent',
  'G6017 (respiratory tracking) with SBRT',
  { modality: 'sbrt', igrtCode: true, respiratoryTracking: true, codes: ['G6017'] },
  'bundled',
  'cvs.sbrt-srs.bundled',
);
met('cvs.billing.topic-silent', 'G6017 with IMRT', {
  modality: 'imrt',
  igrtCode: true,
  respiratoryTracking: true,
  codes: ['G6017'],
});
// Tracking is what the IGRT codes report (G6017, 77387): asked about with SBRT, it is bundled like them.
notMet(
  'cvs.billing.topic-silent',
  'respiratory tracking with SBRT, no IGRT code named',
  { modality: 'sbrt', respiratoryTracking: true },
  'bundled',
  'cvs.sbrt-srs.bundled',
);
met('cvs.billing.topic-silent', 'respiratory tracking with IMRT, no IGRT code named', {
  modality: 'imrt',
  respiratoryTracking: true,
});
unknown('cvs.sbrt-srs.bundled', 'IGRT billed separately? no modality', {}, 'modality');
met('cvs.superficial-electron.billing', 'superficial', { modality: 'superficial' });
met('cvs.billing.silent', 'IMRT in HOPPS', { modality: 'imrt', setting: 'hospital_outpatient' });

describe('every rule decides its own cases, and only those', () => {
  test.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const finding = evaluate(corpus, row.payer, row.question, {
      facts: row.facts,
      ...(row.conflicts ? { conflicts: row.conflicts } : {}),
    });
    expect(finding.determination).toBe(row.determination);
    if (row.ruleId) expect(finding.ruleId).toBe(row.ruleId);
    if (row.missing) expect(finding.missing).toContain(row.missing);
  });

  test('every rule of both policies has a "met" fixture', () => {
    const withMet = new Set(rows.filter((r) => r.name.includes(' met: ') && !r.name.includes(' not met: ')).map((r) => r.ruleId));
    const all = [...corpus.policies.values()].flatMap((p) =>
      Object.values(p.rules.questions).flatMap((list) => (list ?? []).map((r) => r.id)),
    );
    expect(all.filter((id) => !withMet.has(id))).toEqual([]);
  });
});

describe('the payers differ where the policies differ', () => {
  const both = (question: Question, facts: Facts) =>
    Object.fromEntries(['cvs', 'horizon'].map((payer) => [payer, evaluate(corpus, payer, question, { facts }).determination]));

  test.each([
    ['proton: CVS necessary, Horizon silent', { modality: 'proton' }, { cvs: 'medically_necessary', horizon: 'not_addressed' }],
    [
      '3DCRT prostate: Horizon on site alone, CVS needs the intent',
      { modality: '3dcrt', diagnosis: 'prostate' },
      { cvs: 'needs_info', horizon: 'medically_necessary' },
    ],
    [
      'pediatric IMRT: Horizon adults only, CVS has no age limit',
      { modality: 'imrt', age: 'pediatric' },
      { cvs: 'medically_necessary', horizon: 'not_applicable' },
    ],
    [
      'bone met near the cord, 3DCRT: CVS exception, Horizon list',
      { modality: '3dcrt', diagnosis: 'bone_metastasis', boneMetastasis: true, criticalStructure: true },
      { cvs: 'medically_necessary', horizon: 'not_medically_necessary' },
    ],
  ])('%s', (_name, facts, expected) => {
    expect(both('necessity', facts as Facts)).toEqual(expected);
  });

  test('contradictory facts ask again instead of picking one', () => {
    const finding = evaluate(corpus, 'horizon', 'necessity', {
      facts: { modality: '3dcrt', diagnosis: 'rectal' },
      conflicts: ['position'],
    });
    expect(finding.determination).toBe('needs_info');
    expect(finding.missing).toContain('position');
  });

  test('the same facts always give the same finding', () => {
    const facts = { modality: '3dcrt', diagnosis: 'breast', laterality: 'left' };
    expect(evaluate(corpus, 'horizon', 'necessity', { facts })).toEqual(evaluate(corpus, 'horizon', 'necessity', { facts }));
  });

  test('the trace shows every rule considered with its value', () => {
    const finding = evaluate(corpus, 'horizon', 'necessity', { facts: { modality: '3dcrt', diagnosis: 'prostate' } });
    expect(finding.trace).toHaveLength(corpus.policies.get('horizon')?.rules.questions.necessity?.length ?? 0);
    expect(finding.trace.find((t) => t.ruleId === 'horizon.II.F.prostate')?.value).toBe('met');
    expect(finding.trace.find((t) => t.ruleId === 'horizon.I.imrt')?.value).toBe('not_met');
  });
});
