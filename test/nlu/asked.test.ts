import { describe, expect, test } from 'vitest';
import { askedPart } from '../../src/nlu/asked.js';
import { normaliseText } from '../../src/nlu/normalise.js';

const asked = (text: string) => askedPart(normaliseText(text));

describe('the part of a message that asks', () => {
  test.each([
    ['one sentence', 'Horizon: is IGRT covered with IMRT for prostate?'],
    ['a case and its question: the question leans on it', 'Horizon, physics wants to charge 77370 for it. allowed?'],
    ['"vs." does not end a sentence', 'CVS vs. Horizon. Is IGRT covered for IMRT?'],
    ['a message with no question sentence', 'Horizon prostate IMRT. Daily CBCT. Covered.'],
    ['every sentence a question', 'Is IGRT covered? Is it billable?'],
  ])('%s: read whole', (_shape, text) => {
    expect(asked(text)).toBeUndefined();
  });

  test.each([
    [
      'a note ending in a labelled question: the label is not part of it',
      'HPI: 67F. PMH: HTN. Plan: 3D. Insurance: Horizon, prior auth submitted. Husband asks about parking. ---- QUESTION FOR BILLING/UM TEAM: is daily CBCT medically necessary?',
      'husband asks about parking. is daily cbct medically necessary?',
    ],
    [
      'a labelled question with no question mark',
      'CC: pain. Sim done with IV contrast. Plan reviewed. Q: does Horizon cover daily kV for this',
      'plan reviewed. does horizon cover daily kv for this',
    ],
    [
      'a question first, its note after',
      'Can we bill G6002 separately? Freestanding office. Horizon. Prostate IMRT. Sim with contrast.',
      'can we bill g6002 separately? freestanding office.',
    ],
  ])('%s', (_shape, text, part) => {
    expect(asked(text)).toBe(part);
  });
});
