import { describe, expect, test } from 'vitest';
import { patientParts } from '../../src/nlu/patients.js';

const noFacts = (sentence: string) => !/horizon|cvs|prostate|rib/i.test(sentence);

describe('patientParts: one question per labelled patient', () => {
  test.each([
    [
      'what comes before the first label is said of each; a closing question without facts is shared',
      'two quick ones: Pt A (Horizon) prostate. Pt B (CVS) rib met. IGRT ok for each?',
      [
        ['Pt A', 'two quick ones: Pt A (Horizon) prostate. IGRT ok for each?'],
        ['Pt B', 'two quick ones: Pt B (CVS) rib met. IGRT ok for each?'],
      ],
    ],
    [
      'a closing question with facts of its own stays with the last patient',
      'patient 1 Horizon prostate. patient 2 CVS rib met?',
      [
        ['patient 1', 'patient 1 Horizon prostate.'],
        ['patient 2', 'patient 2 CVS rib met?'],
      ],
    ],
    [
      'named patients after numbers are cut at their names',
      'two quick ones:\n1) Mr. A, Horizon prostate\n2) Mrs. B, CVS rib met\nIGRT ok for each?',
      [
        ['Mr. A', 'two quick ones:\n1) Mr. A, Horizon prostate\n2) IGRT ok for each?'],
        ['Mrs. B', 'two quick ones:\n1) Mrs. B, CVS rib met IGRT ok for each?'],
      ],
    ],
    [
      'numbered items alone are cut at their numbers',
      'quick ones\n1) Horizon prostate\n2) CVS rib met',
      [
        ['patient 1', 'quick ones 1) Horizon prostate'],
        ['patient 2', 'quick ones 2) CVS rib met'],
      ],
    ],
  ])('%s', (_rule, text, parts) => {
    expect(patientParts(text, noFacts)?.parts.map((p) => [p.label, p.text])).toEqual(parts);
  });

  test.each([
    ['one patient only', 'Pt A Horizon prostate, IGRT?'],
    ['the same label twice is one patient', 'Pt A Horizon prostate. pt a PSA 4. pt B?'],
    ['no labels', 'Horizon prostate and CVS rib met'],
  ])('%s: not cut', (_rule, text) => {
    expect(patientParts(text, noFacts)).toBeUndefined();
  });
});
