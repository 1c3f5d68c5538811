import { describe, expect, test } from 'vitest';
import type { ClaimLine } from '../../src/codes/claim-line.js';
import type { CodeQuestion } from '../../src/codes/question.js';
import { relation } from '../../src/codes/relation.js';
import { D2025, D2026, table } from './fixtures.js';

const HOSPITAL = 'hospital_outpatient' as const;
const OFFICE = 'office_freestanding' as const;
const tc = (code: string): ClaimLine => ({ code, modifier: 'TC' });
const pc = (code: string): ClaimLine => ({ code, modifier: '26' });

type Row = [
  string,
  ClaimLine | string,
  ClaimLine | string,
  Omit<CodeQuestion, 'dateOfService'> & { date?: string },
  string,
  string,
  string?,
];

describe('relation(a, b): can A be billed with B', () => {
  test.each<Row>([
    [
      'igrt-with-sbrt: 77387 + 77373 bundled (Horizon III.A)',
      '77387',
      '77373',
      { payer: 'horizon' },
      'bundled',
      'codes.pair.igrt-with-sbrt',
      'III.A',
    ],
    [
      'igrt-with-sbrt: 77387 + 77373 bundled (CVS)',
      '77387',
      '77373',
      { payer: 'cvs' },
      'bundled',
      'codes.pair.igrt-with-sbrt',
      'policy.imrt-pbt-sbrt-srs',
    ],
    [
      'igrt-with-srs: 77014 + 77372 bundled',
      '77014',
      '77372',
      { payer: 'horizon' },
      'bundled',
      'codes.pair.igrt-with-srs',
      'III.A',
    ],
    [
      'igrt-with-srs: either order, 77371 + G6002',
      '77371',
      'G6002',
      { payer: 'cvs', setting: OFFICE },
      'bundled',
      'codes.pair.igrt-with-srs',
    ],
    [
      'igrt-with-imrt-hospital: 77387-TC + 77385 bundled',
      tc('77387'),
      '77385',
      { payer: 'horizon', setting: HOSPITAL },
      'bundled',
      'codes.pair.igrt-with-imrt-hospital',
      'background.coding',
    ],
    [
      'igrt-with-imrt-hospital: global 77387 + 77386 bundled',
      '77387',
      '77386',
      { payer: 'horizon', setting: HOSPITAL },
      'bundled',
      'codes.pair.igrt-with-imrt-hospital',
    ],
    [
      'professional-igrt-with-imrt-hospital: 77387-26 + 77385 separately billable',
      pc('77387'),
      '77385',
      { payer: 'horizon', setting: HOSPITAL },
      'separately_billable',
      'codes.pair.professional-igrt-with-imrt-hospital',
    ],
    [
      'igrt-with-imrt-office: G6002 + 77385 separately billable (MPFS)',
      'G6002',
      '77385',
      { payer: 'horizon', setting: OFFICE },
      'separately_billable',
      'codes.pair.igrt-with-imrt-office',
      'background.g-codes',
    ],
    [
      'g6017-hospital-packaged: G6017 + 77412 bundled',
      'G6017',
      '77412',
      { payer: 'horizon', setting: HOSPITAL },
      'bundled',
      'codes.pair.g6017-hospital-packaged',
      'background.respiratory-motion',
    ],
    [
      'second-igrt-method: G6001 + G6002 do not bill',
      'G6001',
      'G6002',
      { payer: 'horizon', setting: OFFICE },
      'do_not_bill',
      'codes.pair.second-igrt-method',
      'background.one-method-daily',
    ],
    [
      'second-igrt-method: 77387 + 77014 do not bill',
      '77387',
      '77014',
      { payer: 'horizon' },
      'do_not_bill',
      'codes.pair.second-igrt-method',
    ],
    [
      'physics-because-of-igrt: 77370 + 77387 do not bill',
      '77370',
      '77387',
      { payer: 'horizon' },
      'do_not_bill',
      'codes.pair.physics-because-of-igrt',
      'background.77370-77470',
    ],
    [
      'physics-because-of-igrt: 77470 + G6002, either order',
      'G6002',
      '77470',
      { payer: 'horizon' },
      'do_not_bill',
      'codes.pair.physics-because-of-igrt',
    ],
    [
      'a payer silent on a pair: CVS on 77370 + 77387',
      '77370',
      '77387',
      { payer: 'cvs' },
      'not_addressed',
      'codes.pair.physics-because-of-igrt.silent',
      'policy.imrt-pbt-sbrt-srs',
    ],
    ['nothing relates 77280 and 77417', '77280', '77417', { payer: 'horizon' }, 'not_addressed', 'codes.pair.none'],
    [
      'replaced: 76950 + G6001 in 2020',
      '76950',
      'G6001',
      { payer: 'horizon', date: '2020-02-01' },
      'replaced',
      'codes.replaced',
      'background.g-codes',
    ],
    [
      'replaced: G6017 + 0197T, either order',
      'G6017',
      '0197T',
      { payer: 'horizon', date: '2020-02-01' },
      'replaced',
      'codes.replaced',
    ],
    [
      'professional-igrt-with-delivery-2026: 77387-26 + 77412 separately billable',
      pc('77387'),
      '77412',
      { payer: 'horizon', date: D2026 },
      'separately_billable',
      'codes.pair.professional-igrt-with-delivery-2026',
      'external source',
    ],
    [
      'technical-igrt-with-delivery-2026: 77387-TC + 77407 bundled',
      tc('77387'),
      '77407',
      { payer: 'cvs', date: D2026 },
      'bundled',
      'codes.pair.technical-igrt-with-delivery-2026',
      'external source',
    ],
    [
      'before 2026 the 2026 rules do not apply: 77387-26 + 77412',
      pc('77387'),
      '77412',
      { payer: 'horizon' },
      'not_addressed',
      'codes.pair.none',
    ],
  ])('%s', (_name, a, b, { date, ...options }, verdict, ruleId, section) => {
    const result = relation(table, a, b, { dateOfService: date ?? D2025, ...options });
    expect(result.verdict).toBe(verdict);
    expect(result.ruleId).toBe(ruleId);
    if (section) expect(result.citation.section).toBe(section);
  });

  test('without a setting, a setting-specific rule says which setting it took', () => {
    const result = relation(table, tc('77387'), '77385', { dateOfService: D2025, payer: 'horizon' });
    expect(result.verdict).toBe('bundled');
    expect(result.assumed.join(' ')).toMatch(/Setting taken as hospital outpatient/);
  });

  test('modality: IGRT with electron delivery is not billed only when the modality is electron', () => {
    const electron = relation(table, '77387', '77412', { dateOfService: D2025, payer: 'horizon', modality: 'electron' });
    // The line rule decides electron IGRT; the pair itself has no rule.
    expect(electron.verdict).toBe('not_addressed');
  });

  test('without a payer, the first payer whose policy grounds the rule answers', () => {
    expect(relation(table, '77370', '77387', { dateOfService: D2025 }).payer).toBe('horizon');
  });
});

describe('relation on 2025 vs 2026 dates of service', () => {
  const q = (dateOfService: string) => ({ dateOfService, payer: 'horizon', setting: HOSPITAL });

  test('77387-TC + 77385 in HOPPS: bundled in 2025; in 2026 77385 is deleted, with the policy’s verdict and the marked change', () => {
    const y2025 = relation(table, tc('77387'), '77385', q(D2025));
    const y2026 = relation(table, tc('77387'), '77385', q(D2026));
    expect(y2025.verdict).toBe('bundled');
    expect(y2025.changes).toEqual([]);
    expect(y2026.verdict).toBe('deleted');
    expect(y2026.reason).toMatch(/77385 is deleted on 2026-03-04 .*report 77402 or 77407 or 77412/);
    expect(y2026.reason).toMatch(/policy says of this pair: bundled/);
    // The citation stays the policy's own words; the change is a marked note with its source.
    expect(y2026.citation.excerpt).toMatch(/77387-TC\) is packaged into the IMRT service/);
    expect(y2026.changes.join(' ')).toMatch(/^Code-set change since 2026-01-01.*Source: ASTRO/);
  });

  test('G6001 + G6002 in an office: one method daily in 2025; both deleted in 2026 → 77387', () => {
    const office = (d: string) => ({ dateOfService: d, payer: 'horizon', setting: OFFICE });
    expect(relation(table, 'G6001', 'G6002', office(D2025)).verdict).toBe('do_not_bill');
    const y2026 = relation(table, 'G6001', 'G6002', office(D2026));
    expect(y2026.verdict).toBe('deleted');
    expect(y2026.useInstead).toEqual(['77387']);
    expect(y2026.changes.join(' ')).toMatch(/^Code-set change/);
  });
});
