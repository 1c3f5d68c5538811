import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { loadYaml } from '../../src/data/load-yaml.js';
import { projectPath } from '../../src/data/paths.js';
import { LexiconFile } from '../../src/nlu/lexicon.js';
import { parseQuestion } from '../../src/nlu/parse.js';

// Horizon I: "IGRT is considered medically necessary when IMRT has been approved and is being
// utilized". The approval is the fact imrtApproved, read from a state said of the IMRT; the
// states are the lexicon's word classes, so every one is checked here.
const pipeline = defaultPipeline();
const { classes } = loadYaml(projectPath('intents', 'lexicon.yaml'), LexiconFile);
const parse = (q: string) => parseQuestion(pipeline, q, '2025-03-04');
const unsure = (q: string) => parse(q).unsure.find((u) => u.fact === 'imrtApproved');
const horizon = async (q: string) =>
  (await answer(`Horizon prostate, ${q}, IGRT?`, { pipeline, today: '2025-03-04' })).findings[0];

describe('horizon.I.imrt: the approval of the IMRT is read from a state said of it', () => {
  // A refused IMRT may not be the treatment given ("IMRT denied so 3DCRT"): the modality it
  // names yields to one stated beside it (`yields` in the lexicon).
  test.each(classes.refused ?? [])(
    '"IMRT %s" reads the IMRT as not approved; the 3DCRT planned instead is the modality',
    (state) => {
      expect(parse(`the IMRT ${state} so we are planning 3DCRT`).facts).toMatchObject({ modality: '3dcrt', imrtApproved: false });
      // With no other modality named, the refused IMRT is the one given.
      expect(parse(`the IMRT ${state} but MD treats anyway`).facts).toMatchObject({ modality: 'imrt', imrtApproved: false });
    },
  );

  test.each(classes.granted ?? [])('"IMRT %s" reads it as approved', (state) => {
    expect(parse(`IMRT ${state}`).facts).toMatchObject({ modality: 'imrt', imrtApproved: true });
  });

  test.each(classes.awaiting ?? [])('"IMRT %s" is not decided: asked about, the modality still read', (state) => {
    const parsed = parse(`IMRT ${state}`);
    expect(parsed.facts.modality).toBe('imrt');
    expect(parsed.facts.imrtApproved).toBeUndefined();
    expect(unsure(`IMRT ${state}`)).toBeDefined();
  });

  test.each([
    ['a refusal said after "IGRT with"', 'is IGRT with IMRT denied'],
    ['a refusal said after "IGRT for"', 'IGRT for IMRT was rejected, appeal'],
    ['"IMRT denied" alone', 'IMRT denied'],
  ])("%s may be the IGRT's: asked about, never taken", (_why, q) => {
    expect(parse(q).facts.imrtApproved).toBeUndefined();
    expect(unsure(q)?.value).toBe(false);
  });

  test('a negated approval is a refusal', () => {
    expect(parse('IMRT approved: no').facts.imrtApproved).toBe(false);
  });
});

describe('horizon.I.imrt-not-approved: what the finding says', () => {
  test.each([
    ['unstated: approved is assumed and said', 'IMRT', 'medically_necessary'],
    ['stated approved', 'IMRT was approved', 'medically_necessary'],
    ['denied but given anyway', 'IMRT request was denied, treating IMRT anyway', 'not_medically_necessary'],
    ['denied, 3DCRT instead: the 3DCRT rules decide', 'IMRT auth got denied so 3DCRT', 'medically_necessary'],
    ['pending', 'IMRT auth pending', 'needs_info'],
  ])('%s', async (_name, q, determination) => {
    const finding = await horizon(q);
    expect(finding?.determination).toBe(determination);
    if (determination === 'needs_info') expect(finding?.missing).toEqual(['imrtApproved']);
    if (q === 'IMRT') expect(finding?.assumed.join(' ')).toMatch(/IMRT approved by the plan: taken as yes/);
  });

  test('CVS has no approval criterion: its IMRT answer does not move', async () => {
    const a = await answer('CVS: IMRT request was denied but given anyway, IGRT?', { pipeline, today: '2025-03-04' });
    expect(a.findings[0]?.determination).toBe('medically_necessary');
  });
});
