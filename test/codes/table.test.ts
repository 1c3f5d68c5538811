import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { impliedFacts, isIgrtMethod } from '../../src/codes/facts.js';
import { loadCodeTable } from '../../src/codes/table.js';
import { DataError } from '../../src/data/load-yaml.js';
import { projectPath } from '../../src/data/paths.js';
import { corpus, table } from './fixtures.js';

const original = readFileSync(projectPath('policy-corpus', 'codes.yaml'), 'utf8');

/** Loads codes.yaml with one edit applied, from a temp file; returns the error it throws. */
function loadEdited(from: string | RegExp, to: string): { file: string; error: unknown } {
  const edited = original.replace(from, to);
  expect(edited, `edit ${from} must change the file`).not.toBe(original);
  const dir = mkdtempSync(join(tmpdir(), 'codes-'));
  const file = join(dir, 'codes.yaml');
  try {
    writeFileSync(file, edited);
    loadCodeTable(corpus, file);
    return { file, error: undefined };
  } catch (error) {
    return { file, error };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('codes.yaml loads and is cross-checked', () => {
  test('the shipped table loads: every policy quote verbatim, every source listed', () => {
    expect(Object.keys(table.codes)).toEqual(
      expect.arrayContaining(
        '77387 77385 77386 G6001 G6002 G6017 76950 77421 0197T 77370 77470 77280 77373 77371 77372 77014 77402 77407 77412 77417'.split(
          ' ',
        ),
      ),
    );
  });

  test.each([
    [
      'a paraphrased policy quote',
      'quote: "G6001 replaces CPT® code 76950',
      'quote: "G6001 replaced CPT® code 76950',
      /codes\.G6001\.replaces\[0\]\.source\.quote: not verbatim text of horizon:background\.g-codes/,
    ],
    [
      'a source that is not listed',
      'source: { ref: cpt-2015 } }\n    statements:',
      'source: { ref: cpt-2016 } }\n    statements:',
      /\.ref: no source "cpt-2016"/,
    ],
    ['a malformed code key', '  "77470":', '  "7747":', /codes/],
    [
      'a bad date',
      'validTo: { date: "2025-12-31", source: { ref: astro-2026 } }',
      'validTo: { date: "31/12/2025", source: { ref: astro-2026 } }',
      /a date is YYYY-MM-DD/,
    ],
    [
      'a policy statement given an expiry',
      '        source: { policy: horizon, section: background.coding, quote: "CPT® code 77387 is for billing',
      '        until: "2025-12-31"\n        source: { policy: horizon, section: background.coding, quote: "CPT® code 77387 is for billing',
      /codes\.77387\.statements\[0\]\.until: a policy statement does not expire/,
    ],
    [
      'a rule with an unknown modality',
      'modality: [superficial, electron]',
      'modality: [superficial, orthovoltage]',
      /lines\[4\]\.modality\[1\]: no modality "orthovoltage"/,
    ],
    [
      'a rule side naming a code not in the table',
      'b: { codes: ["77373"] }',
      'b: { codes: ["77374"] }',
      /pairs\[0\]\.b\.codes\[0\]: no code "77374"/,
    ],
    [
      'a section the policy does not have',
      'section: background.one-method-daily',
      'section: background.two-methods',
      /no section horizon:background\.two-methods/,
    ],
    ['an unknown field', 'kind: physics', 'kind: physics\n    colour: blue', /colour/],
    [
      'a code implying a value its fact does not have',
      'implies: { modality: sbrt }',
      'implies: { modality: stereotactic }',
      /codes\.77373\.implies\.modality: "stereotactic" is not a value/,
    ],
    [
      'a code implying an unknown fact',
      'implies: { respiratoryTracking: true }',
      'implies: { respiratoryGating: true }',
      /codes\.G6017\.implies\.respiratoryGating/,
    ],
    [
      'a loaded policy with no silence section',
      '  cvs: policy.imrt-pbt-sbrt-srs\n',
      '',
      /silence\.cvs: missing for a loaded policy/,
    ],
  ])('%s fails with file, path and reason', (_name, from, to, reason) => {
    const { file, error } = loadEdited(from, to);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).file).toBe(file);
    expect((error as DataError).message).toMatch(reason);
  });
});

describe('what a code states on its own comes from codes.yaml', () => {
  test.each([
    ['77385', { modality: 'imrt' }],
    ['77373', { modality: 'sbrt' }],
    ['77371', { modality: 'srs' }],
    // An IGRT code also says, through its kind, that an IGRT code is billed.
    ['G6017', { respiratoryTracking: true, igrtCode: true }],
    ['0197T', { respiratoryTracking: true, igrtCode: true }],
    ['77387', { igrtCode: true }],
    ['G6001', { igrtCode: true }],
    ['99213', {}],
  ])('%s implies %o', (code, facts) => {
    expect(impliedFacts(table, code)).toEqual(facts);
  });

  test('the IGRT methods are the codes of kind igrt', () => {
    const methods = Object.keys(table.codes).filter((code) => isIgrtMethod(table, code));
    expect(methods.sort()).toEqual(['0197T', '76950', '77014', '77387', '77421', 'G6001', 'G6002', 'G6017']);
  });
});
