import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { defaultPipeline } from '../../src/answer/pipeline.js';

const pipeline = defaultPipeline();
const ask = (q: string) => answer(q, { pipeline, today: '2026-12-02' });
const finding = async (q: string, payer: string) => (await ask(q)).findings.find((f) => f.payer === payer);

describe('who the policies apply to (scope and population rules)', () => {
  test.each([
    [
      'cvs.scope.program: a plan not signed up',
      'CVS: employer group is NOT enrolled in the CVS Radiation Oncology program, IMRT prostate, IGRT?',
      'cvs',
      'not_applicable',
    ],
    [
      'cvs.scope.program: never signed up',
      'the plan never signed up for the CVS Radiation Oncology program; IGRT with IMRT ok?',
      'cvs',
      'not_applicable',
    ],
    [
      'cvs.scope.program.billing: billing too',
      'CVS, plan not enrolled in the CVS radiation oncology program: bill 77387 with SBRT?',
      'cvs',
      'not_applicable',
    ],
    [
      'cvs: signed up, the policy decides',
      'CVS member signed up for the CVS Radiation Oncology program, IMRT prostate, IGRT?',
      'cvs',
      'medically_necessary',
    ],
    ['cvs: unstated, taken as signed up', 'CVS IMRT prostate, IGRT?', 'cvs', 'medically_necessary'],
    ['horizon.scope.pediatric', 'Horizon IMRT for a 9 year old, IGRT?', 'horizon', 'not_applicable'],
  ])('%s', async (_rule, question, payer, determination) => {
    expect((await finding(question, payer))?.determination).toBe(determination);
  });

  test('"does the policy apply to them?" with who they are stated is answered by the scope rule', async () => {
    const a = await ask(
      'CVS: pt’s employer group is NOT enrolled in the CVS Radiation Oncology program. does this IGRT policy apply to them?',
    );
    expect(a.findings.map((f) => [f.payer, f.determination])).toEqual([['cvs', 'not_applicable']]);
    expect(a.findings[0]?.citation.excerpt).toMatch(/signed up for the CVS Radiation Oncology program/);
  });

  test('two patients on different plans: each payer is answered from its own patient, labelled', async () => {
    const a = await ask(
      'two quick ones: Pt A (Horizon) prostate 3D 78 Gy. Pt B (CVS) palliative rib met 8/1, no prior RT. IGRT ok for each?',
    );
    expect(a.findings.map((f) => [f.patient, f.payer, f.determination])).toEqual([
      ['Pt A', 'horizon', 'medically_necessary'],
      ['Pt B', 'cvs', 'not_medically_necessary'],
    ]);
    expect(a.text).toMatch(/Patient: Pt A[\s\S]*Patient: Pt B/);
  });

  test('numbered patients named by title, each with a plan: answered one by one', async () => {
    const a = await ask(
      'two quick ones:\n1) Mr. A — Horizon, prostate 3D 78 Gy\n2) Mrs. B — CVS, palliative 3D 8 Gy to R hip met, no prior RT\nIGRT ok for each?',
    );
    expect(a.findings.map((f) => [f.patient, f.payer, f.determination])).toEqual([
      ['Mr. A', 'horizon', 'medically_necessary'],
      ['Mrs. B', 'cvs', 'not_medically_necessary'],
    ]);
  });

  test('numbered steps of one case are one case', async () => {
    const a = await ask(
      'Horizon, 3D prostate:\n1) did CBCT first\n2) then also did transabdominal US same day\ncan both be billed?',
    );
    expect(a.findings.map((f) => [f.patient, f.determination])).toEqual([[undefined, 'do_not_bill']]);
  });

  test.each([
    ['one plan for both', 'Horizon. patient 1: prostate IMRT. patient 2: palliative rib met 3D. IGRT ok?'],
    ['a plan named for one only', 'Pt A (Horizon) prostate 3D 78 Gy. Pt B palliative rib met 8/1. IGRT?'],
  ])('two patients, %s: no finding from their mixed facts, each asked for on its own', async (_case, question) => {
    const a = await ask(question);
    expect(a.findings.every((f) => f.determination === 'needs_info' && f.patient === undefined)).toBe(true);
    expect(a.notices?.join(' ')).toMatch(/more than one patient/);
  });

  test('"IGRT ok, or do we go by an LCD?": the case is answered and the policy question after it', async () => {
    const a = await ask(
      'Horizon Medicare Advantage, distal esophagus 3D 50.4. IGRT ok, or do we have to go by some LCD for this?',
    );
    expect(a.findings[0]?.determination).toBe('medically_necessary');
    expect(a.also?.length).toBeGreaterThan(0);
  });

  test('"who does the policy apply to?" alone is a policy fact', async () => {
    expect((await ask('who does the horizon policy apply to?')).intent).toBe('policy_info');
  });
});
