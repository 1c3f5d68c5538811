import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { answer } from '../../src/answer/answer.js';
import { followUpFor } from '../../src/answer/follow-up.js';
import { type DataFiles, loadPipeline } from '../../src/answer/pipeline.js';
import { DataError } from '../../src/data/load-yaml.js';
import { projectPath } from '../../src/data/paths.js';
import { homeView } from '../../src/slack/home-view.js';

const FIXTURE = projectPath('test', 'fixtures', 'third-payer');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * The project's data with a third payer added the way a maintainer would add one: its policy
 * and rules files beside the others, its silence entry in codes.yaml, its names in the lexicon.
 * `edit` may break the result afterwards, to check what loading catches.
 */
function withThirdPayer(edit: (files: Required<DataFiles>) => void = () => {}): Required<DataFiles> {
  const dir = mkdtempSync(join(tmpdir(), 'third-payer-'));
  dirs.push(dir);
  const corpus = join(dir, 'policy-corpus');
  cpSync(projectPath('policy-corpus'), corpus, { recursive: true });
  cpSync(join(FIXTURE, 'policies'), join(corpus, 'policies'), { recursive: true });
  cpSync(join(FIXTURE, 'rules'), join(corpus, 'rules'), { recursive: true });
  const merged = <T>(base: string, extra: string, add: (data: T, more: T) => void) => {
    const data = parse(readFileSync(base, 'utf8')) as T;
    add(data, parse(readFileSync(join(FIXTURE, extra), 'utf8')) as T);
    const file = join(dir, extra);
    writeFileSync(file, stringify(data));
    return file;
  };
  const files = {
    corpus,
    codes: merged<{ silence: Record<string, string> }>(join(corpus, 'codes.yaml'), 'codes.yaml', (data, more) =>
      Object.assign(data.silence, more.silence),
    ),
    lexicon: merged<{ groups: { payers: unknown[] } }>(projectPath('intents', 'lexicon.yaml'), 'lexicon.yaml', (data, more) =>
      data.groups.payers.push(...more.groups.payers),
    ),
    intents: projectPath('intents', 'intents.yaml'),
    assertion: projectPath('intents', 'assertion.yaml'),
    caseCues: projectPath('intents', 'case-cues.yaml'),
    icd10: projectPath('intents', 'icd10.yaml'),
    methods: projectPath('intents', 'igrt-methods.yaml'),
    reirradiation: projectPath('intents', 'reirradiation.yaml'),
    instructions: projectPath('intents', 'instructions.yaml'),
  };
  edit(files);
  return files;
}

const pipeline = loadPipeline(withThirdPayer());
const ask = (question: string) => answer(question, { pipeline, today: '2025-03-04' });
const acme = async (question: string) => (await ask(question)).findings.find((f) => f.payer === 'acme');

describe('a third payer from data alone answers every kind of question', () => {
  test.each([
    [
      'coverage, named',
      'Acme: IMRT for prostate cancer, is IGRT medically necessary?',
      'coverage',
      'medically_necessary',
      'criteria',
    ],
    ['coverage, not necessary', 'Acme electrons for skin cancer, IGRT?', 'coverage', 'not_medically_necessary', 'criteria'],
    [
      'billing, separately billable',
      'Acme IMRT prostate, can I bill 77387 separately?',
      'billing',
      'separately_billable',
      'coding',
    ],
    ['billing, bundled', 'Acme SBRT lung — can I bill 77387 on top of 77373?', 'billing', 'bundled', 'coding'],
    ['policy_info, dates', 'What is the effective date of the Acme IGRT policy?', 'policy_info', 'info', 'scope'],
    ['policy_info, indications from its topics', 'Which cases qualify for IGRT under Acme?', 'policy_info', 'info', 'criteria'],
    ['policy_info, plans from its topics', 'Does the Acme policy apply to Medicare plans?', 'policy_info', 'info', 'scope'],
  ])('%s', async (_name, question, intent, determination, section) => {
    const result = await ask(question);
    expect(result.intent).toBe(intent);
    expect(result.findings.map((f) => f.payer)).toEqual(['acme']);
    expect(result.findings[0]).toMatchObject({ determination, citation: { policyId: 'acme', section } });
  });

  test('the effective date is said from its policy document', async () => {
    expect((await acme('What is the effective date of the Acme IGRT policy?'))?.reason).toContain('01/01/2024');
  });

  test('a question naming no payer is answered for all three', async () => {
    const result = await ask('Is IGRT medically necessary with IMRT for prostate cancer?');
    expect(result.findings.map((f) => f.payer).sort()).toEqual(['acme', 'cvs', 'horizon']);
  });

  test('compare puts it beside another payer', async () => {
    const result = await ask('Compare Acme and Horizon on IGRT with proton therapy');
    expect(result.intent).toBe('compare');
    expect(result.findings.map((f) => f.payer)).toEqual(['acme', 'horizon']);
    expect(result.findings[0]?.determination).toBe('medically_necessary');
  });

  test('a claim check cites its silence section for a code it does not name', async () => {
    const result = await ask('check 77387 99213 acme');
    expect(result.claim?.payers).toEqual(['acme']);
    expect(result.claim?.rows.map((r) => r.subject)).toEqual(['77387', '99213']);
    // One finding for the payer; with no line bundled or barred, the unknown code's silence grounds it.
    const [acme] = result.findings;
    expect(result.findings).toHaveLength(1);
    expect(acme?.citation).toMatchObject({ policyId: 'acme', section: 'coding' });
    expect(acme?.citation.excerpt).toContain('Image guidance is billed separately');
  });

  test('the payer follow-up offers it, with a reply that parses back to it', async () => {
    const option = followUpFor(pipeline, 'payer')?.options.find((o) => o.label === 'Acme Health Plan');
    expect(option?.reply).toBe('Acme');
    const reply = await ask(`${option?.reply} IMRT prostate IGRT`);
    expect(reply.findings.map((f) => f.payer)).toEqual(['acme']);
  });

  test('help and the Home tab list it with its examples', async () => {
    expect((await ask('help')).text).toContain('Acme Health Plan (Medical Policy RT-7)');
    const home = JSON.stringify(homeView(pipeline.corpus));
    expect(home).toContain('Acme Health Plan');
    expect(home).toContain('Acme: IMRT for prostate cancer');
    expect(home).toContain('Compare Acme, CVS and Horizon on IGRT with proton therapy');
  });
});

describe('a payer added incompletely fails at load, naming file, path and reason', () => {
  const rewrite = (file: string, from: string, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
  test.each([
    [
      'no silence section in codes.yaml',
      (f: Required<DataFiles>) => rewrite(f.codes, '  acme: coding\n', ''),
      /codes\.yaml.*silence\.acme: missing/,
    ],
    [
      'a topic naming a section the policy does not have',
      (f: Required<DataFiles>) => rewrite(join(f.corpus, 'policies', 'acme.yaml'), 'indications: criteria', 'indications: II'),
      /acme\.yaml.*topics\.indications: no section "II"/,
    ],
    [
      'a reply the lexicon does not know',
      (f: Required<DataFiles>) => rewrite(join(f.corpus, 'policies', 'acme.yaml'), 'reply: Acme', 'reply: Acme Corp'),
      /lexicon\.yaml.*"Acme Corp" naming payer "acme"/,
    ],
  ])('%s', (_name, edit, reason) => {
    const load = () => loadPipeline(withThirdPayer(edit));
    expect(load).toThrow(DataError);
    expect(load).toThrow(reason);
  });
});
