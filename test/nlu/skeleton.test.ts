import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { loadYaml } from '../../src/data/load-yaml.js';
import { projectPath } from '../../src/data/paths.js';
import { LexiconFile } from '../../src/nlu/lexicon.js';
import { parseQuestion } from '../../src/nlu/parse.js';

const pipeline = defaultPipeline();
const parse = (q: string) => parseQuestion(pipeline, q, '2025-03-04');
const lexicon = loadYaml(projectPath('intents', 'lexicon.yaml'), LexiconFile);
const skeleton = lexicon.skeleton;
if (!skeleton) throw new Error('intents/lexicon.yaml has no skeleton');

const bones = Object.entries(skeleton.regions).flatMap(([region, list]) => list.map((bone) => ({ region, ...bone })));
const words = bones.flatMap((b) =>
  [...b.names, ...b.forms].map((word) => ({ region: b.region, bone: b.bone, word, lesion: b.lesion })),
);
const METS = ['met', 'mets', 'metastasis'];
const brainParts = lexicon.classes.brainpart ?? [];

const isBoneMet = (q: string) => {
  const { facts } = parse(q);
  return facts.diagnosis === 'bone_metastasis' && facts.boneMetastasis === true;
};

describe('skeleton: every bone word with a metastasis word is a bony metastasis', () => {
  test.each(words.flatMap((w) => METS.map((met) => [w.region, w.bone, `${w.word} ${met}`] as const)))(
    '%s / %s: "%s"',
    (_region, _bone, phrase) => {
      expect(isBoneMet(`palliative 3d ${phrase}`)).toBe(true);
    },
  );

  test.each(words.map((w) => [w.word, w.lesion ? 'a metastasis' : 'not read as a metastasis', w.lesion] as const))(
    '"%s lesion" is %s',
    (word, _said, lesion) => {
      expect(isBoneMet(`palliative 3d ${word} lesion`)).toBe(lesion);
    },
  );

  test.each(skeleton.generic.map((word) => [word]))('"%s" says bone without naming one: "%s met"', (word) => {
    expect(isBoneMet(`palliative 3d ${word} met`)).toBe(true);
  });
});

describe('skeleton: a bone named alone is asked about, never taken as a bony metastasis', () => {
  test.each(bones.flatMap((b) => b.names.map((name) => [b.bone, name] as const)))('%s: "to the %s"', (_bone, name) => {
    const parsed = parse(`palliative 3d to the ${name}`);
    expect(parsed.facts.boneMetastasis).toBeUndefined();
    expect(parsed.unsure.map((u) => u.fact)).toContain('boneMetastasis');
  });

  test.each(bones.flatMap((b) => b.names.map((name) => [b.bone, `metastasis to the ${name}`] as const)))(
    '%s: "%s" is a bony metastasis',
    (_bone, phrase) => {
      expect(isBoneMet(`palliative 3d ${phrase}`)).toBe(true);
    },
  );
});

describe('skeleton: vertebrae by level', () => {
  const levels = Object.entries(skeleton.levels).flatMap(([segment, n]) =>
    Array.from({ length: n }, (_, i) => `${segment}${i + 1}`),
  );
  test('the levels run c1 … s5', () => {
    expect(levels).toHaveLength(29);
    expect(levels.slice(0, 2)).toEqual(['c1', 'c2']);
    expect(levels.at(-1)).toBe('s5');
  });
  test.each(levels.map((level) => [level.toUpperCase()]))('"%s met" is a bony metastasis', (level) => {
    expect(isBoneMet(`palliative 3d ${level} met`)).toBe(true);
  });
});

describe('skeleton and brain: a word both name is decided by the word after it', () => {
  test('no bone word is also a part of the brain (those need "bone" after them)', () => {
    const all = new Set(words.map((w) => w.word));
    expect(brainParts.filter((part) => all.has(part))).toEqual([]);
  });

  test.each(brainParts.map((part) => [part]))('"%s met" is a brain metastasis', (part) => {
    expect(parse(`palliative 3d ${part} met`).facts.diagnosis).toBe('brain_metastasis');
  });

  test.each([
    ['frontal bone met', 'bone_metastasis'],
    ['frontal lobe met', 'brain_metastasis'],
    ['temporal bone met', 'bone_metastasis'],
    ['temporal lobe met', 'brain_metastasis'],
    ['occipital bone met', 'bone_metastasis'],
    ['occipital lobe met', 'brain_metastasis'],
    ['parietal bone met', 'bone_metastasis'],
    ['parietal lobe met', 'brain_metastasis'],
    ['orbital roof met', 'bone_metastasis'],
    // The orbit holds soft tissue too: a metastasis "in the orbit" does not say bone.
    ['orbital met', undefined],
    ['sphenoid wing met', 'bone_metastasis'],
    // A sphenoid wing "lesion" is as often a meningioma.
    ['sphenoid wing lesion', undefined],
  ])('"%s" → %s', (phrase, diagnosis) => {
    expect(parse(`palliative 3d ${phrase}`).facts.diagnosis).toBe(diagnosis);
  });
});

describe('cvs.3dcrt.bone-metastases-exception over the skeleton: a bony metastasis by a critical structure', () => {
  test.each(bones.map((b) => [b.region, [...b.names, ...b.forms][0] as string]))('%s: "%s met"', async (_region, word) => {
    const result = await answer(`CVS: ${word} met, palliative 3D, abutting a critical structure, no prior RT. IGRT?`);
    expect(result.findings[0]).toMatchObject({
      payer: 'cvs',
      determination: 'medically_necessary',
      ruleId: 'cvs.3dcrt.bone-metastases-exception',
    });
  });
});
