import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';

// Synthetic notes of different shapes: the question sentence picks the intent, the whole note
// gives the facts, and what the note says of relatives or in passing ("prior auth approved",
// "oral contrast", "policy version") does not.
const NOTES = [
  {
    shape: 'consult note, labelled question at the end, family history and prior auth in the note',
    q: 'RAD ONC FOLLOW-UP NOTE. 58M with T3N1 distal rectal adenocarcinoma, C20. Completed 2 cycles of FOLFOX, tolerated well. PMH: DM2, HLD, lives alone in Newark. FHx: mother with breast ca at 60, brother w/ lung cancer. Sim done today prone on the belly board with IV and oral contrast. Plan: long-course 50.4 Gy/28 fx 3D conformal with concurrent capecitabine, curative intent. Payer: Horizon BCBSNJ commercial, prior auth for the 3D plan approved 3/2. Policy effective date on file. Dietitian consult placed. Wife will drive him daily. Question: is daily kV imaging medically necessary under his plan?',
    intent: 'coverage',
    finding: { payer: 'horizon', determination: 'medically_necessary' },
    diagnosis: 'rectal',
  },
  {
    shape: 'question first, the case after it',
    q: 'Can we bill G6002 separately for this one? Seen in our freestanding office, POS 11. Horizon BCBSNJ commercial. DOS 2025-03-04. Prostate adenocarcinoma, GG2, IMRT 70 Gy/28 with daily ExacTrac. CT sim with contrast, fiducials placed by urology last month. Dad had prostate ca too, PSA 7.2 at dx. Tumor board agreed.',
    intent: 'billing',
    finding: { payer: 'horizon', determination: 'separately_billable' },
    diagnosis: 'prostate',
  },
  {
    shape: 'chart paste with a "q:" line and no question mark; intent not stated, so asked',
    q: 'Pasted from chart >> 71F, right upper lobe NSCLC, C34.11, stage IIIA, ECOG 1. She lives with her daughter in Lakewood. PFTs borderline, DLCO 48%. Family history notable for colon cancer. Plan 60 Gy/30 3DCRT with weekly carboplatin/paclitaxel, 4DCT at sim. Insurance CVS-administered plan, member of the CVS Radiation Oncology program. Policy version was checked last month. Pt anxious about the mask. q: is daily CBCT medically necessary here',
    intent: 'coverage',
    finding: { payer: 'cvs', determination: 'needs_info', missing: ['treatmentIntent'] },
    diagnosis: 'lung',
  },
  {
    shape: 'summary with relatives’ cancers and a closing question',
    q: 'Consult summary: 64M, painful T9 vertebral metastasis from prostate cancer. No prior radiation anywhere. The PTV abuts the spinal cord. Plan palliative 30 Gy/10 with 3D conformal. Insurance CVS Radiation Oncology program. Sister had breast cancer, father died of lung cancer. CT sim with contrast done today. Transportation arranged. So — is IGRT medically necessary for this course?',
    intent: 'coverage',
    finding: { payer: 'cvs', determination: 'medically_necessary', ruleId: 'cvs.3dcrt.bone-metastases-exception' },
    diagnosis: 'bone_metastasis',
  },
];

describe('long pasted notes: the question sentence picks the intent, the note gives the facts', () => {
  test.each(NOTES)('$shape', async ({ q, intent, finding, diagnosis }) => {
    const result = await answer(q, { today: '2025-06-01' });
    expect(result.intent).toBe(intent);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject(finding);
    expect(result.facts?.diagnosis).toBe(diagnosis);
    expect(result.conflicts ?? []).toEqual([]);
  });
});
