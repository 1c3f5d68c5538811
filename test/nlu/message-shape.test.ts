import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { parseQuestion } from '../../src/nlu/parse.js';

const pipeline = defaultPipeline();
const parse = (q: string) => parseQuestion(pipeline, q, '2025-03-04');

describe('which intent a message asks: the question sentence, the frame, the case', () => {
  test.each([
    [
      'a question sentence that clearly asks decides over the story before it',
      'the derm group down the hall is billing "image-guided SRT" for SCCs. is the image guidance medically necessary under either of our payers?',
      'coverage',
    ],
    [
      'a comparison the message frames stays one',
      'CVS vs Horizon: palliative 3D for hemoptysis from NSCLC, 20/5. IGRT?',
      'compare',
    ],
    [
      'a terse question leans on what came before',
      'CVS pt getting SRS for 3 brain mets — coder wants to add 77387. allowed?',
      'billing',
    ],
    [
      '"who covers" between payers named is a comparison',
      'CVS vs Horizon: curative rectal ca, 3DCRT, supine. who covers IGRT?',
      'compare',
    ],
    [
      'a whole case asked as a policy question is a case question',
      'does the CVS IGRT policy cover a member getting curative cervix 3D?',
      'coverage',
    ],
    ['an ICD code "coded" is a diagnosis, not billing', 'horizon: GEJ adenoca, coded C16.0, neoadj 3DCRT — IGRT?', 'coverage'],
    [
      'a policy question naming no topic asks about the case stated before it',
      'pt w/ rectal ca on 3DCRT, prone on a belly board, daily CBCT. what does the CVS policy say?',
      'coverage',
    ],
    ['the same question alone asks about the policy', 'what does the CVS policy say?', 'policy_info'],
    [
      'a bill the patient gets is about coverage',
      "Patient's daughter keeps asking why her dad needs imaging every day for his cholangiocarcinoma. It's a 3D plan, Horizon. Is the IGRT part even covered or is he going to get a bill?",
      'coverage',
    ],
    ['the billing of a code is still billing', 'the billing for 77387 with IMRT, Horizon HOPD?', 'billing'],
    ['a case that ends on a code asks whether it is reported', 'cvs sbrt 77387?', 'billing'],
    ['a code alone is looked up', '77387?', 'code_lookup'],
    ['a claim line of its own is billing', 'Both payers: SBRT lung - does IGRT go out on its own line?', 'billing'],
    [
      '"version" of a case is no policy version',
      'CVS version of a peds case: 6yo medulloblastoma, craniospinal with protons. IGRT medically necessary?',
      'coverage',
    ],
    [
      'what the payers say about IGRT, after a whole case, asks about the case',
      'pt had 45 Gy to the pelvis in 2019, now palliative 3D to a sacral met overlapping the old field. What do CVS and Horizon say about IGRT?',
      'coverage',
    ],
    ['what a code includes is billing', 'horizon: does 77386 already include igrt?', 'billing'],
    ['what the policy version is stays a policy question', 'which version of the policy is current for CVS?', 'policy_info'],
    [
      '"WHO grade" is a grade, not a question of whom',
      "Horizon approved IMRT for a WHO grade 2 meningioma, 54 Gy. IGRT covered with it even though meningioma isn't on their 3D list?",
      'coverage',
    ],
    [
      'asked both ways, whether it is necessary comes first',
      'superficial on the SRT-100 for a BCC on the nose - igrt billable/necessary?',
      'coverage',
    ],
    [
      'billing words asking whether it is necessary ask coverage',
      'Horizon, renal cell carcinoma, 3D conformal, no prior radiation. Can we bill daily IGRT as medically necessary?',
      'coverage',
    ],
    [
      'who falls under a policy is its scope',
      'Who exactly falls under the CVS IGRT policy — every CVS Health plan member?',
      'policy_info',
    ],
    ['a national coverage determination is a document', 'Is there a national coverage determination for IGRT?', 'policy_info'],
    [
      'what a policy counts as IGRT is its definition',
      'what does CVS actually count as IGRT — just kV films or CBCT too?',
      'policy_info',
    ],
    [
      'whether plans accept a code is billing',
      'hzn: is 77387 accepted by every non-medicare plan or do we have to check first?',
      'billing',
    ],
    [
      'how the payers named each handle a case is a comparison',
      'How do CVS and Horizon each handle IGRT for a 13-year-old on IMRT?',
      'compare',
    ],
    [
      'which code for a method named in a case is billing in that case',
      'Horizon, physician office: daily transabdominal ultrasound localization of the prostate during IMRT. Which code do we put down for the guidance?',
      'billing',
    ],
    [
      'using a code is reporting it',
      'Horizon: HDR vaginal cylinder, CT before each fx to verify the source position — OK to use 77280?',
      'billing',
    ],
    [
      'a policy question naming its topic stays one',
      'rectal ca on 3DCRT — what does Horizon say about port films?',
      'policy_info',
    ],
  ])('%s', (_rule, q, intent) => {
    expect(parse(q).intent).toBe(intent);
  });
});

test('an age alone does not make a question ours', () => {
  expect(parse('first-line abx for an uncomplicated UTI in a 70yo?').inDomain).toBe(false);
});

describe('what the case is: corrections, weighed treatments, histology over site, one device', () => {
  test('a corrected payer replaces the one before it', () => {
    expect(parse('I originally put CVS in the auth tracker but correction — card says Horizon. lung 3D, IGRT?').payers).toEqual([
      'horizon',
    ]);
  });

  test.each([
    ['"leaning SBRT" gives way to the plan', 'we were leaning SBRT, but bx came back small cell so now 45 Gy/30 BID 3D', '3dcrt'],
    ['"declined protons" gives way to the plan', 'definitive 3D (he declined protons)', '3dcrt'],
  ])('%s', (_rule, q, modality) => {
    expect(parse(q).facts.modality).toBe(modality);
  });

  test.each([
    ['pelvic chondrosarcoma', 'sarcoma'],
    ['sarcoma of the breast', 'sarcoma'],
  ])('a sarcoma names the disease wherever it is: %s → %s', (q, diagnosis) => {
    expect(parse(`3D for ${q}`).facts.diagnosis).toBe(diagnosis);
  });

  test('"ExacTrac stereo kV" is one method, not two', () => {
    expect(parse('SRS, ExacTrac stereo kV (G6002) before and mid-tx').facts.multipleMethodsSameDay).toBeUndefined();
  });
});

test('a payer named beside one with a policy is said for what it is to it', async () => {
  const a = await answer('Aetna is owned by CVS, so does the CVS IGRT policy cover an Aetna member getting curative cervix 3D?');
  expect(a.notices?.join(' ')).toMatch(/Aetna is a CVS Health company/);
});

describe('states said a little apart from what they are about', () => {
  /** A fact as read: stated, asked about ('ask'), or not read at all. */
  const reading = (q: string, fact: string) => {
    const p = parse(q);
    return p.facts[fact] ?? (p.unsure.some((u) => u.fact === fact) ? 'ask' : undefined);
  };
  test.each([
    [
      '"never irradiated" says no re-irradiation',
      'palliative 3D to a new R femoral shaft met, never irradiated, 8 Gy x1',
      'priorIrradiation',
      false,
    ],
    [
      '"irradiated" alone is a history, asked where',
      'palliative 3D to the R femur met; the pelvis was irradiated',
      'priorIrradiation',
      'ask',
    ],
    [
      '"turned down the IMRT" says the IMRT was not approved',
      'Horizon turned down the IMRT, but the doc wants to deliver IMRT anyway',
      'imrtApproved',
      false,
    ],
    [
      'a hedge answering a question hedges what it asked',
      'Horizon 3D rectal, prone on the belly board? we are not sure yet',
      'position',
      undefined,
    ],
    [
      'a negation answering a question negates what it asked',
      'CVS 3D palliative lung, prior RT? honestly no',
      'priorIrradiation',
      false,
    ],
    [
      '"why does <payer> say no for palliative 3D" negates nothing in the case',
      'why does CVS say no for palliative 3D lung?',
      'treatmentIntent',
      'palliative',
    ],
    ['nor does "say no for 3D"', 'why does Horizon say no for 3D brain mets?', 'modality', '3dcrt'],
    [
      'opposed laterals beside another site are that site’s',
      'CVS pt, definitive chemoRT for T2N0 glottic larynx ca, 3D opposed laterals w/ daily kV match',
      'wholeBrain',
      undefined,
    ],
    [
      'opposed laterals alone are asked about, not taken',
      'CVS, 3D opposed laterals 30/10, no hippocampal sparing',
      'wholeBrain',
      'ask',
    ],
    ['prophylactic cranial irradiation is the whole brain', 'CVS: PCI for limited-stage SCLC, 25 Gy/10', 'wholeBrain', true],
    [
      'a diagnosis named as a part of the policy is not the patient’s',
      'CVS, solitary plasmacytoma of the rib, curative 3D 45 Gy. Does the bone-met exclusion knock out IGRT?',
      'diagnosis',
      undefined,
    ],
    [
      'a target not seen is not localized',
      'Horizon, 3D prostate bed, ultrasound guidance but honestly we can not see the target on US',
      'targetLocalization',
      false,
    ],
    [
      '"just below the old field" is near it',
      'CVS, palliative 3D to a bone met at L3, just below the old L1-2 field from last year',
      'priorIrradiation',
      true,
    ],
    [
      '"nothing near the brachial plexus" says the target is not close',
      'L humerus met, 8 Gy x1, 3D. nothing near the brachial plexus',
      'criticalStructure',
      false,
    ],
    [
      '"nobody knows where the old field was" hedges the old field',
      'she had radiation before somewhere; nobody knows where the old field was',
      'priorIrradiation',
      'ask',
    ],
    [
      'an IMRT pending further on in the sentence is asked about',
      'IMRT request for a meningioma is still pending UM review',
      'imrtApproved',
      'ask',
    ],
    ['an IMRT approval further on is not asked about', 'IMRT for prostate, auth approved last week', 'imrtApproved', undefined],
    ['a boost not started is asked about', 'bladder ca, whole pelvis phase (3D, supine), boost not started', 'boost', 'ask'],
    ['a boost to follow is asked about', 'bladder ca, 3D whole pelvis, boost to follow', 'boost', 'ask'],
    ['"before the boost" is asked about', 'bladder ca, 3D whole pelvis, before the boost', 'boost', 'ask'],
    ['a boost under way is the boost', 'bladder ca, 3D, now in the boost phase', 'boost', true],
    ['"left breast, not right" is the left breast', 'oops -- left breast, not right', 'laterality', 'left'],
    ['"right next to" is still transparent', 'R breast, not right next to the old field', 'laterality', 'right'],
  ])('%s', (_rule, q, fact, value) => {
    expect(reading(q, fact)).toBe(value);
  });

  test.each([
    ['a policy named by its number names its payer', 'when did policy 139 take effect?', ['horizon']],
    ['a number no policy has names none', 'policy 140 effective date?', []],
    [
      '"<payer A> denied IGRT" is what the payer did, not a negation of the payer',
      "Horizon denied IGRT for our 3D lung case. The reviewer said lung isn't on the list. Is that right?",
      ['horizon'],
    ],
  ])('%s', (_rule, q, payers) => {
    expect(parse(q).payers).toEqual(payers);
  });

  test('"outside the hospital outpatient setting" is not the hospital', () => {
    expect(parse('Horizon: outside the hospital outpatient setting, is G6017 payable on its own?').facts.setting).not.toBe(
      'hospital_outpatient',
    );
  });
});
