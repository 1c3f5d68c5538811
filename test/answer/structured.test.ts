import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';

const TODAY = '2026-11-23';
const ask = (question: string) => answer(question, { today: TODAY });

describe('claim checks list every line given', () => {
  test.each([
    ['an unknown CPT code is a row, not dropped', 'check 77385 77387-TC 99213', ['77385', '77387-TC', '99213']],
    ['an unknown HCPCS code is a row', 'check 77387 G9999 horizon 2025-03-04', ['77387', 'G9999']],
    ['units and modifiers are kept', 'check 77387-26 x1, G6001 x5 horizon 2025-03-04', ['77387-26 x1', 'G6001 x5']],
  ])('%s', async (_name, question, lines) => {
    const result = await ask(question);
    const rowSubjects = result.claim?.rows.map((r) => r.subject).filter((s) => !s.includes(' + '));
    expect([...new Set(rowSubjects)]).toEqual(lines);
    expect(result.summary).toMatch(new RegExp(`^${lines.length} line\\(s\\) checked`));
  });

  test('a code not in the table is reported as unknown with the silence citation', async () => {
    const result = await ask('check 77385 77387-TC 99213 horizon');
    expect(result.claim?.rows.find((r) => r.subject === '99213')).toMatchObject({ verdict: 'unknown', payers: ['horizon'] });
    expect(result.summary).toMatch(/1 unknown/);
  });
});

describe('dates of service are read and echoed with their source', () => {
  test.each([
    ['ISO', 'check 77385 horizon 2025-03-04', { date: '2025-03-04', from: 'question', written: '2025-03-04' }],
    [
      'spelled month',
      'Horizon IMRT hospital, bill 77387? DOS March 4, 2025',
      { date: '2025-03-04', from: 'question', written: 'march 4, 2025' },
    ],
    ['day first', 'what replaced 76950 on 4 Mar 25', { date: '2025-03-04', from: 'question', written: '4 mar 25' }],
    [
      'DOS without a year, and the same day a year earlier',
      'Horizon IMRT billing, DOS 3/2',
      { date: '2026-03-02', from: 'question', written: '3/2', yearEarlier: '2025-03-02' },
    ],
    ['no date: today', 'check 77387-TC horizon', { date: TODAY, from: 'today' }],
    [
      'no date, a code deleted before today: its last valid day',
      'check 77385 77387-TC horizon',
      { date: '2025-12-31', from: 'today', insteadOf: TODAY },
    ],
    [
      'unreadable: said, and today used',
      'check 77385 horizon dos 2/30/2025',
      { date: TODAY, from: 'today', unreadable: '2/30/2025' },
    ],
  ])('%s', async (_name, question, used) => {
    expect((await ask(question)).dateOfService).toEqual(used);
  });

  test('the 2025 date decides the code set: 77385 is valid then, deleted in 2026', async () => {
    const verdict = async (q: string) => (await ask(q)).claim?.rows.find((r) => r.subject === '77385')?.verdict;
    expect(await verdict('check 77385 horizon hospital March 4, 2025')).not.toBe('deleted');
    expect(await verdict('check 77385 horizon hospital March 4, 2026')).toBe('deleted');
  });

  test('coverage answers carry no date: the code set does not bear on them', async () => {
    expect((await ask('Horizon IMRT prostate, IGRT medically necessary?')).dateOfService).toBeUndefined();
  });
});

describe('what was understood, assumed and changed are fields', () => {
  test('understood facts, payers first, with their labels', async () => {
    const result = await ask('igrt w 3dcrt prostrate horizon');
    expect(result.understood).toEqual([
      { fact: 'payer', value: 'horizon', label: 'Horizon BCBSNJ', as: 'stated' },
      { fact: 'modality', value: '3dcrt', label: '3D conformal radiation therapy (3DCRT)', as: 'stated' },
      { fact: 'diagnosis', value: 'prostate', label: 'prostate cancer', as: 'stated' },
    ]);
  });

  test.each([
    ['a ruled-out value', 'Horizon 3DCRT rectal, not prone', { fact: 'position', value: 'prone', as: 'ruled_out' }],
    ['a what-if', 'Horizon 3DCRT rectal, what if it were IMRT', { fact: 'modality', value: 'imrt', as: 'what_if' }],
    ['a hedged reading', 'CVS 3DCRT lung, maybe curative', { fact: 'treatmentIntent', value: 'curative', as: 'unconfirmed' }],
  ])('%s is understood as such', async (_name, question, reading) => {
    expect((await ask(question)).understood).toContainEqual(expect.objectContaining(reading));
  });

  test('a doubtful reading the answer turns on is asked to be confirmed, with why', async () => {
    const result = await ask('CVS 3DCRT lung, maybe curative');
    expect(result.confirm).toEqual([
      { fact: 'treatmentIntent', label: 'treatment intent', why: expect.stringContaining('stated with a hedge') },
    ]);
  });

  test('contradictory facts are conflicts, moot where every value they were given leads to one finding', async () => {
    const moot = await ask('Horizon 3DCRT curative and palliative prostate');
    expect(moot.conflicts).toEqual([
      { fact: 'treatmentIntent', label: 'treatment intent', values: ['curative', 'palliative'], moot: true },
    ]);
    expect(moot.findings[0]?.determination).toBe('medically_necessary');
    // CVS decides 3DCRT by intent: which one it is matters, so it is asked.
    const open = await ask('CVS 3DCRT curative and palliative lung');
    expect(open.conflicts).toEqual([{ fact: 'treatmentIntent', label: 'treatment intent', values: ['curative', 'palliative'] }]);
    expect(open.findings[0]?.determination).toBe('needs_info');
  });

  test.each([
    [
      'a scope question beside a case',
      'Horizon FIDE-SNP member, IMRT for oropharynx. Does the policy apply to a FIDE-SNP, and is IGRT medically necessary?',
      'medically_necessary',
      /FIDE-SNP/,
    ],
    [
      'a policy number asked in passing',
      "CVS: IGRT w/ protons ok? btw what's Horizon's policy number",
      'medically_necessary',
      /Medical Policy 139/,
    ],
  ])('%s: the case is answered, then the policy question', async (_name, question, determination, also) => {
    const result = await ask(question);
    expect(result.intent).toBe('coverage');
    expect(result.findings[0]?.determination).toBe(determination);
    expect(result.also?.join('\n')).toMatch(also);
    expect(result.text).toMatch(/You also asked:/);
  });

  test('a fact given two values is one of them: other values cannot decide it', async () => {
    // Esophageal and gastric both make 3DCRT necessary under Horizon; no other site is considered.
    const result = await ask('Horizon: esophageal or gastric primary, 45 Gy 3D, igrt?');
    expect(result.findings[0]?.determination).toBe('medically_necessary');
    expect(result.conflicts?.[0]?.moot).toBe(true);
  });

  test('code-set changes are set apart from the policy’s notes', async () => {
    const result = await ask('check 77385 77387-TC hospital horizon 2026-03-04');
    expect(result.changes?.[0]).toMatch(/^Code-set change since 2026-01-01/);
    expect(result.findings.flatMap((f) => f.notes).some((n) => n.includes('Code-set change'))).toBe(false);
  });

  test('billing findings carry their changes too', async () => {
    const result = await ask('Horizon IMRT hospital, can I bill 77387 with 77385? 2026-03-04');
    expect(result.findings[0]?.changes[0]).toMatch(/^Code-set change since 2026-01-01/);
  });
});
