import * as chrono from 'chrono-node/en';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { agesOn, dateOfService, extractAge, extractBirth, extractDate, mayHoldDay } from '../../src/nlu/details.js';
import { normaliseText } from '../../src/nlu/normalise.js';
import { parseQuestion } from '../../src/nlu/parse.js';

const TODAY = '2026-11-23';
const read = (question: string) => dateOfService(extractDate(normaliseText(question)), TODAY);

describe('dates of service: every common form is read and its source said', () => {
  test.each([
    ['ISO', 'check 77385 horizon 2025-03-04', '2025-03-04', '2025-03-04'],
    ['US numeric', 'DOS 03/04/2025, IMRT billing', '2025-03-04', '03/04/2025'],
    ['US numeric, two-digit year', 'billed 3/4/25', '2025-03-04', '3/4/25'],
    ['month spelled out', 'date of service March 4, 2025', '2025-03-04', 'march 4, 2025'],
    ['day first, short month and year', 'what replaced 76950 on 4 Mar 25', '2025-03-04', '4 mar 25'],
    ['ordinal day', 'seen 4th March 2025', '2025-03-04', '4th march 2025'],
    ['year-less after DOS: its last occurrence on or before today', 'DOS 3/2 imrt billing', '2026-03-02', '3/2'],
    ['year-less, later in the year than today: last year', 'on 12/24, G6001 x5', '2025-12-24', '12/24'],
    ['day first, called the date of service', 'DOS 13/4 imrt billing', '2026-04-13', '13/4'],
  ])('%s: "%s" → %s', (_name, question, date, written) => {
    // A year-less date names the same day a year earlier too, which the asker may mean.
    const yearless = /^\d{1,2}\/\d{1,2}$/.test(written);
    const yearEarlier = `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
    expect(read(question)).toEqual({ date, from: 'question', written, ...(yearless ? { yearEarlier } : {}) });
  });

  test.each([
    ['no date at all', 'Horizon IMRT billing'],
    ['an age is not a date', 'a 12 y/o, IMRT, Horizon'],
    ['codes and units are not dates', 'check 77387-26 x5 and G6001 x 2'],
    ['a year alone is not a date of service', 'the 2026 code changes for 77385'],
    ['a bare fraction-like number without a cue is not a date', 'IMRT 45 Gy, 1/2 of the fields'],
    ['POS 11 is not a date', 'HOPD vs POS 11 billing'],
    ['counts are not dates', 'SBRT 5 fractions of 8 Gy, 3 fields, 2 methods on 1 day'],
    ['a dose per fraction is not a date', 'IMRT 45 Gy/25 fx then 1.8/2 Gy'],
    ['a dose over fractions (first number past 12) is not a date', 'that hip was treated 30/10, IMRT now'],
    ['a year in a treatment history is not the date of service', 'she got 20/5 to that femur in 2022'],
    ['a year after a dose is history too', 'SBRT 8 Gy x1 in 2023 to the same level'],
  ])('%s: "%s" → today', (_name, question) => {
    expect(read(question)).toEqual({ date: TODAY, from: 'today' });
  });

  test.each([
    ['an impossible day', 'check 77385 dos 2/30/2025', '2/30/2025'],
    ['an impossible month', 'check 77385 on 2025-13-04', '2025-13-04'],
    ['a spelled month with an impossible day', 'billing on March 45, 2025', 'march 45, 2025'],
  ])('unreadable, said and not silently replaced: %s', (_name, question, unreadable) => {
    expect(read(question)).toEqual({ date: TODAY, from: 'today', unreadable });
  });
});

describe('ages', () => {
  test.each([
    ['12 y/o', 12],
    ['a 17-year-old', 17],
    ['age 9', 9],
    ['6 months old', 0],
    ['77387 x5', undefined],
    ['67F lung ca', 67],
    ['and if the pt is 11?', 11],
    ['patient is now 16', 16],
    ['pt is 5 days out from surgery', undefined],
    ['pt is 70 kg', undefined],
    ['54 yo M', 54],
    ['8yoF with medulloblastoma', 8],
    ['6MV photons', undefined],
    ['the PTV is 15 m away from', undefined],
    ['5 fx', undefined],
  ])('"%s" → %s', (text, age) => {
    expect(extractAge(text)).toBe(age);
  });
});

describe('ages in words and from birth dates', () => {
  const pipeline = defaultPipeline();
  const parse = (q: string) => parseQuestion(pipeline, q, TODAY);

  test.each([
    ['a spelled-out age', 'Horizon: IMRT, pt aged seventeen', 'pediatric'],
    ['a spelled-out "year old"', 'Horizon: IMRT for a seven year old', 'pediatric'],
    ['a hyphenated spelled-out age', 'a sixty-five year old, IMRT', 'adult'],
    ['a full date of birth', 'Horizon IMRT, DOB 03/01/2014', 'pediatric'],
    ['a birth year far enough back', 'IMRT, born in 1950', 'adult'],
    ['a birth year far from 18', 'Horizon IMRT for a patient born in 2015', 'pediatric'],
    ['a birth month and year', 'From chart: DOB 03/2016, medulloblastoma, CSI on Tomo', 'pediatric'],
    ['a two-digit birth year', 'Horizon IMRT, DOB 3/4/16', 'pediatric'],
    ['a two-digit birth year last century', 'Horizon IMRT, DOB 3/4/58', 'adult'],
  ])('%s: "%s" → %s', (_name, question, group) => {
    expect(parse(question).facts.age).toBe(group);
  });

  test('a birth year that leaves the age at 17 or 18 is asked about', () => {
    const parsed = parse('Horizon IMRT, born 2008');
    expect(parsed.facts.age).toBeUndefined();
    expect(parsed.unsure.map((u) => u.fact)).toContain('age');
  });

  test('a date of birth is never the date of service', () => {
    expect(parse('Horizon IMRT billing, DOB 03/01/2014').dateOfService).toBeUndefined();
    expect(agesOn(extractBirth('DOB 12/01/2008') ?? { year: 0 }, TODAY)).toEqual([17, 17]);
    // A month without its day: before or after the birthday, except within that month.
    expect(agesOn(extractBirth('DOB 12/2008') ?? { year: 0 }, TODAY)).toEqual([17, 17]);
    expect(agesOn(extractBirth('DOB 10/2008') ?? { year: 0 }, TODAY)).toEqual([18, 18]);
    expect(agesOn(extractBirth('DOB 11/2008') ?? { year: 0 }, TODAY)).toEqual([17, 18]);
    expect(parse('Horizon IMRT, DOB 03/2016').dateOfService).toBeUndefined();
  });
});

describe('chrono is skipped only where it could not read a day (mayHoldDay is a superset of its readings)', () => {
  // Tokens that each of chrono's strict English parsers is built from, mixed with the words,
  // numbers and separators questions hold, so every parser gets a chance to fire.
  const token = fc.oneof(
    fc.constantFrom('3', '12', '04', '2025', '1999', '77385', '45', '1.8', '0.5', 'x5', 'g6002', '30'),
    fc.constantFrom(
      '/',
      '-',
      '.',
      ' ',
      ',',
      ':',
      'on',
      'at',
      'in',
      'for',
      'within',
      'ago',
      'later',
      'after',
      'before',
      'from now',
    ),
    fc.constantFrom(
      'day',
      'days',
      'week',
      'weeks',
      'hour',
      'hours',
      'minutes',
      'second',
      'month',
      'months',
      'year',
      'years',
      'quarter',
    ),
    fc.constantFrom(
      'a',
      'the',
      'three',
      'twenty',
      'few',
      'couple of',
      'half an',
      'monday',
      'fri',
      'weekend',
      'noon',
      '10am',
      '5 pm',
    ),
    fc.constantFrom('march', 'mar', 'sept', 'dec.', '4th', 'first', 'of', 'imrt', 'horizon', 'dos', 'gy', 'fx', 'prostate'),
  );
  const text = fc.array(token, { minLength: 1, maxLength: 9 }).map((parts) => normaliseText(parts.join(' ')));
  const dayRead = (t: string) => chrono.strict.parse(t).some((r) => r.start.isCertain('month') && r.start.isCertain('day'));

  test('every text chrono reads a certain day and month in passes the gate', () => {
    fc.assert(
      fc.property(text, (t) => !dayRead(t) || mayHoldDay(t)),
      { numRuns: 20000 },
    );
  });

  test.each([
    ['ISO', '2025-03-04'],
    ['slash', 'dos 3/2'],
    ['dots', 'on 3.4.2025'],
    ['year, month, day with spaces', 'imrt 2025 3 4'],
    ['a month name', 'seen 4th march 2025'],
    ['days ago', 'treated 3 days ago, 77385'],
    ['within a week', 'imrt within a week, g6002'],
    ['for some days', 'cbct for 5 days'],
    ['a fraction of a quarter lands on a day', 'half an quarter after'],
  ])('%s: "%s" is chrono-readable and passes', (_name, t) => {
    expect(dayRead(t)).toBe(true);
    expect(mayHoldDay(t)).toBe(true);
  });
});
