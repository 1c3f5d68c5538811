import { describe, expect, test } from 'vitest';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { loadYaml } from '../../src/data/load-yaml.js';
import { projectPath } from '../../src/data/paths.js';
import { parseQuestion } from '../../src/nlu/parse.js';
import { ReirradiationFile } from '../../src/nlu/reirradiation.js';

// Generated from intents/reirradiation.yaml: every relation × a rotation of references × negation, in one clause.
const pipeline = defaultPipeline();
const data = loadYaml(projectPath('intents', 'reirradiation.yaml'), ReirradiationFile);
const fill = (p: string) => p.replace('{n}', '2').replace('{year}', '2019').replace('{n}gy', '30gy');
const references = data.references.map(fill);
const parse = (q: string) => parseQuestion(pipeline, `CVS palliative 3dcrt, the ptv ${q}`, '2025-03-04');
const cases = data.relations.needsReference.flatMap((relation, i) =>
  [0, 1, 2].map((k) => [fill(relation), references[(i * 3 + k) % references.length] as string] as const),
);

describe('composed re-irradiation: relation + reference in one clause', () => {
  test.each(cases)('"%s" … "%s" reads the PTV near prior radiation; negated, it does not', (relation, reference) => {
    const parsed = parse(`${relation} the ${reference} tumor area`);
    expect(parsed.facts.priorIrradiation ?? parsed.unsure.find((u) => u.fact === 'priorIrradiation')?.value).toBe(true);
    expect(parse(`does not ${relation} the ${reference} tumor area`).facts.priorIrradiation).not.toBe(true);
  });

  test.each(data.relations.selfReferring.map(fill))('"%s" speaks of earlier treatment on its own', (relation) => {
    expect(parse(`${relation} to the chest wall`).facts.priorIrradiation).toBe(true);
  });

  // Relations the lexicon lists as re-irradiation on their own ("same region") are its to read.
  const bare = data.relations.needsReference
    .map(fill)
    .filter((r) => !pipeline.lexicon.byFirstToken.get(r.split(' ')[0] as string)?.some((p) => p.tokens.join(' ') === r));
  test.each(bare)('"%s" with no reference to earlier treatment reads nothing', (relation) => {
    expect(parse(`${relation} the tumor`).facts.priorIrradiation).toBeUndefined();
  });

  test('a reference in another clause does not compose', () => {
    expect(parse('overlaps the nodes, prior 2019 chemo').facts.priorIrradiation).toBeUndefined();
  });

  test('a hedge makes it a reading to confirm', () => {
    const parsed = parse('possibly overlaps the 2019 boost area');
    expect(parsed.facts.priorIrradiation).toBeUndefined();
  });
});
