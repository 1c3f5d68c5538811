import { describe, expect, test } from 'vitest';
import { extractCodes } from '../../src/nlu/codes.js';

describe('extractCodes: one parser for questions and claim lines', () => {
  test.each([
    [
      'codes, a -TC modifier, setting, payer and date in one message',
      'check 77385 77387-TC G6002 hospital horizon 2025-03-04',
      [{ code: '77385' }, { code: '77387', modifier: 'TC' }, { code: 'G6002' }],
    ],
    [
      '-26 and x-units',
      '77387-26 x1, G6001 x5',
      [
        { code: '77387', modifier: '26', units: 1 },
        { code: 'G6001', units: 5 },
      ],
    ],
    [
      'modifier without a dash, "N units"',
      '77387 TC 5 units and 77387 26',
      [
        { code: '77387', modifier: 'TC', units: 5 },
        { code: '77387', modifier: '26' },
      ],
    ],
    [
      'modifier run on, units with a space and ×',
      '77387TC x 3, G6017 × 2',
      [
        { code: '77387', modifier: 'TC', units: 3 },
        { code: 'G6017', units: 2 },
      ],
    ],
    ['Category III and lower-case HCPCS', 'check 0197T and g6017', [{ code: '0197T' }, { code: 'G6017' }]],
    ['a code written twice is one line', '77373 with 77387, is 77387 bundled?', [{ code: '77373' }, { code: '77387' }]],
    ['dates, years, ages and zip codes are not codes', 'a 65 year old seen 2025-03-04 in 2026, zip 07102', []],
    ['codes inside longer numbers are not codes', 'claim 1234567 ref 77387123', []],
    [
      'in a claim check a code outside radiology is still a line',
      'check 99213 and 77427',
      [{ code: '99213' }, { code: '77427' }],
    ],
    [
      'in a claim check an unknown well-formed code is kept',
      'check 77385 77387-TC 99213',
      [{ code: '77385' }, { code: '77387', modifier: 'TC' }, { code: '99213' }],
    ],
    [
      'three radiology codes make a claim list, and then every code counts',
      '77385 77387 g6002 99213',
      [{ code: '77385' }, { code: '77387' }, { code: 'G6002' }, { code: '99213' }],
    ],
    [
      'in prose a five-digit number outside radiology is not a code',
      'can I bill 77387 for a patient at zip 10012?',
      [{ code: '77387' }],
    ],
    ['in prose a record number is not a code', 'MRN 12345, IMRT prostate, is IGRT covered', []],
    [
      'lower-case text, as the parser sees it',
      'check 77387-tc x2 and g6002',
      [{ code: '77387', modifier: 'TC', units: 2 }, { code: 'G6002' }],
    ],
  ])('%s', (_name, text, lines) => {
    expect(extractCodes(text)).toEqual(lines);
  });
});
