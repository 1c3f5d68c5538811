import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { currentCodes } from '../../src/answer/code-lookup.js';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { codeStatus } from '../../src/codes/lookup.js';
import { loadCodeTable } from '../../src/codes/table.js';
import { DataError } from '../../src/data/load-yaml.js';
import { projectPath } from '../../src/data/paths.js';
import { extractCodes } from '../../src/nlu/codes.js';

const pipeline = defaultPipeline();
const table = pipeline.codes;

describe('code relations', () => {
  test.each([
    ['G6001 replaces 76950 in MPFS', '76950', 'G6001'],
    ['G6002 replaces 77421 in MPFS', '77421', 'G6002'],
    ['G6017 replaces 0197T in MPFS', '0197T', 'G6017'],
  ])('%s', (_name, old, replacement) => {
    expect(codeStatus(table, old, '2020-06-01').useInstead.flatMap((l) => l.codes)).toContain(replacement);
    expect(codeStatus(table, replacement, '2020-06-01').replaced.flatMap((l) => l.codes)).toContain(old);
  });

  test.each([
    ['77385 is valid in 2025', '77385', '2025-06-30', 'active', ['77385']],
    ['77385 is deleted in 2026 → delivery codes', '77385', '2026-02-01', 'deleted', ['77402', '77407', '77412']],
    ['G6002 is deleted in 2026 → 77387', 'G6002', '2026-02-01', 'deleted', ['77387']],
    ['76950 walks through G6001 to 77387 in 2026', '76950', '2026-02-01', 'deleted', ['77387']],
    ['76950 → G6001 or 77387 in 2020', '76950', '2020-02-01', 'deleted', ['G6001', '77387']],
    ['77387 is valid throughout', '77387', '2026-02-01', 'active', ['77387']],
  ])('%s', (_name, code, date, state, now) => {
    expect(codeStatus(table, code, date).state).toBe(state);
    expect(currentCodes(pipeline, code, date).sort()).toEqual([...now].sort());
  });

  test('every statement and pair cites verbatim policy text or a listed source (checked at load)', () => {
    expect(() => loadCodeTable(pipeline.corpus)).not.toThrow();
  });

  test('a malformed codes.yaml fails with file, path and reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codes-'));
    try {
      const file = join(dir, 'codes.yaml');
      writeFileSync(
        file,
        readFileSync(projectPath('policy-corpus', 'codes.yaml'), 'utf8').replace(
          'quote: "G6001 replaces CPT® code 76950',
          'quote: "G6001 replaced CPT® code 76950',
        ),
      );
      expect(() => loadCodeTable(pipeline.corpus, file)).toThrow(DataError);
      expect(() => loadCodeTable(pipeline.corpus, file)).toThrow(/codes\.G6001\.links\[0\]\.source\.quote: not verbatim/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('claim lines', () => {
  test.each([
    [
      'modifiers and units',
      '77387-TC x5, G6001 x 2, 77385 26',
      [
        { code: '77387', modifier: 'TC', units: 5 },
        { code: 'G6001', units: 2 },
        { code: '77385', modifier: '26' },
      ],
    ],
    ['Category III and HCPCS codes', 'check 0197T and g6017', [{ code: '0197T' }, { code: 'G6017' }]],
    ['years and ages are not codes', 'a 65 year old seen 2025-03-04, zip 07102', []],
  ])('parser: %s', (_name, text, codes) => {
    expect(extractCodes(text.toLowerCase())).toEqual(codes);
  });

  const verdicts = async (q: string) => (await answer(q)).findings.map((f) => `${f.subject} ${f.payer} ${f.determination}`);

  test.each([
    [
      'igrt-with-sbrt: IGRT with SBRT delivery is bundled (both payers)',
      'check 77387 77373',
      ['77387 + 77373 horizon bundled', '77387 + 77373 cvs bundled'],
    ],
    ['igrt-with-srs: IGRT with SRS delivery is bundled', 'check 77387 77372 horizon', ['77387 + 77372 horizon bundled']],
    [
      'igrt-with-imrt-delivery: 77387-TC with 77385 in HOPPS is bundled',
      'check 77387-TC 77385 hospital horizon 2025-01-10',
      ['77387-TC + 77385 horizon bundled'],
    ],
    [
      'second-igrt-method: two IGRT codes, the second is not billed',
      'check 77014 G6002 freestanding horizon 2025-01-10',
      ['G6002 + 77014 horizon do_not_bill'],
    ],
    [
      'physics-because-of-igrt: 77370 with IGRT is not billed',
      'check 77370 77387 horizon 2025-01-10',
      ['77370 + 77387 horizon do_not_bill'],
    ],
    [
      'wrong setting: an MPFS G-code on a hospital claim',
      'check G6001 hospital horizon 2025-01-10',
      ['G6001 horizon do_not_bill'],
    ],
    ['deleted on the date of service', 'check 77386 horizon 2026-01-02', ['77386 horizon do_not_bill']],
    ['professional-only from 2026: 77387-TC', 'check 77387-TC horizon 2026-01-02', ['77387-TC horizon do_not_bill']],
    ['a payer silent on a pair says not addressed', 'check 77370 77387 cvs 2025-01-10', ['77370 + 77387 cvs not_addressed']],
  ])('%s', async (_name, question, expected) => {
    expect(await verdicts(question)).toEqual(expect.arrayContaining(expected));
  });

  test('the same claim in 2025 and 2026 gives different, explained answers', async () => {
    const claim = 'check 77385 77387-TC hospital horizon';
    const y2025 = await answer(`${claim} 2025-03-04`);
    const y2026 = await answer(`${claim} 2026-03-04`);
    expect(y2025.findings.filter((f) => f.determination === 'do_not_bill')).toEqual([]);
    expect(y2026.findings.filter((f) => f.determination === 'do_not_bill').map((f) => f.subject)).toEqual(['77385', '77387-TC']);
    expect(y2026.text).toMatch(/use 77402 or 77407 or 77412/);
    expect(y2026.text).toMatch(/no longer valid on 2026-03-04/);
  });
});

describe('dates on coding answers', () => {
  test('a 2026 date of service adds the marked code-set change to the policy’s own answer; 2025 does not', async () => {
    const q = 'Horizon, hospital outpatient: can 77387-TC be reported separately with IMRT?';
    const before = await answer(`${q} DOS 2025-05-01`);
    const after = await answer(`${q} DOS 2026-05-01`);
    expect(before.findings[0]?.determination).toBe('bundled');
    expect(after.findings[0]?.determination).toBe('bundled');
    expect(before.findings[0]?.notes.join(' ')).not.toMatch(/Code-set change/);
    expect(after.findings[0]?.notes.join(' ')).toMatch(/Code-set change since 2026-01-01.*ASTRO/);
  });

  test('code lookups say what the code means on the date of service', async () => {
    expect((await answer('what replaced 76950? date of service 2026-02-01')).text).toMatch(/On 2026-02-01 that means: 77387/);
    expect((await answer('what replaced 76950? date of service 2020-02-01')).text).toMatch(/G6001/);
  });
});
