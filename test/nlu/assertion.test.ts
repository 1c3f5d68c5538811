import { describe, expect, test } from 'vitest';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { loadYaml } from '../../src/data/load-yaml.js';
import { projectPath } from '../../src/data/paths.js';
import { AssertionFile } from '../../src/nlu/cues.js';
import { parseQuestion } from '../../src/nlu/parse.js';

// Every cue in intents/assertion.yaml, each in a sentence of its own: the data is the test table.
const pipeline = defaultPipeline();
const parse = (q: string) => parseQuestion(pipeline, q);
const cues = loadYaml(projectPath('intents', 'assertion.yaml'), AssertionFile);
// A phrase that always asserts prior irradiation, and one that needs a proximity cue.
const AREA = 'previously irradiated area';

describe('assertion cues (NegEx/ConText), one row per cue', () => {
  test.each(cues.pre)('pre-negation "%s" negates what follows', (cue) => {
    const parsed = parse(`CVS palliative 3DCRT; ${cue} ${AREA}`);
    expect(parsed.facts.priorIrradiation).toBe(false);
  });

  test.each(cues.post)('post-negation "%s" negates what precedes', (cue) => {
    const parsed = parse(`CVS palliative 3DCRT; ${AREA} ${cue}`);
    expect(parsed.facts.priorIrradiation).toBe(false);
  });

  test.each(cues.pseudo)('pseudo-trigger "%s" negates nothing', (cue) => {
    const parsed = parse(`CVS palliative 3DCRT; ${cue} ${AREA}`);
    expect(parsed.facts.priorIrradiation).not.toBe(false);
  });

  test.each(cues.uncertain)('hedge "%s" leaves the fact to be confirmed', (cue) => {
    const parsed = parse(`CVS palliative 3DCRT; ${cue} ${AREA}`);
    expect(parsed.facts.priorIrradiation).toBeUndefined();
    expect(parsed.unsure.map((u) => u.fact)).toContain('priorIrradiation');
  });

  test.each(cues.terminators)('terminator "%s" ends a negation', (cue) => {
    const parsed = parse(`CVS palliative 3DCRT bone met; nowhere near the cord ${cue} ${AREA}`);
    expect(parsed.facts.criticalStructure).toBe(false);
    expect(parsed.facts.priorIrradiation).toBe(true);
  });

  test.each(cues.predicates)('predicate "%s" takes the negation before it', (cue) => {
    const parsed = parse(`CVS 3DCRT: why is it not ${cue} for palliative treatment?`);
    expect(parsed.facts.treatmentIntent).toBe('palliative');
  });

  // A transparent word that starts a phrase of its own here ("no target" is port-film set-up) is left out.
  const transparent = cues.transparent
    .flatMap((phrase) => phrase.split(' '))
    .filter((w) => !pipeline.lexicon.byFirstToken.has(w));
  test.each(transparent)('transparent "%s" keeps a negation sure', (word) => {
    const parsed = parse(`CVS palliative 3DCRT; no ${word} ${AREA}`);
    expect(parsed.facts.priorIrradiation).toBe(false);
    expect(parsed.unsure).toEqual([]);
  });

  test.each(cues.hypothetical)('what-if "%s" holds for this answer only', (cue) => {
    const parsed = parse(`Horizon 3DCRT prostate. ${cue} IMRT`);
    expect(parsed.facts.modality).toBe('3dcrt');
    expect(parsed.whatIf.modality).toBe('imrt');
  });

  test.each(cues.others)('experiencer "%s": what follows is someone else’s, not this patient’s', (cue) => {
    const parsed = parse(`Horizon 3DCRT prostate cancer. ${cue} lung cancer`);
    expect(parsed.facts.diagnosis).toBe('prostate');
    expect(parsed.conflicts).toEqual([]);
  });

  test.each(cues.proximity)('proximity "%s" says the target is close to an organ at risk', (cue) => {
    const parsed = parse(`CVS palliative 3DCRT bone met ${cue} the spinal cord`);
    expect(parsed.facts.criticalStructure).toBe(true);
    expect(parsed.unsure).toEqual([]);
  });
});

describe('typos', () => {
  test.each([
    ['a slip inside a long word is read', 'Horizon 3DCRT esophogus', { diagnosis: 'esophageal' }],
    ['a listed misspelling is read', 'igrt w 3dcrt prostrate horizon', { diagnosis: 'prostate' }],
  ])('%s: %s', (_name, question, facts) => {
    const parsed = parse(question);
    expect(parsed.facts).toMatchObject(facts);
    expect(parsed.unsure).toEqual([]);
  });
});

describe('negation scope', () => {
  test.each([
    [
      'an or-list carries the negation',
      'no prior RT or critical structures nearby',
      { priorIrradiation: false, criticalStructure: false },
    ],
    [
      'nowhere near an or-list',
      'palliative 3D sacral met, nowhere near old fields or critical structures',
      { priorIrradiation: false, criticalStructure: false },
    ],
    ['a comma corrects rather than lists', 'Horizon 3DCRT breast boost, not electrons, photons', { beam: 'photons' }],
    [
      '"but" ends the negation',
      'rib met; not near the cord, but previously irradiated',
      { criticalStructure: false, priorIrradiation: true },
    ],
    [
      'a negation ends at the phrase it negates',
      'whole brain without hippocampal avoidance for brain mets',
      { wholeBrain: true, hippocampalSparing: false },
    ],
    ['"not" before an enum value rules it out', 'Horizon 3DCRT rectal, patient is not prone', { diagnosis: 'rectal' }],
    ['a post-negation after a colon', 'prior RT: none', { priorIrradiation: false }],
    ['a bare "no" answers the question before it', 'palliative 3DCRT, prior radiation? no', { priorIrradiation: false }],
    ['"no," then a correction', 'CVS 3DCRT: curative? no, palliative', { treatmentIntent: 'palliative' }],
    [
      'a hint gives way to what is said',
      'CVS: cord compression from lung cancer, no bone mets',
      { boneMetastasis: false, criticalStructure: true },
    ],
    [
      'a treated region between "prior" and "RT", with a proximity cue after',
      'prior pelvic RT 2 yrs ago overlaps the PTV',
      { priorIrradiation: true },
    ],
    ['"wouldn\'t be MN with IMRT" negates the predicate', "no reason IGRT wouldn't be MN with IMRT", { modality: 'imrt' }],
    ['"2 yrs ago" is a time, not an age', 'CVS palliative 3DCRT, RT to this same spot 2 yrs ago', { priorIrradiation: true }],
    ['a lone "not" mid-clause is the forward reading', 'Horizon 3DCRT breast prone not supine', { position: 'prone' }],
    ['"not curative" is palliative', 'CVS 3DCRT lung, not curative', { treatmentIntent: 'palliative' }],
    [
      "a negated yes/no leaves the entry's other facts alone",
      'Horizon 3DCRT APBI? no, whole breast',
      { apbi: false, diagnosis: 'breast' },
    ],
  ])('%s: %s', (_name, question, facts) => {
    expect(parse(question).facts).toMatchObject(facts);
  });

  test.each([
    ['a position corrected', 'Horizon rectal ca 3D, prone — sorry, supine', { position: 'supine' }],
    ['an intent corrected', 'CVS: curative — sorry, palliative — 3D lung', { treatmentIntent: 'palliative' }],
    ['an age corrected', 'Horizon: 12 yo — typo, 72 yo — 3D NSCLC', { age: 'adult' }],
    ['a correction of something else leaves the rest', 'prone, 3D rectal — sorry, Horizon not CVS', { position: 'prone' }],
  ])('a correction replaces what came before it: %s', (_name, question, facts) => {
    const parsed = parse(question);
    expect(parsed.facts).toMatchObject(facts);
    expect(parsed.conflicts).toEqual([]);
  });

  test('"sorry" with nothing restated changes nothing', () => {
    expect(parse('prone, sorry for the long message').facts.position).toBe('prone');
  });

  test('"vs" offers alternatives as "or" does: neither is stated', () => {
    const parsed = parse('breast boost, have not decided photons vs electrons yet');
    expect(parsed.facts.beam).toBeUndefined();
    expect(parsed.facts.modality).toBeUndefined();
  });

  test.each([
    [
      '"not prone" rules out prone and the belly board under it',
      'Horizon 3DCRT rectal, patient is not prone',
      { position: ['prone'] },
    ],
    [
      '"no belly board" rules out only the belly board',
      'Horizon 3DCRT rectal, prone but no belly board',
      { position: ['prone_belly_board'] },
    ],
    ['"rather than" rules out', 'Horizon breast boost with electrons rather than photons', { beam: ['photons'] }],
    ['"not an adult" rules out the default', 'Horizon IMRT for a patient who is not an adult', { age: ['adult'] }],
  ])('ruled out — %s: %s', (_name, question, excluded) => {
    expect(parse(question).excluded).toMatchObject(excluded);
  });

  test.each([
    ['an and-list leaves the second reading unsure', 'bone met, no prior RT and the cord is close', 'criticalStructure', 'scope'],
    ['an organ named alone is not said to be close', 'CVS 3D conformal for a T10 met, cord', 'criticalStructure', 'proximity'],
    ['a radiation history alone does not say where', 'CVS palliative 3DCRT lung, prior RT', 'priorIrradiation', 'proximity'],
    ['a hedge', 'CVS palliative 3DCRT, not sure if there was prior RT', 'priorIrradiation', 'hedge'],
    // On the skin SRT is superficial RT (lexicon settledBy); elsewhere it may be stereotactic.
    ['an abbreviation with two meanings', 'CVS SRT to a lung nodule', 'modality', 'ambiguous'],
    [
      'cord compression suggests a vertebral metastasis without saying it',
      'CVS: T4-T8 cord compression, pain palliation',
      'boneMetastasis',
      'ambiguous',
    ],
    [
      'a bone named alone may or may not be a metastasis',
      'CVS palliative 3DCRT to T-spine, cord in field',
      'boneMetastasis',
      'ambiguous',
    ],
    ['a typo as close to two words (proton, photon)', 'Horizon: IGRT with pooton therapy', 'modality', 'typo'],
    ['a real word one edit from a clinical one (lives, liver)', 'Horizon 3DCRT; the patient lives alone', 'diagnosis', 'typo'],
    ['a word two edits from a clinical one (definition, definitive)', 'CVS 3DCRT lung, by definition', 'treatmentIntent', 'typo'],
  ])('unsure — %s: %s', (_name, question, fact, kind) => {
    const parsed = parse(question);
    expect(parsed.facts[fact]).toBeUndefined();
    expect(parsed.unsure.find((u) => u.fact === fact)?.doubt.kind).toBe(kind);
  });
});

describe('someone else’s history reaches to the end of its segment', () => {
  test.each([
    ['a comma ends it', 'father with colon cancer, pt with rectal cancer, Horizon 3DCRT', 'rectal'],
    ['a label’s colon does not', 'FHx: colon cancer. Horizon 3DCRT rectal cancer', 'rectal'],
    [
      'a list of relatives, each its own',
      'Family hx: father w/ colon ca at 70, sister w/ breast ca. 3D for pancreatic ca, Horizon',
      'pancreatic',
    ],
  ])('%s', (_rule, q, diagnosis) => {
    const parsed = parse(q);
    expect(parsed.facts.diagnosis).toBe(diagnosis);
    expect(parsed.conflicts).toEqual([]);
  });
});

describe('a word only near a term yields to a stated value of its fact', () => {
  test('"lives in Toms River" is not liver beside a stated pancreatic cancer', () => {
    const parsed = parse('Horizon 3DCRT pancreatic cancer, lives in Toms River');
    expect(parsed.facts.diagnosis).toBe('pancreatic');
    expect(parsed.conflicts).toEqual([]);
  });

  test('with nothing stated it is still asked about', () => {
    const parsed = parse('Horizon 3DCRT, lives in Toms River');
    expect(parsed.facts.diagnosis).toBeUndefined();
    expect(parsed.unsure.map((u) => u.fact)).toContain('diagnosis');
  });
});
