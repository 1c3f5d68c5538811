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
    ['a dotted date', 'seen 14.03.1961', 'seen [date]'],
    ['a dotted date of birth', 'born 14.03.1961', '[dob]'],
    ['a spelled-out date of birth', 'DOB: March 14, 1961', '[dob]'],
    ['a spelled-out date', 'seen March 14, 1961', 'seen [date]'],
    ['a day-first date', 'on 14 Mar 1961', 'on [date]'],
    ['a month and year', 'since January 2024', 'since [date]'],
    ['a DOB given as a year', 'DOB 1961 lung', '[dob] lung'],
    ['an SSN', 'ssn 123-45-6789', 'ssn [ssn]'],
    ['a US phone', 'call (973) 555-0142', 'call [phone]'],
    ['an international phone', 'call +44 20 7946 0958', 'call [phone]'],
    ['an e-mail', 'mail j.doe+rt@example.org', 'mail [email]'],
    [
      'codes and clinical words',
      'Horizon 77387-TC 77385-26 G6001 0197T 3DCRT, IMRT, pt with prostate, 5 fx',
      'Horizon 77387-TC 77385-26 G6001 0197T 3DCRT, IMRT, pt with prostate, 5 fx',
    ],
    ['a name after pt', 'pt John Smith 3DCRT', 'pt [name] 3DCRT'],
    ['a name after patient', "Patient: Anne-Marie O'Neil, IMRT", 'Patient: [name], IMRT'],
    ['a name after a title', 'Mrs. Jones and Mr Brown, Ms Lee', 'Mrs. [name] and Mr [name], Ms [name]'],
    ['a lower-case name after a title', 'mrs smith IMRT', 'mrs [name] IMRT'],
    ['capitals after pt are not a name', 'pt IMRT CVS', 'pt IMRT CVS'],
    ['an age in yo', '67 yo male', '[age] male'],
    ['an age in y/o', '67 y/o, 5 fx', '[age], 5 fx'],
    ['a hyphenated age', 'a 67-year-old man', 'a [age] man'],
    ['an age in years old', 'is 67 years old', 'is [age]'],
    ['an age after aged', 'aged 81 lung', '[age] lung'],
    ['a year of birth', 'born in 1958, prostate', '[dob], prostate'],
    ['a US date of birth', 'DOB 3/4/1958 IMRT', '[dob] IMRT'],
    ['an MRN in groups of digits', 'MRN: 123 456 78 IMRT', '[id] IMRT'],
    ['an MRN with a dash', 'MRN 123-456 horizon', '[id] horizon'],
    ['an ISO date-time', 'at 2025-03-04T10:22:33Z', 'at [datetime]'],
    ['an ISO date-time with an offset', 'at 2025-03-04T10:22:33.120+01:00 cvs', 'at [datetime] cvs'],
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

describe('redactIdentifiers: property tests for the PHI a question may carry', () => {
  const first = fc.constantFrom('John', 'Mary', 'Anne-Marie', 'Luis', 'Zoe', 'Okafor', "O'Neil", 'Nguyen', 'Schmidt');
  const name = fc.tuple(first, fc.option(first, { nil: undefined })).map(([a, b]) => (b ? `${a} ${b}` : a));
  const cue = fc.constantFrom('pt', 'Pt', 'patient', 'Patient', 'Patient:', 'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'name:');
  const age = fc.integer({ min: 1, max: 110 });
  const ageWords = fc.constantFrom('yo', ' yo', ' y/o', 'y/o', '-year-old', ' year old', ' years old', ' yrs', ' y.o.');
  const year = fc.integer({ min: 1900, max: 2025 });
  const day = fc.integer({ min: 1, max: 28 });
  const month = fc.integer({ min: 1, max: 12 });
  const pad = (n: number) => String(n).padStart(2, '0');
  const words = fc.array(fc.constantFrom('horizon', 'cvs', '3dcrt', 'imrt', 'prostate', 'with', 'and', ',', 'IGRT'), {
    maxLength: 3,
  });
  const around = (phi: fc.Arbitrary<string>) =>
    fc.tuple(words, phi, words).map(([b, p, a]) => ({ text: [...b, p, ...a].join(' '), phi: p }));
  const check = (phi: fc.Arbitrary<{ text: string; secret: string }>) =>
    fc.assert(
      fc.property(phi, ({ text, secret }) => {
        expect(redactIdentifiers(text)).not.toContain(secret);
      }),
      { numRuns: 300 },
    );

  test('a name after pt, patient, Mr, Mrs or Ms is masked', () => {
    check(fc.tuple(cue, name).chain(([c, n]) => around(fc.constant(`${c} ${n}`)).map(({ text }) => ({ text, secret: n }))));
  });

  test('an age in any common wording is masked', () => {
    check(
      fc.tuple(age, ageWords).chain(([a, w]) => around(fc.constant(`${a}${w}`)).map(({ text, phi }) => ({ text, secret: phi }))),
    );
  });

  test('a year or date of birth is masked', () => {
    const dob = fc.oneof(
      year.map((y) => ({ said: `born in ${y}`, secret: String(y) })),
      year.map((y) => ({ said: `born ${y}`, secret: String(y) })),
      fc.tuple(month, day, year).map(([m, d, y]) => ({ said: `DOB ${m}/${d}/${y}`, secret: String(y) })),
      fc.tuple(month, day, year).map(([m, d, y]) => ({ said: `DOB: ${y}-${pad(m)}-${pad(d)}`, secret: String(y) })),
      fc.tuple(day, year).map(([d, y]) => ({ said: `date of birth March ${d}, ${y}`, secret: String(y) })),
    );
    check(dob.chain(({ said, secret }) => around(fc.constant(said)).map(({ text }) => ({ text, secret }))));
  });

  test('an MRN written with spaces or dashes is masked, every group of it', () => {
    const group = fc.stringMatching(/^\d{2,4}$/);
    const mrn = fc
      .tuple(fc.array(group, { minLength: 2, maxLength: 4 }), fc.constantFrom(' ', '-'), fc.constantFrom('MRN', 'MRN:', 'mrn #'))
      .map(([groups, sep, label]) => ({ said: `${label} ${groups.join(sep)}`, secret: groups.join(sep) }));
    check(mrn.chain(({ said, secret }) => around(fc.constant(said)).map(({ text }) => ({ text, secret }))));
    fc.assert(
      fc.property(
        fc.array(group, { minLength: 2, maxLength: 4 }),
        fc.array(fc.constantFrom('imrt', 'cvs', 'and')),
        (groups, after) => {
          const out = redactIdentifiers(['MRN:', groups.join(' '), ...after].join(' '));

          expect(out).not.toMatch(/\d/);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('an ISO date-time is masked whole', () => {
    const time = fc
      .tuple(
        year,
        month,
        day,
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom('Z', '+01:00', '-0500', ''),
      )
      .map(([y, m, d, h, mi, z]) => `${y}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(mi)}:00${z}`);
    check(time.chain((t) => around(fc.constant(t)).map(({ text }) => ({ text, secret: t.slice(10) }))));
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
