import { describe, expect, test } from 'vitest';
import { EXTERNAL_MARKER } from '../../src/codes/citation.js';
import { checkClaim } from '../../src/codes/claim.js';
import type { CodeQuestion } from '../../src/codes/question.js';
import { Finding } from '../../src/contract/answer.js';
import { extractCodes } from '../../src/nlu/codes.js';
import { claimTable } from '../../src/render/claim-table.js';
import { corpus, D2025, D2026, table } from './fixtures.js';

const check = (text: string, question: CodeQuestion) => checkClaim(table, extractCodes(text), question);
const verdicts = (text: string, question: CodeQuestion) =>
  check(text, question).findings.map((f) => `${f.subject} ${f.payer} ${f.determination}`);

describe('checkClaim: per-line verdicts', () => {
  test.each([
    ['valid line is info', '77387-26', { payer: 'horizon' }, '77387-26 horizon info'],
    [
      'deleted on the date of service: 77386 in 2026',
      '77386',
      { payer: 'horizon', dateOfService: D2026 },
      '77386 horizon do_not_bill',
    ],
    ['replaced: 77014 in 2026 → 77387', '77014', { payer: 'cvs', dateOfService: D2026 }, '77014 cvs do_not_bill'],
    ['not yet valid: 77387 in 2014', '77387', { payer: 'horizon', dateOfService: '2014-06-01' }, '77387 horizon do_not_bill'],
    [
      'tc-professional-only-2026: 77387-TC bundled',
      '77387-TC',
      { payer: 'horizon', dateOfService: D2026 },
      '77387-TC horizon bundled',
    ],
    [
      'g-code-on-hospital-claim: G6001 in HOPPS',
      'G6001',
      { payer: 'horizon', setting: 'hospital_outpatient' },
      'G6001 horizon do_not_bill',
    ],
    [
      'g-code-on-hospital-claim: -26 is the professional part, allowed',
      'G6001-26',
      { payer: 'horizon', setting: 'hospital_outpatient' },
      'G6001-26 horizon info',
    ],
    ['g6017-hospital-packaged', 'G6017', { payer: 'horizon', setting: 'hospital_outpatient' }, 'G6017 horizon bundled'],
    [
      'g6017-carrier-priced elsewhere',
      'G6017',
      { payer: 'horizon', setting: 'office_freestanding' },
      'G6017 horizon separately_billable',
    ],
    ['g6017-professional: no -26', 'G6017-26', { payer: 'cvs' }, 'G6017-26 cvs do_not_bill'],
    ['igrt-with-superficial-or-electron (CVS)', '77387', { payer: 'cvs', modality: 'electron' }, '77387 cvs do_not_bill'],
    ['unknown code is not addressed', 'check 99213', { payer: 'horizon' }, '99213 horizon not_addressed'],
  ] as const)('%s', (_name, text, options, expected) => {
    expect(verdicts(text, { dateOfService: D2025, ...options })).toContain(expected);
  });
});

describe('checkClaim: per-pair verdicts', () => {
  test.each([
    [
      'bundled: 77387-TC + 77385 in HOPPS',
      '77385 77387-TC',
      { setting: 'hospital_outpatient' },
      '77387-TC + 77385 horizon bundled',
    ],
    [
      'separately billable: G6002 + 77386 in an office',
      'G6002 77386',
      { setting: 'office_freestanding' },
      'G6002 + 77386 horizon separately_billable',
    ],
    ['do not bill: two IGRT methods', '77387 77014', {}, '77387 + 77014 horizon do_not_bill'],
    ['replaced → use G6001', '76950 G6001', { dateOfService: '2020-02-01' }, '76950 + G6001 horizon do_not_bill'],
    ['not addressed by CVS, addressed by Horizon', '77370 77387', {}, '77370 + 77387 cvs not_addressed'],
    ['bundled with SBRT for both payers', '77387 77373', {}, '77387 + 77373 cvs bundled'],
  ] as const)('%s', (_name, text, options, expected) => {
    expect(verdicts(text, { dateOfService: D2025, ...options })).toContain(expected);
  });

  test('pairs nothing relates are not listed', () => {
    expect(check('77280 77417', { dateOfService: D2025 }).pairs).toEqual([]);
  });
});

describe('checkClaim: the same claim on 2025 and 2026 dates of service', () => {
  const claim = '77385 77387-TC G6002';
  const question = (dateOfService: string): CodeQuestion => ({ dateOfService, payer: 'horizon', setting: 'hospital_outpatient' });

  test('2025: 77387-TC bundled into 77385, G6002 not on a hospital claim, one method daily', () => {
    expect(verdicts(claim, question(D2025))).toEqual(
      expect.arrayContaining([
        '77385 horizon info',
        '77387-TC horizon info',
        'G6002 horizon do_not_bill',
        '77387-TC + 77385 horizon bundled',
        '77387-TC + G6002 horizon do_not_bill',
      ]),
    );
  });

  test('2026: 77385 and G6002 deleted (use 77402/77407/77412, 77387), 77387-TC bundled into delivery, each with the marked change', () => {
    const result = check(claim, question(D2026));
    expect(verdicts(claim, question(D2026))).toEqual(
      expect.arrayContaining(['77385 horizon do_not_bill', 'G6002 horizon do_not_bill', '77387-TC horizon bundled']),
    );
    const line = (code: string) => result.lines.find((l) => l.line.code === code);
    expect(line('77385')?.useInstead).toEqual(['77402', '77407', '77412']);
    expect(line('G6002')?.useInstead).toEqual(['77387']);
    // The policy's own statement about 77385 is shown beside the change, never dropped.
    expect(line('77385')?.notes.join('\n')).toMatch(
      /Horizon BCBSNJ policy \(effective 08\/01\/2020\), background\.coding, says: “Also, the new IMRT/,
    );
    expect(line('77385')?.changes.join('\n')).toMatch(/^Code-set change since 2026-01-01/);
    expect(result.summary).toMatch(/date of service 2026-03-04/);
  });
});

describe('checkClaim: findings fit the Answer contract', () => {
  const result = check('77385 77387-TC G6002 77370 76950', { dateOfService: D2026 });

  test('every finding validates, names its subject, and cites verbatim policy text or a marked external source', () => {
    for (const finding of result.findings) {
      expect(Finding.safeParse(finding).success).toBe(true);
      expect(finding.subject).toBeTruthy();
      const { policyId, section, excerpt } = finding.citation;
      const text = corpus.policies.get(policyId)?.sections.get(section)?.text;
      if (text === undefined) expect(excerpt.startsWith(EXTERNAL_MARKER)).toBe(true);
      else expect(text.replace(/\s+/g, ' ')).toContain(excerpt.replace(/\s+/g, ' '));
    }
  });

  test('with no payer asked, every payer gets findings; the most actionable come first', () => {
    expect(result.payers).toEqual(['cvs', 'horizon']);
    expect(result.findings[0]?.determination).toBe('do_not_bill');
    expect(result.findings.at(-1)?.determination).toBe('info');
  });

  test('the plain-text table has one row per claim line, pairs folded into the line they affect, payers merged where they agree', () => {
    const text = claimTable(result.rows, (id) => corpus.policies.get(id)?.doc.payer ?? id);
    expect(text.split('\n')[0]).toMatch(/^Line\s+Payer\s+Verdict\s+Why$/);
    expect(text).toMatch(/77385\s+CVS Health, Horizon BCBSNJ\s+🚫 deleted/);
    expect(text).not.toContain(' + ');
  });
});
