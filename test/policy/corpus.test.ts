import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DataError } from '../../src/data/load-yaml.js';
import { projectPath } from '../../src/data/paths.js';
import { loadCorpus } from '../../src/policy/corpus.js';

const corpus = loadCorpus();
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const seed = (file: string) => normalise(readFileSync(projectPath('policy-corpus', 'sources', file), 'utf8'));

describe('policy corpus', () => {
  test.each([...corpus.policies.values()].map((p) => [p.doc.id, p] as const))(
    '%s: every sentence of the seed is in a section, verbatim, or listed as omitted boilerplate',
    (_id, policy) => {
      let residue = seed(policy.doc.source);
      const pieces = [...policy.doc.sections.map((s) => s.text), ...policy.doc.omitted.map((o) => o.text)];
      for (const piece of pieces) {
        expect(residue.includes(piece), `not verbatim in the seed: ${piece.slice(0, 80)}`).toBe(true);
        residue = residue.replace(piece, ' ');
      }
      for (const heading of [...policy.doc.headings].sort((a, b) => b.length - a.length))
        residue = residue.replaceAll(heading, ' ');
      // Headings and item letters aside, nothing of the seed may be left over.
      expect(normalise(residue.replace(/\b[A-P]\.|\b[IVX]+\./g, ' '))).toBe('');
    },
  );

  test('section ids are unique and name the policy structure', () => {
    for (const policy of corpus.policies.values()) {
      const ids = policy.doc.sections.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    const horizon = corpus.policies.get('horizon');
    for (const id of ['I', 'II', ...'ABCDEFGHIJKLMNOP'.split('').map((l) => `II.${l}`), 'III.A', 'IV', 'V', 'VI']) {
      expect(horizon?.sections.has(id), id).toBe(true);
    }
  });

  test('metadata: Horizon 139 dates and population, CVS program scope', () => {
    const horizon = corpus.policies.get('horizon')?.doc;
    expect(horizon?.policyNumber).toBe('139');
    expect(horizon?.dates).toEqual({
      effective: '08/01/2020',
      original: '10/22/2013',
      lastReview: '04/14/2020',
      published: '10/22/2019',
    });
    expect(horizon?.population.plans).toEqual(['commercial', 'medicare_advantage', 'medicaid', 'nj_familycare', 'fide_snp']);
    expect(corpus.policies.get('cvs')?.doc.population.summary).toContain('CVS Radiation Oncology program');
  });
});

describe('bad data fails fast with file, path and reason', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const broken = (edit: (dir: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    dirs.push(dir);
    cpSync(projectPath('policy-corpus'), dir, { recursive: true });
    edit(dir);
    return () => loadCorpus(dir);
  };
  const rewrite = (file: string, from: string, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));

  test.each([
    [
      'an unknown fact in a rule',
      'rules/horizon.yaml',
      '{ fact: diagnosis, in: [prostate] }',
      '{ fact: diagnosys, in: [prostate] }',
      /unknown fact "diagnosys"/,
    ],
    [
      'an unknown value',
      'rules/horizon.yaml',
      '{ fact: diagnosis, in: [prostate] }',
      '{ fact: diagnosis, in: [prostrate] }',
      /no value "prostrate"/,
    ],
    [
      'a quote that is not verbatim',
      'rules/cvs.yaml',
      'quote: "CVS Health considers IGRT medically necessary in the delivery of intensity',
      'quote: "CVS considers IGRT medically necessary in the delivery of intensity',
      /not verbatim/,
    ],
    ['an unknown section', 'rules/horizon.yaml', 'section: II.F', 'section: II.Z', /no section "II.Z"/],
    ['a bad determination', 'rules/cvs.yaml', 'decision: medically_necessary', 'decision: probably', /decision/],
  ])('%s', (_name, file, from, to, reason) => {
    const load = broken((dir) => rewrite(join(dir, file), from, to));
    expect(load).toThrow(DataError);
    expect(load).toThrow(reason);
    expect(load).toThrow(file.split('/')[1] as string);
  });

  test.each([
    [
      'a preferred value the fact does not have',
      'prefer: [bone_metastasis, brain_metastasis,',
      'prefer: [bone_mets,',
      /facts\.diagnosis: offer\/prefer\/default names unknown value "bone_mets"/,
    ],
    [
      'a reset by an unknown fact',
      'resetBy: [diagnosis]',
      'resetBy: [diagnoses]',
      /facts\.position\.resetBy: unknown fact "diagnoses"/,
    ],
  ])('facts.yaml: %s', (_name, from, to, reason) => {
    const load = broken((dir) => rewrite(join(dir, 'facts.yaml'), from, to));
    expect(load).toThrow(DataError);
    expect(load).toThrow(reason);
    expect(load).toThrow('facts.yaml');
  });
});
