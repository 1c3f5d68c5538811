import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { redactIdentifiers, redactSecrets } from '../../src/log/redact.js';

describe('redactIdentifiers', () => {
  test.each([
    ['MRN with a colon', 'MRN: A998877, 3DCRT prostate', '[id], 3DCRT prostate'],
    ['medical record number', 'medical record number 00123 IMRT', '[id] IMRT'],
    ['a bare record number (6+ digits)', 'pt 4455667 horizon', 'pt [number] horizon'],
    ['a letter-prefixed record number', 'acct no E12345678', '[id]'],
    ['an ISO date', '77387 on 2025-03-04', '77387 on [date]'],
    ['a US date', 'seen 3/14/1961', 'seen [date]'],
    ['a short date', 'treated 3/14', 'treated [date]'],
    ['a dotted date', 'born 14.03.1961', 'born [date]'],
    ['a spelled-out date', 'DOB: March 14, 1961', 'DOB: [date]'],
    ['a day-first date', 'on 14 Mar 1961', 'on [date]'],
    ['a month and year', 'since January 2024', 'since [date]'],
    ['a DOB given as a year', 'DOB 1961 lung', '[dob] lung'],
    ['an SSN', 'ssn 123-45-6789', 'ssn [ssn]'],
    ['a US phone', 'call (973) 555-0142', 'call [phone]'],
    ['an international phone', 'call +44 20 7946 0958', 'call [phone]'],
    ['an e-mail', 'mail j.doe+rt@example.org', 'mail [email]'],
    [
      'codes and clinical words',
      'Horizon 77387-TC 77385-26 G6001 0197T 3DCRT, 67 y/o, 5 fx',
      'Horizon 77387-TC 77385-26 G6001 0197T 3DCRT, 67 y/o, 5 fx',
    ],
  ])('%s', (_name, input, expected) => {
    expect(redactIdentifiers(input)).toBe(expected);
  });

  const code = fc.oneof(
    fc.stringMatching(/^\d{5}$/),
    fc.stringMatching(/^\d{4}[A-Z]$/),
    fc.stringMatching(/^[A-Z]\d{4}$/),
    fc.stringMatching(/^\d{5}-(TC|26)$/),
  );
  const words = fc.array(fc.constantFrom('horizon', 'cvs', '3dcrt', 'imrt', 'prostate', 'bill', 'with', 'and', ',', 'check'), {
    maxLength: 4,
  });

  test('any CPT/HCPCS-shaped code among words stays readable', () => {
    fc.assert(
      fc.property(words, fc.array(code, { minLength: 1, maxLength: 5 }), words, (before, codes, after) => {
        const text = [...before, ...codes, ...after].join(' ');
        const out = redactIdentifiers(text);
        for (const c of codes) expect(out).toContain(c);
      }),
      { numRuns: 300 },
    );
  });

  test('any run of six or more digits is masked', () => {
    fc.assert(
      fc.property(words, fc.stringMatching(/^\d{6,12}$/), (before, number) => {
        expect(redactIdentifiers([...before, number].join(' '))).not.toContain(number);
      }),
      { numRuns: 300 },
    );
  });
});

describe('redactSecrets', () => {
  test.each([
    'xoxb-1-2-abc',
    'xoxp-9-zz',
    'xoxa-2-q',
    'xoxe-1-abc',
    'xapp-1-A1-2-f',
    'Bearer abc.def-ghi',
    'deadbeefdeadbeefdeadbeefdeadbeef',
  ])('%s', (secret) => {
    expect(redactSecrets(`value ${secret} end`)).not.toContain(secret.split(' ').at(-1));
  });
});
